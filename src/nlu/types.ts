/**
 * Public types of the free-text understanding module. The dialog engine depends on exactly these
 * shapes (see src/nlu/index.ts), so change them only together with the engine.
 */
import type { Diagnostic } from '../content/diagnostic';

import { LANGS, isLang, type Lang } from '../lang';
export { LANGS, isLang, type Lang };
export type { Topic } from '../content/topics';
import type { Topic } from '../content/topics';
/** 'medical-emergency': someone not breathing, unconscious, chest pain, heavy bleeding: the 112 answer. */
export type CrisisKind = 'medical-emergency' | 'suicide' | 'self-harm' | 'poisoning' | 'violence' | 'danger';
/**
 * 'crisis': the full crisis response; 'check': a weaker signal, so the bot gives the crisis line
 * and asks directly; 'none'.
 */
export type CrisisLevel = 'crisis' | 'check' | 'none';

export interface CrisisResult {
  /** True only for level 'crisis'. */
  crisis: boolean;
  level: CrisisLevel;
  kind: CrisisKind | null;
  source: 'pattern' | 'classifier' | null;
}

export interface Classification {
  lang: Lang;
  topic: Topic;
  confidence: number;
  lowConfidence: boolean;
  alternatives: { topic: Topic; confidence: number }[];
  omaolo: string | null;
  crisis: CrisisResult;
}

export interface Nlu {
  detectLanguage(text: string, localeHint?: string): Lang;
  detectCrisis(text: string): CrisisResult;
  /** Runs crisis detection first; topic 'crisis' when crisis. */
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
