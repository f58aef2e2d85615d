/**
 * What the dialogs did during a turn that the bot must act on after them: a handoff step reached,
 * a service routed to, the feedback question asked. The dialog adapter records it in the turn's
 * state; the bot's turn policy reads it (src/bot/turn/afterDialogs.ts). Plain data.
 */
import type { TurnContext } from 'botbuilder';
import type { AnswerRef } from '../answers';

export interface DialogOutcome {
  /** A `handoff` step: the queue it names, the dialog it is in and the answers given so far. */
  handoff?: { queue: string; dialog: string; topic: string; answers: AnswerRef[] };
  /** The last route of the turn, so a summary can still be made after the dialog has ended. */
  route?: { dialog: string; topic: string; service: string; answers: AnswerRef[] };
  /** The dialog whose feedback question was just asked. */
  feedbackFor?: string;
}

const OUTCOME_KEY = Symbol('opastin.dialogOutcome');

export function dialogOutcome(context: TurnContext): DialogOutcome {
  let outcome = context.turnState.get(OUTCOME_KEY) as DialogOutcome | undefined;
  if (!outcome) {
    outcome = {};
    context.turnState.set(OUTCOME_KEY, outcome);
  }
  return outcome;
}
