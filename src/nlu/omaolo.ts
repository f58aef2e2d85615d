/**
 * Picks the Omaolo symptom assessment for a symptom-check message: the assessment with the most
 * keyword matches (content/nlu/omaolo.yaml, keywords are patterns as in crisis files). Ties go to
 * the assessment listed first; with no match the general symptom questionnaire is the safe default.
 */
import type { Token } from './analyser';
import { Pattern, matchPattern } from './patterns';
import { OMAOLO_FALLBACK } from './types';

export class OmaoloMatcher {
  constructor(private readonly assessments: { id: string; keywords: Pattern[] }[]) {}

  pick(tokens: readonly Token[]): string {
    let best = OMAOLO_FALLBACK;
    let bestScore = 0;
    for (const { id, keywords } of this.assessments) {
      let score = 0;
      for (const k of keywords) if (matchPattern(k, tokens)) score += k.words.length;
      if (score > bestScore) {
        best = id;
        bestScore = score;
      }
    }
    return best;
  }
}
