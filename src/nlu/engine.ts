/**
 * The trained Nlu: language → crisis → topic → Omaolo assessment, in that order.
 * Never logs message text (residents' messages are health data).
 */
import type { Analyser } from './analyser';
import type { TopicClassifier, TopicScore } from './classifier';
import { CrisisDetector, NO_CRISIS } from './crisis';
import type { LanguageIdentifier } from './language';
import type { OmaoloMatcher } from './omaolo';
import { Classification, CrisisResult, Lang, Nlu, Topic } from './types';

/** Classifier crisis safety net: crisis must be the best topic with at least this probability. */
export const CRISIS_THRESHOLD = 0.6;
/** Below this best-topic probability we do not trust the topic and answer "unknown". */
export const UNKNOWN_THRESHOLD = 0.3;
/** lowConfidence when the best topic is weaker than this, or this close to the runner-up. */
export const LOW_CONFIDENCE = 0.55;
export const LOW_MARGIN = 0.2;
const ALTERNATIVES = 3;

export interface EngineParts {
  normalise: (text: string) => string;
  language: LanguageIdentifier;
  analysers: Map<Lang, Analyser>;
  crisis: CrisisDetector;
  classifiers: Map<Lang, TopicClassifier>;
  omaolo: Map<Lang, OmaoloMatcher>;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export class NluEngine implements Nlu {
  constructor(private readonly parts: EngineParts) {}

  normalise(text: string): string {
    return this.parts.normalise(text);
  }

  stems(text: string, lang: Lang): string[] {
    return this.parts.analysers.get(lang)!.tokens(text, false).map((t) => t.stem);
  }

  detectLanguage(text: string, localeHint?: string): Lang {
    return this.parts.language.detect(text, localeHint);
  }

  detectCrisis(text: string): CrisisResult {
    return this.analyse(text, this.detectLanguage(text)).crisis;
  }

  classify(text: string, localeHint?: string): Classification {
    const lang = this.detectLanguage(text, localeHint);
    const { crisis, scores, tokens } = this.analyse(text, lang);
    if (crisis.crisis) {
      const crisisScore = scores.find((s) => s.topic === 'crisis')?.confidence ?? 0;
      return {
        lang,
        topic: 'crisis',
        confidence: crisis.source === 'pattern' ? 1 : round(crisisScore),
        lowConfidence: false,
        alternatives: renormalised(scores).slice(0, ALTERNATIVES),
        omaolo: null,
        crisis,
      };
    }
    const ranked = renormalised(scores);
    const best = ranked[0];
    if (!best) {
      return { lang, topic: 'unknown', confidence: 1, lowConfidence: false, alternatives: [], omaolo: null, crisis };
    }
    const second = ranked[1]?.confidence ?? 0;
    const topic: Topic = best.confidence < UNKNOWN_THRESHOLD ? 'unknown' : best.topic;
    const lowConfidence = topic !== 'unknown' && (best.confidence < LOW_CONFIDENCE || best.confidence - second < LOW_MARGIN);
    return {
      lang,
      topic,
      confidence: topic === best.topic ? best.confidence : round(1 - best.confidence),
      lowConfidence,
      alternatives: ranked.filter((s) => s.topic !== topic).slice(0, ALTERNATIVES),
      omaolo: topic === 'symptom-check' ? this.parts.omaolo.get(lang)!.pick(tokens) : null,
      crisis,
    };
  }

  /** Crisis (patterns of every language, then the classifier net) and the topic scores. */
  private analyse(text: string, lang: Lang): { crisis: CrisisResult; scores: TopicScore[]; tokens: ReturnType<CrisisDetector['maskedTokens']> } {
    const tokens = this.parts.crisis.maskedTokens(text, lang);
    const features = this.parts.analysers.get(lang)!.features(tokens);
    const classifier = this.parts.classifiers.get(lang)!;
    // The safety net only trusts words as typed: a "corrected" word may be a real word we do not
    // know ("uhmaa" → "uhkaa"); misspelt crisis words are the patterns' job.
    const typed = this.parts.analysers.get(lang)!.features(tokens.filter((t) => !t.corrected));
    const scores = classifier.scores(features);
    let crisis = this.parts.crisis.byPattern(text, { lang, tokens });
    if (!crisis.crisis && scores[0]?.topic === 'crisis' && scores[0].confidence >= CRISIS_THRESHOLD && classifier.hasDistinctiveFeature(typed, 'crisis')) {
      crisis = { crisis: true, level: 'crisis', kind: this.parts.crisis.closestKind(tokens, lang), source: 'classifier' };
    }
    return { crisis: crisis.crisis ? crisis : NO_CRISIS, scores, tokens };
  }
}

/** Scores without the crisis topic (decided separately), summing to 1, rounded for output. */
function renormalised(scores: readonly TopicScore[]): TopicScore[] {
  const rest = scores.filter((s) => s.topic !== 'crisis');
  const sum = rest.reduce((a, s) => a + s.confidence, 0);
  return sum > 0 ? rest.map((s) => ({ topic: s.topic, confidence: round(s.confidence / sum) })) : [];
}
