/**
 * What the adapter looked up before the turn policy decides (src/bot/opastinBot.ts gathers them):
 * plain values, so the policy is a pure function and every pair of state and input can be tested
 * without a channel, a store or a model.
 */
import type { AnswerRef } from '../../engine/answers';
import type { AnswerWord } from '../../engine/answerWords';
import type { CrisisKind, CrisisLevel } from '../../nlu';
import type { Lang } from '../../lang';
import type { Command } from '../commands';
import type { HandoffStatus } from './turnState';

export interface PlaceFact {
  /** The pack serving the place, or null when no pack covers it (national services). */
  region: string | null;
  /** The place is outside the county of this page. */
  otherCounty: boolean;
  /** The message is just the place ("Pori", "28100", "asun Porissa") and asks nothing else. */
  onlyPlace: boolean;
}

export interface TurnFacts {
  /** Crisis detection on the typed text (always run first; 'none' for no text). */
  crisis: { level: CrisisLevel; kind: CrisisKind | null; aboutOther?: boolean };
  /** A global command the text is, if any. */
  command: Command | null;
  /** The text read strictly as yes/no (a label, a bare yes/no word): null otherwise. */
  yesNo: boolean | null;
  /**
   * The text read as an answer to the bot's own yes/no questions with the content's answer words
   * ("kyl", "välillä on", "ibland", "kind of" = yes; "en tiiä", "kanske", "idk" = unsure): null otherwise.
   */
  answer: AnswerWord | null;
  /** The text is exactly one of the choices the bot has just offered (a tap). */
  offeredChoice: boolean;
  /** The question waiting for an answer has a choice this text matches (typed, with typos or in a sentence). */
  matchesChoice: boolean;
  /** The question waiting for an answer takes free text ("tell me briefly about your situation"). */
  textQuestion: boolean;
  /** A municipality or postal code the text names (src/content/places), or null. */
  place: PlaceFact | null;
  /** The text looks like a phone number or an e-mail address. */
  isContact: boolean;
  /** Handoff status now; 'unreachable' when this channel has no handoff. */
  handoff: HandoffStatus | 'unreachable';
  /** Content: the version serving now, and whether the saved dialog stack still fits it. */
  contentVersion: string;
  stackFits: boolean;
  /** A dialog is under way. */
  hasDialog: boolean;
  /** The topic of the innermost dialog and the choices made so far (for "talk to a person"). */
  topic: string;
  answers: AnswerRef[];
  /** The content has a `human` dialog (explains who answers, then its handoff step). */
  hasHumanDialog: boolean;
  /** The language read from the client's locale, and the one detected in the text. */
  localeLang: Lang | null;
  locale: string | null;
  detectedLang: Lang;
}
