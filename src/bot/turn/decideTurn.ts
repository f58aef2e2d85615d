/**
 * The turn policy: one pure decision per turn, `decideTurn(state, input, facts) → { state,
 * actions }`. The rules below are tried in order and the first that takes the turn decides it;
 * their order is the precedence table in docs/architecture.md (tests/bot/precedence.test.ts
 * checks it pair by pair). Crisis detection is always first: on every message, at every step,
 * during a handoff.
 */
import type { Decision, TurnAction } from './turnAction';
import type { TurnFacts } from './turnFacts';
import type { TurnInput } from './turnInput';
import type { RuleContext } from './ruleContext';
import type { TurnState } from './turnState';
import { askForPerson, currentContext, offerSummary } from './askForPerson';
import { crisisCheckAnswer, crisisOfferAnswer, emergencyFollowUp } from './crisisFollowUp';
import { withCounsellor } from './withCounsellor';

/** A rule takes the turn (true) or leaves it to the next one. */
type Rule = (c: RuleContext) => boolean;

const text = (c: RuleContext): string | null => (c.input.kind === 'text' && c.input.text ? c.input.text : null);
const say = (c: RuleContext, key: string, buttons?: Extract<TurnAction, { type: 'say' }>['buttons']) => c.actions.push({ type: 'say', text: key, ...(buttons ? { buttons } : {}) });

const crisisFirst: Rule = (c) => {
  const typed = text(c);
  if (!typed || c.facts.crisis.level === 'none') return false;
  // "soitin jo 112" after the 112 answer is the same emergency, not a new crisis (emergency follow-up).
  if (c.state.afterEmergency && c.facts.crisis.kind !== 'suicide' && c.facts.crisis.kind !== 'self-harm') return false;
  const accepted = c.handoff === 'accepted';
  c.state.feedbackFor = null;
  c.state.crisisCheck = null;
  c.state.crisisOffer = null;
  c.state.afterEmergency = false;
  if (c.facts.crisis.kind === 'medical-emergency') {
    c.state.afterEmergency = true;
    c.actions.push({ type: 'medicalEmergency' });
  } else if (c.facts.crisis.level === 'crisis') {
    c.state.inCrisis = true;
    const aboutOther = c.facts.crisis.aboutOther ?? false;
    c.state.crisisOffer = { kind: c.facts.crisis.kind, ...(aboutOther ? { aboutOther } : {}) };
    c.actions.push({ type: 'crisisResponse', kind: c.facts.crisis.kind, ...(aboutOther ? { aboutOther } : {}) });
  } else {
    c.state.crisisCheck = { resume: typed.slice(0, 500) };
    c.actions.push({ type: 'askCrisisCheck' });
  }
  // During a handoff the counsellor must see it too.
  if (accepted) c.actions.push({ type: 'relay', text: typed });
  // A tap on one of the bot's own choices ("Danger now") also carries on the dialog, so the
  // crisis path the resident picked is not lost.
  const carryOn = c.facts.crisis.level !== 'check' && !accepted && c.facts.offeredChoice;
  if (carryOn) c.state.crisisOffer = null;
  return !carryOn;
};

const contentChanged: Rule = (c) => {
  if (c.facts.contentVersion === c.state.contentVersion) return false;
  if (!c.facts.stackFits) {
    c.actions.push({ type: 'cancelDialogs' });
    c.hasDialog = false;
    if (c.state.contentVersion) say(c, 'contentChanged');
  }
  c.state.contentVersion = c.facts.contentVersion;
  return false;
};

const joined: Rule = (c) => {
  if (c.input.kind !== 'join') return false;
  if (!c.hasDialog) c.actions.push({ type: 'startDialog', dialog: 'main' });
  return true;
};

const startEvent: Rule = (c) => {
  if (c.input.kind !== 'start') return false;
  c.actions.push({ type: 'cancelDialogs' }, { type: 'startDialog', dialog: c.input.dialog });
  return true;
};

