/**
 * The trained Nlu: language → crisis → topic → Omaolo assessment, in that order.
 * Never logs message text (residents' messages are health data).
 */
import type { Analyser, Token } from './analyser';
import { TEMPERATURE, calibrate } from './calibration';
import type { TopicClassifier, TopicScore } from './classifier';
import { CrisisDetector, NO_CRISIS, stronger } from './crisis';
import type { LanguageIdentifier } from './language';
import { MessageModel, messageMarks, messageWords } from './messageModel';
import { secondWorry } from './multiWorry';
import type { OmaoloMatcher } from './omaolo';
import { Classification, CrisisKind, CrisisResult, Lang, Nlu, Topic } from './types';

/** Classifier safety net: crisis must be the best topic with at least this probability → 'check'. */
export const CRISIS_THRESHOLD = 0.6;
/**
 * The net also needs this many distinct words typical of crisis examples: with one, a single
 * "apua" or "now" ("aion hakea apua huomenna", "I could murder a pizza right now", a toddler's
 * speech question) asked residents about suicide. The dev crisis lines it used to catch alone are
 * now the risk model's.
 */
export const NET_DISTINCTIVE = 2;
/** Below this best-topic probability we do not trust the topic and answer "unknown". */
export const UNKNOWN_THRESHOLD = 0.3;
/** lowConfidence when the best topic is weaker than this, or this close to the runner-up. */
export const LOW_CONFIDENCE = 0.55;
export const LOW_MARGIN = 0.2;
const ALTERNATIVES = 3;
/** The message model's share of the topic vote (messageModel.ts; chosen leaving one labelled set out). */
export const MESSAGE_SHARE = 0.5;
/** The message model this sure that a crisis is meant, where the rules found none → 'check'. */
export const MESSAGE_RAISE = 0.9;
/** The message model this sure that none is meant, where a rule gave the full response → 'check'. */
export const MESSAGE_LOWER = 0.02;
/** The words of a message the message model reads (learnedFeatures). */
export const MESSAGE_TOKENS = 100;

export interface EngineParts {
  normalise: (text: string) => string;
  language: LanguageIdentifier;
  analysers: Map<Lang, Analyser>;
  crisis: CrisisDetector;
  classifiers: Map<Lang, TopicClassifier>;
  omaolo: Map<Lang, OmaoloMatcher>;
  /** Calibration temperature; default calibration.ts TEMPERATURE (fitted on the dev sets). */
  temperature?: number;
  /** Learned from labelled resident messages (messageModel.ts); without it, rules and phrases only. */
  messages?: MessageModel;
  /** MESSAGE_SHARE, MESSAGE_RAISE and MESSAGE_LOWER, for choosing them (`nlu:eval -- --tune`). */
  messageTuning?: MessageTuning;
}

/**
 * The kind the message model may lower to the check-in: the one figures of speech, jokes, stories
 * and pasts use ("I'll shoot myself if I have to fill in one more form 😂", a suicide in a novel).
 * Leaving one labelled set out, every full response it lowered on a non-crisis line was of this
 * kind. Self-harm, violence, danger, poisoning and emergencies keep the full response: their
 * check-in question would be the wrong one.
 */
const LOWERED_KINDS: readonly CrisisKind[] = ['suicide'];

