/**
 * Topic classifier for one language, trained at content load from the example phrases.
 *
 * Two models vote on the stems of the message:
 *  - natural's BayesClassifier (binary stem features; naturalBayes.ts computes it sparsely), and
 *  - our own multinomial naive Bayes with uniform topic priors (so a topic with more example
 *    phrases is not favoured) and a temperature that keeps confidences honest.
 * Before either is asked we count the message's *evidence*: stems seen in training. With none,
 * the honest answer is "unknown" — guessing a topic from nothing would route residents wrongly.
 */
import { GRAM } from './analyser';
import { NaturalBayes } from './naturalBayes';
import { TOPICS, Topic } from './types';

const ALPHA = 0.05; // Laplace smoothing of our own model
const TEMPERATURE = 1.5; // >1 softens naive Bayes over-confidence
const DISTINCT_RATIO = 3; // "more typical" = at least this many times as frequent, relative to topic size
const MIN_WEIGHT = 0.3; // floor of a stem's informativeness weight
const NATURAL_SMOOTHING = 0.05; // natural's default (1) makes a seen stem only twice as likely as an unseen one
const OWN_WEIGHT = 0.6; // share of our own model in the vote (measured on the eval sets)
/**
 * Character n-gram features (prefix GRAM) only vote in our own model, each with this share of a
 * word's weight: enough to carry an unseen inflection or typo, too little to outvote a known word.
 * They never count as evidence: a message of unknown words stays "unknown".
 */
export const GRAM_WEIGHT = 0.2;
const isGram = (f: string): boolean => f.startsWith(GRAM);

export interface TopicScore {
  topic: Topic;
  confidence: number;
}

export class TopicClassifier {
  private readonly counts = new Map<Topic, Map<string, number>>();
  private readonly totals = new Map<Topic, number>();
  private readonly vocab = new Set<string>();
  private readonly natural = new NaturalBayes(NATURAL_SMOOTHING);
  private readonly weights = new Map<string, number>();
  /** Per known feature, its addend to each topic's log score (terms()); only known features enter. */
  private readonly featureTerms = new Map<string, Float64Array>();
  private topics: Topic[] = [];
  private trained = false;

  addExample(features: readonly string[], topic: Topic): void {
    if (features.length === 0) return;
    let c = this.counts.get(topic);
    if (!c) {
      c = new Map();
      this.counts.set(topic, c);
      this.totals.set(topic, 0);
    }
    for (const f of features) {
      c.set(f, (c.get(f) ?? 0) + 1);
      this.vocab.add(f);
    }
    this.totals.set(topic, this.totals.get(topic)! + features.length);
    const words = features.filter((f) => !isGram(f));
    if (words.length) this.natural.addDocument(words, topic);
  }

  train(): void {
    this.weights.clear();
    this.featureTerms.clear();
    this.topics = TOPICS.filter((t) => this.counts.has(t));
    if (this.topics.length > 0) this.natural.train();
    this.trained = this.topics.length > 0;
  }

  knows(feature: string): boolean {
    return this.vocab.has(feature);
  }

  /**
   * Whether some message stem is at least DISTINCT_RATIO times as typical of `topic` as of any other topic (relative to
   * each topic's size). The crisis safety net requires this so that generic words shared with
   * crisis examples ("lapsi", "kaikki") cannot raise an alarm on their own.
   */
  hasDistinctiveFeature(features: readonly string[], topic: Topic, atLeast = 1): boolean {
    const own = this.counts.get(topic);
    if (!own) return false;
    return new Set(features).size >= atLeast && [...new Set(features)].filter((f) => {
      if (isGram(f)) return false;
      const mine = (own.get(f) ?? 0) / this.totals.get(topic)!;
      if (mine === 0) return false;
      return this.topics.every((t) => t === topic || DISTINCT_RATIO * ((this.counts.get(t)!.get(f) ?? 0) / this.totals.get(t)!) <= mine);
    }).length >= atLeast;
  }

  /** Probabilities over topics, best first (ties in taxonomy order); [] when there is no evidence. */
  scores(features: readonly string[]): TopicScore[] {
    // The distinct known features in first-seen order, in one pass.
    const known: string[] = [];
    const seen = new Set<string>();
    for (const f of features) {
      if (!this.vocab.has(f) || seen.has(f)) continue;
      seen.add(f);
      known.push(f);
    }
    const knownWords = known.filter((f) => !isGram(f));
    if (!this.trained || knownWords.length === 0) return [];
    const own = this.ownModel(known);
    const nat = this.naturalModel(knownWords);
    const out = this.topics.map((topic) => ({
      topic,
      confidence: OWN_WEIGHT * (own.get(topic) ?? 0) + (1 - OWN_WEIGHT) * (nat.get(topic) ?? 0),
    }));
    return out.sort((a, b) => b.confidence - a.confidence || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
  }

  private ownModel(known: readonly string[]): Map<Topic, number> {
    const terms = known.map((f) => this.terms(f));
    const logs = this.topics.map((_, k) => {
      let s = 0;
      for (const t of terms) s += t[k];
      return s / TEMPERATURE;
    });
    return softmax(this.topics, logs);
  }

  /**
   * One feature's addend to each topic's log score (in `topics` order): its n-gram share × its
   * weight × the log of its smoothed frequency in the topic. Worked out once per feature (the
   * same expression, so every sum is bit for bit what computing it in the loop gave), as a
   * message's features are mostly the same few thousand words.
   */
  private terms(f: string): Float64Array {
    const cached = this.featureTerms.get(f);
    if (cached) return cached;
    const v = this.vocab.size;
    const out = new Float64Array(this.topics.length);
    this.topics.forEach((t, k) => {
      const denom = this.totals.get(t)! + ALPHA * v;
      out[k] = (isGram(f) ? GRAM_WEIGHT : 1) * this.weight(f) * Math.log(((this.counts.get(t)!.get(f) ?? 0) + ALPHA) / denom);
    });
    this.featureTerms.set(f, out);
    return out;
  }

  /**
   * How much a stem says about the topic: 1 for a stem seen in one topic only, near 0 for one
   * spread evenly ("päivä", "help"). Generic words then cannot outvote one telling word.
   */
  private weight(f: string): number {
    const cached = this.weights.get(f);
    if (cached !== undefined) return cached;
    const shares = this.topics.map((t) => (this.counts.get(t)!.get(f) ?? 0) / this.totals.get(t)!);
    const sum = shares.reduce((a, b) => a + b, 0);
    let h = 0;
    for (const x of shares) if (x > 0) h -= (x / sum) * Math.log(x / sum);
    const w = this.topics.length > 1 ? Math.max(MIN_WEIGHT, 1 - h / Math.log(this.topics.length)) : 1;
    this.weights.set(f, w);
    return w;
  }

  private naturalModel(known: readonly string[]): Map<Topic, number> {
    const raw = this.natural.getClassifications([...known]);
    const sum = raw.reduce((a, r) => a + r.value, 0);
    const out = new Map<Topic, number>();
    for (const r of raw) out.set(r.label as Topic, sum > 0 ? r.value / sum : 0);
    return out;
  }
}

function softmax(topics: readonly Topic[], logs: readonly number[]): Map<Topic, number> {
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return new Map(topics.map((t, i) => [t, exps[i] / sum]));
}