const postBack: Rule = (c) => {
  if (c.input.kind !== 'postBack') return false;
  const p = c.input.postBack;
  switch (p.action) {
    case 'handoff':
      // The offer tap stands in for the feedback answer it sat beside.
      c.state.feedbackFor = null;
      offerSummary(c, { ...currentContext(c), queue: p.queue, byTopic: false });
      return true;
    case 'send':
      if (c.state.pendingHandoff) c.actions.push({ type: 'requestHandoff', pending: c.state.pendingHandoff });
      else c.actions.push({ type: 'reprompt' });
      c.state.pendingHandoff = null;
      return true;
    case 'cancel':
      if (c.state.pendingHandoff) {
        c.state.pendingHandoff = null;
        say(c, 'handoffNotSent');
      } else if (c.handoff === 'queued') {
        c.actions.push({ type: 'cancelHandoff' });
        c.state.handoffSeen = 'none';
        say(c, 'handoffCancelled');
      }
      c.actions.push({ type: 'reprompt' });
      return true;
    case 'contact':
      c.state.contactFor = p.queue;
      say(c, 'contactAsk');
      return true;
  }
};

const summaryAnswer: Rule = (c) => {
  const pending = c.state.pendingHandoff;
  if (!text(c) || !pending) return false;
  c.state.pendingHandoff = null;
  if (c.facts.command || c.facts.yesNo === null) return false;
  if (c.facts.yesNo) c.actions.push({ type: 'requestHandoff', pending });
  else {
    say(c, 'handoffNotSent');
    c.actions.push({ type: 'reprompt' });
  }
  return true;
};

const feedbackAnswer: Rule = (c) => {
  const dialog = c.state.feedbackFor;
  if (!text(c) || !dialog) return false;
  c.state.feedbackFor = null;
  // "ei, haluan puhua ihmisen kanssa" is a request, not feedback: only a plain answer counts.
  if (c.facts.command || c.facts.yesNo === null) return false;
  c.actions.push({ type: 'recordFeedback', dialog, helpful: c.facts.yesNo });
  if (c.facts.yesNo) say(c, 'feedbackThanks', [{ kind: 'command', command: 'restart' }]);
  else say(c, 'feedbackSorry', [{ kind: 'command', command: 'restart' }, { kind: 'command', command: 'human' }]);
  return true;
};

const command: Rule = (c) => {
  const cmd = c.facts.command;
  if (!text(c) || !cmd) return false;
  switch (cmd.kind) {
    case 'human':
      askForPerson(c);
      return true;
    case 'stop':
      c.actions.push({ type: 'cancelDialogs' });
      say(c, 'stopped', [{ kind: 'command', command: 'restart' }]);
      return true;
    case 'restart':
      c.actions.push({ type: 'cancelDialogs' });
      say(c, 'restarted');
      c.actions.push({ type: 'startDialog', dialog: 'main' });
      return true;
    case 'help':
      say(c, 'help');
      c.actions.push({ type: 'reprompt' });
      return true;
    case 'greeting':
      c.actions.push({ type: 'reprompt' });
      return true;
    case 'language':
      c.state.lang = cmd.lang;
      say(c, 'languageChanged');
      c.actions.push({ type: 'reprompt' });
      return true;
    case 'back':
      c.actions.push({ type: 'goBack' });
      return true;
  }
};

const contactAnswer: Rule = (c) => {
  const typed = text(c);
  const queue = c.state.contactFor;
  if (!typed || !queue) return false;
  c.state.contactFor = null;
  if (c.facts.isContact) {
    c.actions.push({ type: 'leaveContact', queue, contact: typed.slice(0, 200), context: currentContext(c) }, { type: 'reprompt' });
    return true;
  }
  say(c, 'contactInvalid');
  return false;
};

