/**
 * Public types of the free-text understanding module. The dialog engine depends on exactly these
 * shapes (see src/nlu/index.ts), so change them only together with the engine.
 */
import type { Diagnostic } from '../content/diagnostic';

import { LANGS, isLang, type Lang } from '../lang';
export { LANGS, isLang, type Lang };
export type { Topic } from '../content/topics';
import type { Topic } from '../content/topics';
/**
 * 'medical-emergency' (someone not breathing, unconscious, chest pain with a numb arm, heavy
 * bleeding) always comes with level 'crisis' and means: answer with the 112 response at once, not
 * the crisis-line text.
 */
export type CrisisKind = 'suicide' | 'self-harm' | 'poisoning' | 'violence' | 'danger' | 'medical-emergency';

/**
 * 'crisis': the full crisis response now. 'check': a weaker signal — give the crisis line and ask
 * directly ("Are you having thoughts of ending your life?", yes/no). 'none': carry on.
 */
export type CrisisLevel = 'crisis' | 'check' | 'none';

export interface CrisisResult {
  level: CrisisLevel;
  /** True only for level 'crisis'. */
  crisis: boolean;
  /** Set for 'crisis' and 'check'; null for 'none'. */
  kind: CrisisKind | null;
  /**
   * 'risk-model': a rule of the C-SSRS-grounded model (docs/crisis-model.md). 'message-model': the
   * model learned from labelled messages moved the decision to the direct question (up from
   * none, or down from a full response it reads as a figure of speech; messageModel.ts).
   */
  source: 'pattern' | 'risk-model' | 'classifier' | 'message-model' | null;
  /**
   * A suicide or self-harm risk written about someone else ("mun poika lähetti hyvästit", "my
   * friend wants to die"): someone close is named and the writer is neither subject nor object.
   * Set only when true; the bot then speaks to the person who is worried (docs/crisis-model.md).
   */
  aboutOther?: boolean;
}

export interface Classification {
  lang: Lang;
  topic: Topic;
  /** Calibrated probability that `topic` is right (docs/nlu.md, "Calibration"). */
  confidence: number;
  /**
   * Ask a clarifying question. Also true when a long message names two worries: then the second
   * worry is alternatives[0].
   */
  lowConfidence: boolean;
  alternatives: { topic: Topic; confidence: number }[];
  omaolo: string | null;
  crisis: CrisisResult;
}

export interface Nlu {
  detectLanguage(text: string, localeHint?: string): Lang;
  /** The same decision classify() makes (the hint only picks the language of the topic model). */
  detectCrisis(text: string, localeHint?: string): CrisisResult;
  /**
   * Runs crisis detection first; topic 'crisis' when level 'crisis'. A confidently typed language
   * wins over the locale hint ("min pappa behöver hemvård" on the Finnish page is Swedish).
   */
  classify(text: string, localeHint?: string): Classification;
  /** Token-level helpers the dialog engine reuses to match typed answers to choice labels tolerantly. */
  normalise(text: string): string;
  stems(text: string, lang: Lang): string[];
}

export interface NluBuildResult {
  nlu: Nlu;
  diagnostics: Diagnostic[];
}

/** Fixed lists, in a stable order (ties and output order follow them). */
import { TOPICS } from '../content/topics';
export { TOPICS };
/**
 * In precedence order: when several kinds fire, the first wins. A medical emergency comes first:
 * someone not breathing needs 112 now, whatever else the message says.
 */
export const CRISIS_KINDS: readonly CrisisKind[] = ['medical-emergency', 'suicide', 'self-harm', 'poisoning', 'violence', 'danger'];

/** Omaolo symptom assessments; the service catalogue uses the same ids. */
export const OMAOLO_IDS: readonly string[] = [
  'respiratory-infection',
  'urinary-tract-infection',
  'sore-throat',
  'cough',
  'ear-pain',
  'low-back-pain',
  'shoulder',
  'knee',
  'headache',
  'diarrhoea',
  'anal-symptoms',
  'std-suspicion',
  'eye-discharge',
  'heartburn',
  'eye-infection',
  'general-symptoms',
];
export const OMAOLO_FALLBACK = 'general-symptoms';

export function isTopic(x: unknown): x is Topic {
  return typeof x === 'string' && (TOPICS as readonly string[]).includes(x);
}
export function isCrisisKind(x: unknown): x is CrisisKind {
  return typeof x === 'string' && (CRISIS_KINDS as readonly string[]).includes(x);
}
