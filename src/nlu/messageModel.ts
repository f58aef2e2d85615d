/**
 * The message model: what labelled resident messages teach, beside the editors' example phrases.
 *
 * Every blind set (docs/nlu-blind-scores.md) showed the same thing: rules and phrases written
 * kind by kind fix their own set and carry over little to a set written in new words. The
 * labelled sets are the best evidence we have of how residents really write, so a discriminative
 * model (softmaxRegression.ts) learns from them, two heads over the same features:
 *  - topics (every topic but crisis, "unknown" included: greetings and off-topic lines);
 *  - crisis needed (the line's `crisis` label), which only ever moves a decision to the direct
 *    question 'check' — up from none, or down from a full response it reads as a figure of
 *    speech, a story or a past — never to or from the full response on its own (engine.ts).
 *
 * Honesty: a labelled set is only ever scored by a model trained without it (leave one set out,
 * `npm run nlu:eval`), and the next blind set scores the production model, trained on all of them.
 */
import { SoftmaxRegression, TrainingExample } from './softmaxRegression';
import type { TopicScore } from './classifier';
import { Lang, TOPICS, Topic } from './types';

export interface LabelledMessage {
  text: string;
  lang: Lang;
  topics: readonly Topic[];
  crisis: boolean | null;
}

/** The topics the topic head predicts: crisis is decided by the crisis detector, not here. */
export const MESSAGE_TOPICS: readonly Topic[] = TOPICS.filter((t) => t !== 'crisis');

/** An editor's example phrase counts this much beside one real message. */
const PHRASE_WEIGHT = 0.5;

/**
 * Marks the tokeniser drops but writers use to say how they mean their words: emoji, a laugh, a
 * year (a past told with its date), a question.
 */
const EMOJI = /\p{Extended_Pictographic}/gu;
const LAUGH = /(?:\b(?:ha){2,}|\bhe(?:he)+|\blol\b|\blmao\b|\bxd\b|\bhih(?:i)+|😂|🤣|😅|😆)/iu;
const YEAR = /\b(?:19[5-9]\d|20[0-3]\d)\b/u;

export function messageMarks(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.match(EMOJI) ?? []) out.add(`@${m}`);
  if (LAUGH.test(text)) out.add('@laugh');
  if (YEAR.test(text)) out.add('@year');
  if (text.includes('?')) out.add('@question');
  return [...out];
}

/**
 * The words as written (folded), stop words included, and each pair of neighbours: the
 * classifier's stems leave out "nyt", "now", "ei vaan" and tense ("kuolen" / "kuoli"), which tell
 * a threat happening now from a story or a figure of speech.
 */
export function messageWords(tokens: readonly { fold: string }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push(`=${tokens[i].fold}`);
    if (i > 0) out.push(`~${tokens[i - 1].fold} ${tokens[i].fold}`);
  }
  return out;
}

/**
 * The topic head reads stems, n-grams and marks only: words as written and their pairs helped the
 * crisis head and cost topic accuracy when left out in turn (leave one set out, blind-K fold).
 */
function topicFeatures(features: readonly string[]): readonly string[] {
  return features.filter((f) => f[0] !== '=' && f[0] !== '~');
}

export interface MessageExample {
  features: readonly string[];
  /** The topic the line is about, without crisis; null when it is only a crisis. */
  topic: Topic | null;
  crisis: boolean | null;
  /** Editor phrases weigh less than real messages. */
  phrase?: boolean;
}

/** The first topic of a labelled line that the topic head knows: crisis lines teach their other topic. */
export function messageTopic(topics: readonly Topic[]): Topic | null {
  return topics.find((t) => t !== 'crisis') ?? null;
}

/**
 * Heavier decay and a gentler schedule for the crisis head. With the defaults it fit every
 * labelled line and, on a set left out, was sure of itself both ways ("jag skär mig när ångesten
 * kommer": 0.003); this setting had the lowest log loss leaving one set out (0.130, against 0.297).
 */
const CRISIS_TRAINING = { l2: 0.1, epochs: 8, learningRate: 0.1 };

/** Both classes of a binary head weigh the same in total, whatever the prior of the data. */
function balanced(rows: TrainingExample[]): TrainingExample[] {
  const total = (label: number): number => rows.filter((r) => r.label === label).reduce((a, r) => a + (r.weight ?? 1), 0);
  const ratio = total(1) > 0 ? total(0) / total(1) : 1;
  return rows.map((r) => (r.label === 1 ? { ...r, weight: (r.weight ?? 1) * ratio } : r));
}

export class MessageModel {
  private readonly topicHead = new SoftmaxRegression(MESSAGE_TOPICS.length);
  /** Needs at least the direct question (the line's `crisis` label). */
  private readonly crisisHead = new SoftmaxRegression(2);

  constructor(examples: readonly MessageExample[]) {
    const topicRows: TrainingExample[] = [];
    const crisisRows: TrainingExample[] = [];
    for (const e of examples) {
      const weight = e.phrase ? PHRASE_WEIGHT : 1;
      if (e.topic) topicRows.push({ features: topicFeatures(e.features), label: MESSAGE_TOPICS.indexOf(e.topic), weight });
      if (e.crisis === null) continue;
      crisisRows.push({ features: e.features, label: e.crisis ? 1 : 0, weight });
    }
    this.topicHead.train(topicRows);
    this.crisisHead.train(balanced(crisisRows), CRISIS_TRAINING);
  }

  /** Probabilities over MESSAGE_TOPICS, best first; null when no feature was seen in training. */
  topicScores(features: readonly string[]): TopicScore[] | null {
    const read = topicFeatures(features);
    if (!this.topicHead.knowsAny(read)) return null;
    const p = this.topicHead.probabilities(read);
    return MESSAGE_TOPICS.map((topic, i) => ({ topic, confidence: p[i] })).sort((a, b) => b.confidence - a.confidence);
  }

  /** The probability that the message needs at least the direct question about suicide. */
  crisisProbability(features: readonly string[]): number {
    return this.crisisHead.probabilities(features)[1];
  }
}
