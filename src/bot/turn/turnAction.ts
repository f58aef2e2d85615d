/**
 * What the turn policy asks the adapter to do, as plain data, in order. Texts are content keys
 * (content/engine-texts.yaml), rendered in the resident's language by the adapter.
 */
import type { CrisisKind } from '../../nlu';
import type { HandoffContext, PendingHandoff } from './turnState';

/** A button: a content text sent back as typed words, a command's own phrase, or a post-back. */
export type ButtonSpec =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: 'restart' | 'human' }
  | { kind: 'send' }
  | { kind: 'dontSend' }
  | { kind: 'cancelWait' };

export type TurnAction =
  /** A content text, with buttons. */
  | { type: 'say'; text: string; buttons?: ButtonSpec[] }
  /** 112 first, the crisis line (poison line, violence line by kind), the offer of a person. */
  | { type: 'crisisResponse'; kind: CrisisKind | null; aboutOther?: boolean }
  /** Someone not breathing, unconscious, bleeding: call 112 and what to tell them. */
  | { type: 'medicalEmergency' }
  /** A weaker signal: the crisis line, and the direct question with yes/no (`again`: kindly asked once more). */
  | { type: 'askCrisisCheck'; again?: boolean }
  /**
   * After the crisis response, an answer that was not "yes, chat": stay with the resident (112,
   * the crisis line or the violence line by kind, the offer of a person again); `aboutOther` speaks
   * to someone worried about another person.
   */
  | { type: 'crisisStay'; kind: CrisisKind | null; aboutOther: boolean }
  /** After the 112 answer: stay on the line, follow the operator's instructions. */
  | { type: 'emergencyFollowUp' }
  /** The resident's words to the counsellor (accepted handoff only). */
  | { type: 'relay'; text: string }
  /** The resident is typing: shown to the counsellor (accepted handoff only). */
  | { type: 'relayTyping' }
  /** The resident is still here while waiting: the wait must not time out. */
  | { type: 'keepWaiting' }
  /** Show what the counsellor will see, with "send" and "don't send". */
  | { type: 'showSummary'; pending: PendingHandoff }
  /** The resident said send: queue them. */
  | { type: 'requestHandoff'; pending: PendingHandoff }
  | { type: 'cancelHandoff' }
  | { type: 'recordFeedback'; dialog: string; helpful: boolean }
  | { type: 'leaveContact'; queue: string; contact: string; context: HandoffContext }
  | { type: 'cancelDialogs' }
  /** Start a dialog; `firstAnswer` is a first message its first question should answer. */
  | { type: 'startDialog'; dialog: string; firstAnswer?: string }
  /** The dialog engine answers the current question with the typed text (or `text`). */
  | { type: 'continueDialog'; text?: string }
  | { type: 'reprompt' }
  | { type: 'goBack' }
  /**
   * The resident named a place: which county serves it and its services for `topic` (another
   * county's, or the national ones outside every pack), or a short acknowledgement for a place
   * of this page's own county (`own`).
   */
  | { type: 'placeAnswer'; text: string; topic: string; own: boolean }
  /** Decide again on this text as if typed now, with crisis detection already done. */
  | { type: 'replay'; text: string };

export interface Decision<S> {
  state: S;
  actions: TurnAction[];
  /** The rule of the precedence table that took the turn (for tests and logs). */
  rule: string;
}
