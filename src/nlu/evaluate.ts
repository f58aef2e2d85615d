/**
 * Scores a labelled utterance set (eval/*.jsonl format: text, lang, topics, crisis) against an Nlu.
 * Shared by `npm run nlu:eval` and the jest test that guards crisis recall.
 */
import { readFileSync } from 'node:fs';
import { isLang, isTopic, Lang, Nlu, Topic, TOPICS } from './types';

export interface Utterance {
  text: string;
  lang: Lang;
  topics: Topic[];
  crisis: boolean | null;
}

export interface Confusion {
  text: string;
  expected: Topic[];
  predicted: Topic;
  crisisExpected: boolean | null;
  crisisPredicted: boolean;
}

export interface EvalReport {
  total: number;
  accuracy: number;
  languageAccuracy: number;
  perTopic: Record<string, { precision: number | null; recall: number | null; support: number }>;
  crisisRecall: number | null;
  crisisPositives: number;
  crisisFalsePositiveRate: number | null;
  crisisNegatives: number;
  confusions: Confusion[];
}

/** Parses a JSONL set; throws with the line number on a malformed line (it is our own file). */
export function readUtterances(file: string): Utterance[] {
  const out: Utterance[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const o = JSON.parse(line) as Record<string, unknown>;
      const topics = Array.isArray(o.topics) ? o.topics.filter(isTopic) : [];
      if (typeof o.text !== 'string' || !isLang(o.lang) || topics.length === 0) throw new Error(`${file}:${i + 1}: malformed utterance`);
      const crisis = o.crisis === true || o.crisis === false ? o.crisis : null;
      out.push({ text: o.text, lang: o.lang, topics, crisis });
    });
  return out;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function evaluate(nlu: Nlu, set: readonly Utterance[]): EvalReport {
  let correct = 0;
  let langOk = 0;
  let crisisTp = 0;
  let crisisPos = 0;
  let crisisFp = 0;
  let crisisNeg = 0;
  const predictedCount = new Map<Topic, number>();
  const predictedRight = new Map<Topic, number>();
  const support = new Map<Topic, number>();
  const supportRight = new Map<Topic, number>();
  const confusions: Confusion[] = [];
  for (const u of set) {
    const c = nlu.classify(u.text);
    const ok = u.topics.includes(c.topic);
    if (ok) correct++;
    if (nlu.detectLanguage(u.text) === u.lang) langOk++;
    predictedCount.set(c.topic, (predictedCount.get(c.topic) ?? 0) + 1);
    if (ok) predictedRight.set(c.topic, (predictedRight.get(c.topic) ?? 0) + 1);
    const gold = u.topics[0];
    support.set(gold, (support.get(gold) ?? 0) + 1);
    if (ok) supportRight.set(gold, (supportRight.get(gold) ?? 0) + 1);
    if (u.crisis === true) {
      crisisPos++;
      if (c.crisis.crisis) crisisTp++;
    } else if (u.crisis === false) {
      crisisNeg++;
      if (c.crisis.crisis) crisisFp++;
    }
    const crisisWrong = (u.crisis === true && !c.crisis.crisis) || (u.crisis === false && c.crisis.crisis);
    if (!ok || crisisWrong) {
      confusions.push({ text: u.text, expected: u.topics, predicted: c.topic, crisisExpected: u.crisis, crisisPredicted: c.crisis.crisis });
    }
  }
  const perTopic: EvalReport['perTopic'] = {};
  for (const t of TOPICS) {
    if (!support.has(t) && !predictedCount.has(t)) continue;
    perTopic[t] = {
      precision: ratio(predictedRight.get(t) ?? 0, predictedCount.get(t) ?? 0),
      recall: ratio(supportRight.get(t) ?? 0, support.get(t) ?? 0),
      support: support.get(t) ?? 0,
    };
  }
  return {
    total: set.length,
    accuracy: ratio(correct, set.length) ?? 0,
    languageAccuracy: ratio(langOk, set.length) ?? 0,
    perTopic,
    crisisRecall: ratio(crisisTp, crisisPos),
    crisisPositives: crisisPos,
    crisisFalsePositiveRate: ratio(crisisFp, crisisNeg),
    crisisNegatives: crisisNeg,
    confusions,
  };
}