export interface MessageTuning {
  share: number;
  raise: number;
  lower: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export class NluEngine implements Nlu {
  private readonly temperature: number;
  private readonly tuning: MessageTuning;

  constructor(private readonly parts: EngineParts) {
    this.temperature = parts.temperature ?? TEMPERATURE;
    this.tuning = parts.messageTuning ?? { share: MESSAGE_SHARE, raise: MESSAGE_RAISE, lower: MESSAGE_LOWER };
  }

  normalise(text: string): string {
    return this.parts.normalise(text);
  }

  /** The same engine and message model with other MESSAGE_* settings (`nlu:eval -- --tune`). */
  retuned(messageTuning: MessageTuning): NluEngine {
    return new NluEngine({ ...this.parts, messageTuning });
  }

  /** The same engine with a message model (or, given undefined, without one). */
  withMessages(messages: MessageModel | undefined): NluEngine {
    return new NluEngine({ ...this.parts, messages });
  }

  /** What the message model reads of a text in `lang`: the classifier's features and the marks (messageModel.ts). */
  messageFeatures(text: string, lang: Lang): string[] {
    return this.learnedFeatures(text, lang, this.parts.crisis.maskedTokens(text, lang), null);
  }

  /**
   * The message model reads the first MESSAGE_TOKENS words: the longest labelled message has 71,
   * and a 4,000-letter paste then costs no more than a long message (the rules still read all of
   * it). `features`: the classifier's features of all `tokens`, if known.
   */
  private learnedFeatures(text: string, lang: Lang, tokens: Token[], features: string[] | null): string[] {
    const head = tokens.length > MESSAGE_TOKENS ? tokens.slice(0, MESSAGE_TOKENS) : tokens;
    const stems = features && head === tokens ? features : this.parts.analysers.get(lang)!.features(head);
    return [...stems, ...messageWords(head), ...messageMarks(text)];
  }

  stems(text: string, lang: Lang): string[] {
    return this.parts.analysers.get(lang)!.tokens(text, false).map((t) => t.stem);
  }

  detectLanguage(text: string, localeHint?: string): Lang {
    return this.parts.language.detect(text, localeHint);
  }

  detectCrisis(text: string, localeHint?: string): CrisisResult {
    return this.analyse(text, this.detectLanguage(text, localeHint)).crisis;
  }

  /** The id of the risk-model rule behind a result (tests, docs); null when none fires. */
  riskRule(text: string, lang: Lang): string | null {
    return this.parts.crisis.ruleFor(text, lang);
  }

  classify(text: string, localeHint?: string): Classification {
    const lang = this.detectLanguage(text, localeHint);
    const { crisis, scores, tokens, learned } = this.analyse(text, lang);
    if (crisis.crisis) {
      return {
        lang,
        topic: 'crisis',
        confidence: 1,
        lowConfidence: false,
        alternatives: calibrate(withoutCrisis(scores), this.temperature).map(rounded).slice(0, ALTERNATIVES),
        omaolo: null,
        crisis,
      };
    }
    const ranked = this.blend(calibrate(withoutCrisis(scores), this.temperature), learned);
    const best = ranked[0];
    if (!best) {
      return { lang, topic: 'unknown', confidence: 1, lowConfidence: false, alternatives: [], omaolo: null, crisis };
    }
    const second = ranked[1]?.confidence ?? 0;
    const topic: Topic = best.confidence < UNKNOWN_THRESHOLD || best.topic === 'unknown' ? 'unknown' : best.topic;
    let lowConfidence = topic !== 'unknown' && (best.confidence < LOW_CONFIDENCE || best.confidence - second < LOW_MARGIN);
    let alternatives = ranked.filter((s) => s.topic !== topic && s.topic !== 'unknown').map(rounded).slice(0, ALTERNATIVES);
    // A long message naming two worries: offer both.
    const other = topic === 'unknown' ? null : secondWorry(text, topic, (t) => this.topicScores(t, lang));
    if (other) {
      lowConfidence = true;
      // The part's own confidence, but never above the chosen topic's, so choices stay in order.
      const second = { topic: other.topic, confidence: Math.min(other.confidence, best.confidence) };
      alternatives = [rounded(second), ...alternatives.filter((a) => a.topic !== other.topic)].slice(0, ALTERNATIVES);
    }
    return {
      lang,
      topic,
      confidence: round(topic === best.topic || best.topic === 'unknown' ? best.confidence : 1 - best.confidence),
      lowConfidence,
      alternatives,
      omaolo: topic === 'symptom-check' ? this.parts.omaolo.get(lang)!.pick(tokens) : null,
      crisis,
    };
  }

  /**
   * The topic vote with the message model's: a weighted mean of the two probabilities. Without
   * phrase evidence (no word of the message is known) the answer stays "unknown": the message
   * model alone read "kanske något annat" and "2-4 kertaa kuussa" as topics from their function
   * words, and a typed answer became a change of topic.
   */
  private blend(ranked: TopicScore[], learned: TopicScore[] | null): TopicScore[] {
    if (!learned || ranked.length === 0) return ranked;
    const share = new Map(ranked.map((s) => [s.topic, (1 - this.tuning.share) * s.confidence]));
    for (const s of learned) share.set(s.topic, (share.get(s.topic) ?? 0) + this.tuning.share * s.confidence);
    return [...share].map(([topic, confidence]) => ({ topic, confidence })).sort((a, b) => b.confidence - a.confidence);
  }

  /** Calibrated topic probabilities (crisis left out) of a piece of text. */
  private topicScores(text: string, lang: Lang): TopicScore[] {
    const analyser = this.parts.analysers.get(lang)!;
    return calibrate(withoutCrisis(this.parts.classifiers.get(lang)!.scores(analyser.features(analyser.tokens(text)))), this.temperature);
  }

  /**
   * The last analysis, because a turn asks twice about the same text: the crisis check that runs
   * first on every message, then the topic classification of a free-text answer. The result is a
   * pure function of (text, lang) and is never mutated by its readers.
   */
  private last: { text: string; lang: Lang; result: Analysis } | null = null;

  /** Crisis (patterns and risk model of every language, then the classifier net) and the topic scores. */
  private analyse(text: string, lang: Lang): Analysis {
    const last = this.last;
    if (last && last.text === text && last.lang === lang) return last.result;
    const result = this.analyseFresh(text, lang);
    this.last = { text, lang, result };
    return result;
  }

  private analyseFresh(text: string, lang: Lang): Analysis {
    const tokens = this.parts.crisis.maskedTokens(text, lang);
    const analyser = this.parts.analysers.get(lang)!;
    // The safety net only trusts words as typed (`typed`): a "corrected" word may be a real word
    // we do not know ("uhmaa" → "uhkaa"); misspelt crisis words are the patterns' job.
    const { all: features, typed } = analyser.featuresAndTyped(tokens);
    const classifier = this.parts.classifiers.get(lang)!;
    const scores = classifier.scores(features);
    let crisis = this.parts.crisis.assess(text, { lang, tokens });
    // Not after an explicit denial ("I'm not suicidal, just tired"): its own words are crisis words.
    if (crisis.level === 'none' && scores[0]?.topic === 'crisis' && scores[0].confidence >= CRISIS_THRESHOLD && classifier.hasDistinctiveFeature(typed, 'crisis', NET_DISTINCTIVE) && !this.parts.crisis.denies(tokens, lang)) {
      crisis = stronger(crisis, { level: 'check', crisis: false, kind: this.parts.crisis.closestKind(tokens, lang), source: 'classifier' });
    }
    const model = this.parts.messages;
    if (!model) return { crisis: crisis.level === 'none' ? NO_CRISIS : crisis, scores, tokens, learned: null };
    const learnedFeatures = this.learnedFeatures(text, lang, tokens, features);
    if (crisis.level === 'none' && model.crisisProbability(learnedFeatures) >= this.tuning.raise && !this.parts.crisis.denies(tokens, lang)) {
      crisis = { level: 'check', crisis: false, kind: this.parts.crisis.closestKind(tokens, lang), source: 'message-model' };
    } else if (crisis.crisis && LOWERED_KINDS.includes(crisis.kind!) && !this.parts.crisis.mentions(tokens, lang, 'time') && model.crisisProbability(learnedFeatures) <= this.tuning.lower) {
      // Said with a time ("kohta", "tonight", "on Friday") the words are taken as meant: a plan
      // with a timeframe is the strongest sign there is (C-SSRS), and no false alarm it lowered
      // had one.
      crisis = { ...crisis, level: 'check', crisis: false, source: 'message-model' };
    }
    const learned = model.topicScores(learnedFeatures);
    return { crisis: crisis.level === 'none' ? NO_CRISIS : crisis, scores, tokens, learned };
  }
}

interface Analysis {
  crisis: CrisisResult;
  scores: TopicScore[];
  tokens: Token[];
  /** The message model's topic probabilities; null without a model or any feature it knows. */
  learned: TopicScore[] | null;
}

const rounded = (s: TopicScore): TopicScore => ({ topic: s.topic, confidence: round(s.confidence) });

/** Scores without the crisis topic (decided separately), summing to 1. */
function withoutCrisis(scores: readonly TopicScore[]): TopicScore[] {
  const rest = scores.filter((s) => s.topic !== 'crisis');
  const sum = rest.reduce((a, s) => a + s.confidence, 0);
  return sum > 0 ? rest.map((s) => ({ topic: s.topic, confidence: s.confidence / sum })) : [];
}
