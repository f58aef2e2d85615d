/**
 * A compiled dialog program: what the compiler produces from dialogs/*.yaml and the engine runs.
 * Plain data (no functions except parsed conditions), so it is cheap to swap on hot reload.
 */
import type { Lang } from '../lang';
import type { SourcePosition } from '../content/diagnostic';
import type { Expr } from './expression';

export type LocalText = Record<Lang, string>;

export interface Choice {
  id: string;
  label: LocalText;
  goto?: string;
  set?: Record<string, string | number | boolean>;
  topic?: string;
  /** Other ways residents say it ("isä" for "a family member"), per language. */
  also?: Record<Lang, string[]>;
  /** Points this answer adds to the question's score (scored questionnaires such as AUDIT-C). */
  points?: number;
}

export type AskType = 'choice' | 'text' | 'number' | 'yesno';

export interface AskStep {
  kind: 'ask';
  id: string;
  text: LocalText;
  type: AskType;
  choices: Choice[];
  remember?: string;
  min?: number;
  max?: number;
  retry?: LocalText;
  /** The score the chosen answer's points are added to: readable in conditions as `score.<name>`. */
  score?: string;
  next?: string;
  /** A text question whose answer is understood like a first message (topic and facts), not kept. */
  understand?: boolean;
}
export interface SayStep {
  kind: 'say';
  id: string;
  text: LocalText;
  next: string;
}
export interface BranchStep {
  kind: 'branch';
  id: string;
  cases: { when: Expr; source: string; goto: string }[];
  otherwise: string;
}
export interface RouteStep {
  kind: 'route';
  id: string;
  service: string;
  topic?: string;
  offerHandoff: boolean;
  /** The card without its Omaolo channel: the resident is asking for a child. */
  withoutOmaolo?: boolean;
  next?: string;
}
export interface HandoffStep {
  kind: 'handoff';
  id: string;
  queue: string;
  next?: string;
}
export interface CallStep {
  kind: 'call';
  id: string;
  dialog: string;
  /** Parameters for the called dialog: each an expression over this dialog's variables. */
  with: { name: string; value: Expr; source: string }[];
  next: string;
}
export interface EndStep {
  kind: 'end';
  id: string;
  feedback: boolean;
  text?: LocalText;
}

export type Step = AskStep | SayStep | BranchStep | RouteStep | HandoffStep | CallStep | EndStep;

/** A value a dialog expects from its caller (`params:`), set before its first step. */
export interface DialogParam {
  name: string;
  type: 'number' | 'boolean' | 'text';
  default?: string | number | boolean;
}

export interface DialogScript {
  id: string;
  topic: string;
  start: string;
  params: DialogParam[];
  steps: Map<string, Step>;
  /** Where each step is written, for diagnostics and graphs. */
  positions: Map<string, SourcePosition>;
  file: string;
}

/** Words for answers to the bot's own yes/no questions (content/commands.yaml `answers`). */
export interface AnswerWords {
  yes: Record<Lang, string[]>;
  no: Record<Lang, string[]>;
  /** "en tiedä", "kanske", "maybe": never read as no. */
  unsure: Record<Lang, string[]>;
  /** Words that may open an answer without changing it ("no kyl", "well, sometimes"). */
  filler: Record<Lang, string[]>;
}

export interface CommandPhrases {
  restart: Record<Lang, string[]>;
  /** End the dialog under way ("lopeta", "sluta", "stop"). */
  stop: Record<Lang, string[]>;
  back: Record<Lang, string[]>;
  help: Record<Lang, string[]>;
  human: Record<Lang, string[]>;
  /** Phrases (in any language) that switch to the keyed language. */
  language: Record<Lang, string[]>;
  /** Greetings ("hei", "hej", "hello"): answered with the current question, not "I did not understand". */
  greeting: Record<Lang, string[]>;
  answers: AnswerWords;
}

export interface Program {
  /** Content version: a hash of every content file; carried in conversation state. */
  version: string;
  dialogs: Map<string, DialogScript>;
  commands: CommandPhrases;
  texts: Record<string, LocalText>;
  /** Topic → the dialog that handles it, and its label for clarifying questions. */
  topics: Map<string, { dialog: string; label: LocalText }>;
}
