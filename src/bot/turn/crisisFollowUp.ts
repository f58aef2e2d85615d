/**
 * The turns after a crisis answer, where a resident must never meet the menu's "I can't help with
 * that" (docs/crisis-model.md, "After the crisis answer"):
 *
 * - the check-in ("are you having thoughts of ending your life?"): yes, or unsure ("en tiedä",
 *   "kanske", "idk"), gets the crisis response; no carries on with what the resident wrote; an
 *   answer the bot cannot read is asked again kindly with the crisis line, and a second one gets
 *   the crisis response;
 * - the crisis response's chat offer: a typed yes opens the chat; anything else but a command or a
 *   tap of the waiting question stays with the resident (the lines again, the offer again);
 * - the 112 answer: follow-ups ("mitä mä teen", "I already called") are told to stay on the line.
 */
import { askForPerson } from './askForPerson';
import type { RuleContext } from './ruleContext';

const typedText = (c: RuleContext): string | null => (c.input.kind === 'text' && c.input.text ? c.input.text : null);

function answerOf(c: RuleContext): 'yes' | 'no' | 'unsure' | null {
  if (c.facts.answer) return c.facts.answer;
  return c.facts.yesNo === null ? null : c.facts.yesNo ? 'yes' : 'no';
}

export function crisisCheckAnswer(c: RuleContext): boolean {
  const typed = typedText(c);
  const check = c.state.crisisCheck;
  if (!typed || !check) return false;
  c.state.crisisCheck = null;
  const answer = answerOf(c);
  // "alusta", "ihminen", "ei, haluan puhua ihmisen kanssa": the command runs. A yes never waits for it.
  if (c.facts.command && answer !== 'yes' && answer !== 'unsure') return false;
  const accepted = c.handoff === 'accepted';
  if (answer === 'no') {
    c.actions.push({ type: 'say', text: 'crisisCheckNo' });
    // Carry on with what the resident wrote before the question.
    if (!accepted) c.actions.push({ type: 'replay', text: check.resume });
  } else if (answer === null && !check.asked) {
    c.state.crisisCheck = { resume: check.resume, asked: 1 };
    c.actions.push({ type: 'askCrisisCheck', again: true });
  } else {
    // Crisis workers treat "I don't know" as a reason to help now, not as a no.
    if (answer === 'unsure') c.actions.push({ type: 'say', text: 'crisisCheckUnsure' });
    if (answer === null) c.actions.push({ type: 'say', text: 'crisisCheckUnclear' });
    c.state.inCrisis = true;
    c.state.crisisOffer = { kind: 'suicide' };
    c.actions.push({ type: 'crisisResponse', kind: 'suicide' });
  }
  if (accepted) c.actions.push({ type: 'relay', text: typed });
  return true;
}

export function crisisOfferAnswer(c: RuleContext): boolean {
  const typed = typedText(c);
  const offer = c.state.crisisOffer;
  if (!typed || !offer) return false;
  const answer = answerOf(c);
  // A command, a tap, or a typed choice of the waiting question ("alkoholi") carries on as usual.
  if (c.facts.command || c.facts.offeredChoice || (c.facts.matchesChoice && answer === null)) {
    c.state.crisisOffer = null;
    return false;
  }
  if (answer === 'yes') {
    c.state.crisisOffer = null;
    askForPerson(c);
    return true;
  }
  c.actions.push({ type: 'crisisStay', kind: offer.kind, aboutOther: !!offer.aboutOther });
  return true;
}

export function emergencyFollowUp(c: RuleContext): boolean {
  if (!typedText(c) || !c.state.afterEmergency) return false;
  if (c.facts.command || c.facts.offeredChoice) {
    c.state.afterEmergency = false;
    return false;
  }
  c.actions.push({ type: 'emergencyFollowUp' });
  return true;
}