/**
 * A resident who names a municipality or postal code of another county ("asun Porissa", "28100")
 * is told which county serves it and offered that county's services; a place of this page's own
 * county interrupts nothing unless the message is only the place. An answer to the waiting
 * question wins: "Kemi" may be a choice's word, and a matched choice is what the resident meant;
 * at a question asking for free text, a sentence that mentions a place ("the weather in Oulu")
 * is the answer, and only the place alone is read as a place.
 */
const placeNamed: Rule = (c) => {
  const typed = text(c);
  const place = c.facts.place;
  if (!typed || !place || c.facts.matchesChoice || c.facts.offeredChoice) return false;
  if (!place.onlyPlace && (!place.otherCounty || c.facts.textQuestion)) return false;
  c.actions.push({ type: 'placeAnswer', text: typed, topic: c.facts.topic, own: !place.otherCounty }, { type: 'reprompt' });
  return true;
};

const dialog: Rule = (c) => {
  const typed = text(c);
  // The first message counts: with no dialog under way it answers the menu instead of being met by it.
  if (!c.hasDialog) c.actions.push({ type: 'startDialog', dialog: 'main', ...(typed ? { firstAnswer: typed } : {}) });
  else c.actions.push({ type: 'continueDialog' });
  return true;
};

/** The precedence table, top to bottom (docs/architecture.md). */
export const RULES: readonly { name: string; rule: Rule }[] = [
  { name: 'crisis first', rule: crisisFirst },
  { name: 'crisis check answer', rule: crisisCheckAnswer },
  { name: 'with a counsellor', rule: withCounsellor },
  { name: 'emergency follow-up', rule: emergencyFollowUp },
  { name: 'content changed', rule: contentChanged },
  { name: 'chat joined', rule: joined },
  { name: 'start event', rule: startEvent },
  { name: 'post-back', rule: postBack },
  { name: 'summary answer', rule: summaryAnswer },
  { name: 'crisis offer answer', rule: crisisOfferAnswer },
  { name: 'feedback answer', rule: feedbackAnswer },
  { name: 'command', rule: command },
  { name: 'contact answer', rule: contactAnswer },
  { name: 'place named', rule: placeNamed },
  { name: 'dialog', rule: dialog },
];

export function decideTurn(prev: TurnState, input: TurnInput, facts: TurnFacts, replayed = false): Decision<TurnState> {
  if (input.kind === 'ignored') return { state: prev, actions: [], rule: 'ignored' };
  // Typing changes nothing; a counsellor is shown it, so they wait for the message.
  if (input.kind === 'typing') return { state: prev, actions: facts.handoff === 'accepted' ? [{ type: 'relayTyping' }] : [], rule: 'typing' };
  const state: TurnState = { ...prev };
  if (input.kind === 'text' && !replayed) state.turns += 1;
  if (facts.localeLang && facts.locale !== state.locale) {
    state.locale = facts.locale;
    state.lang = facts.localeLang;
  }
  if (!state.lang) state.lang = input.kind === 'text' && input.text ? facts.detectedLang : 'fi';
  const handoff = facts.handoff === 'unreachable' ? 'none' : facts.handoff;
  if (facts.handoff !== 'unreachable') {
    // The counsellor ended the chat (or it timed out): its one-tap feedback question may be answered next.
    if (prev.handoffSeen !== 'none' && handoff === 'none') {
      state.feedbackFor = state.feedbackFor ?? 'handoff';
      state.confirmEnd = null;
    }
    state.handoffSeen = handoff;
  }
  const c: RuleContext = { state, actions: [], input, facts, handoff, hasDialog: facts.hasDialog };
  // Waiting residents who keep using the bot are still here: the wait must not time out.
  if (input.kind === 'text' && handoff === 'queued' && !replayed) c.actions.push({ type: 'keepWaiting' });
  const taken = RULES.find(({ rule }) => rule(c));
  return { state: c.state, actions: c.actions, rule: taken?.name ?? 'none' };
}
