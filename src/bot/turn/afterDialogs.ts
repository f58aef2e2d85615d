/**
 * The second half of the turn policy: what the dialogs did (dialogOutcome) that the bot acts on.
 * A handoff step shows the summary first (nothing is queued before "send"); a route is kept so a
 * later "talk to a person" still knows the topic and the answers; the feedback question is noted
 * so its answer is read as feedback, and only a plain answer is.
 */
import type { DialogOutcome } from '../../engine/dialogAdapter/dialogOutcome';
import type { Decision, TurnAction } from './turnAction';
import type { HandoffStatus, TurnState } from './turnState';

export function afterDialogs(prev: TurnState, outcome: DialogOutcome, handoff: HandoffStatus | 'unreachable'): Decision<TurnState> {
  const state: TurnState = { ...prev };
  const actions: TurnAction[] = [];
  if (outcome.route) state.lastRoute = { topic: outcome.route.topic, answers: outcome.route.answers, service: outcome.route.service };
  if (outcome.feedbackFor) state.feedbackFor = outcome.feedbackFor;
  if (outcome.handoff) {
    const h = outcome.handoff;
    // The generic "talk to a person" dialog has no topic of its own: the conversation's decides the queue.
    const generic = h.topic === 'human';
    const context = generic
      ? state.personContext ?? state.lastRoute ?? { topic: 'human', answers: h.answers }
      : { topic: h.topic, answers: h.answers };
    state.personContext = null;
    state.feedbackFor = null;
    if (handoff === 'queued') actions.push({ type: 'say', text: 'handoffAlreadyWaiting', buttons: [{ kind: 'cancelWait' }] });
    else {
      const pending = { ...context, queue: h.queue, byTopic: generic };
      if (pending.topic === 'crisis') state.inCrisis = true;
      state.pendingHandoff = pending;
      actions.push({ type: 'showSummary', pending });
    }
  }
  return { state, actions, rule: 'after dialogs' };
}
