/**
 * "Talk to a person", wherever the resident asks for it (the command, a yes to the crisis
 * response's chat offer): the summary first, nothing queued before "send"; the content's human
 * dialog when it has one; "you are already in the queue" while waiting.
 */
import type { RuleContext } from './ruleContext';
import type { HandoffContext, PendingHandoff } from './turnState';

/** What a request made now would carry: the dialogs' answers, else the last route's. */
export function currentContext(c: RuleContext): HandoffContext {
  if (c.facts.answers.length > 0 && c.facts.topic !== 'unknown') return { topic: c.facts.topic, answers: c.facts.answers };
  return c.state.lastRoute ?? { topic: 'human', answers: [] };
}

export function offerSummary(c: RuleContext, pending: PendingHandoff): void {
  if (c.handoff === 'queued') {
    c.actions.push({ type: 'say', text: 'handoffAlreadyWaiting', buttons: [{ kind: 'cancelWait' }] });
    return;
  }
  c.state.pendingHandoff = pending;
  if (pending.topic === 'crisis') c.state.inCrisis = true;
  c.actions.push({ type: 'showSummary', pending });
}

export function askForPerson(c: RuleContext): void {
  const context = currentContext(c);
  if (c.handoff === 'queued') c.actions.push({ type: 'say', text: 'handoffAlreadyWaiting', buttons: [{ kind: 'cancelWait' }] });
  else if (c.facts.hasHumanDialog) {
    // The dialogs are cleared, so keep what they held for the summary the human dialog's handoff makes.
    c.state.personContext = context;
    c.actions.push({ type: 'cancelDialogs' }, { type: 'startDialog', dialog: 'human' });
  } else offerSummary(c, { ...context, queue: null, byTopic: true });
}
