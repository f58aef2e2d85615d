/**
 * Honest evaluation needs eval lines that the model was not trained on. This compares texts the
 * way the model sees them — normalised, diacritics folded, punctuation dropped — so "Mä en jaksa
 * elää enää!" and "ma en jaksa elaa enaa" are the same line.
 */
import { fold } from './fold';
import { normalise } from './normalise';
import { tokenise } from './tokenise';
import type { TrainingData } from './trainingData';

export function overlapKey(text: string): string {
  return tokenise(normalise(text)).map(fold).join(' ');
}

/** Every text the model learns from: topic phrases, crisis and hyperbole patterns, risk words, Omaolo keywords. */
export function trainingTexts(data: TrainingData): string[] {
  const out: string[] = [];
  for (const d of data.langs.values()) {
    for (const phrases of d.topics.values()) out.push(...phrases);
    for (const pats of d.crisis.values()) out.push(...pats);
    out.push(...d.notCrisis);
    for (const words of d.risk.values()) out.push(...words);
  }
  for (const perLang of data.omaolo.values()) for (const words of perLang.values()) out.push(...words);
  return out;
}

/** The eval texts that appear word for word in the training data after normalising. */
export function overlapping(evalTexts: readonly string[], data: TrainingData): string[] {
  const train = new Set(trainingTexts(data).map(overlapKey));
  return evalTexts.filter((t) => train.has(overlapKey(t)));
}
