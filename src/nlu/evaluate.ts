/**
 * Scores a labelled utterance set (eval/**.jsonl: text, lang, topics best first, crisis
 * true/false/null, optional emergency true/false) against an Nlu, through the production path:
 * `classify(text, localeHint)` with the hint the bot sends (the page's language; here the line's
 * own language unless the line says `locale`). Shared by `npm run nlu:eval` and the jest gate.
 *
 * Crisis figures: "caught" = level crisis or check on a crisis line; "false alarm" = level crisis
 * on a non-crisis line (a 112 answer on an emergency line is right, not an alarm); "check rate" =
 * level check on a non-crisis line. A crisis line counts as the right topic when the resident got
 * the crisis response or the check-in, and an emergency line when it got the 112 answer.
 */
import { readFileSync } from 'node:fs';
import { isLang, isTopic, Lang, Nlu, Topic, TOPICS } from './types';

export interface Utterance {
  text: string;
  lang: Lang;
  topics: Topic[];
  crisis: boolean | null;
  emergency: boolean;
  /** The page locale the resident was on, when it differs from `lang`. */
  locale?: string;
}

export interface Confusion {
  text: string;
  expected: Topic[];
  predicted: Topic;
  crisisExpected: boolean | null;
  level: string;
}

export interface EvalReport {
  total: number;
  accuracy: number;
  /** Language without any hint, and with every resident on the Finnish page (hint 'fi'). */
  languageAccuracy: number;
  languageAccuracyFiPage: number;
  perTopic: Record<string, { precision: number | null; recall: number | null; support: number }>;
  crisisPositives: number;
  /** Crisis lines given level crisis or check. */
  crisisCaught: number | null;
  /** Crisis lines given the full response. */
  crisisFull: number | null;
  crisisNegatives: number;
  /** Non-crisis lines given the full crisis response (emergency lines excluded). */
  falseAlarmRate: number | null;
  /** Non-crisis lines given the check-in question. */
  checkRate: number | null;
  emergencyPositives: number;
  emergencyRecall: number | null;
  /**
   * Emergency lines given the poisoning response instead. Not counted as the 112 answer: that
   * response shows the 112 card first, but its text says to call 112 only if the person is in
   * danger, unconscious, fitting or struggling to breathe, and sends other poisonings to the poison
   * information centre; the 112 answer says "call 112 now" and what to tell them (docs/nlu.md).
   */
  emergencyPoisoning: number;
  /** Expected calibration error of the topic confidence (10 equal-width bins), non-crisis answers. */
  ece: number | null;
  confusions: Confusion[];
}

/** Parses a JSONL set; throws with the line number on a malformed line (it is our own file). */
export function readUtterances(file: string): Utterance[] {
  const out: Utterance[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
      const topics = Array.isArray(o.topics) ? o.topics.filter(isTopic) : [];
      if (typeof o.text !== 'string' || !isLang(o.lang) || topics.length === 0) throw new Error(`${file}:${i + 1}: malformed utterance`);
      const crisis = o.crisis === true || o.crisis === false ? o.crisis : null;
      const u: Utterance = { text: o.text, lang: o.lang, topics, crisis, emergency: o.emergency === true };
      if (typeof o.locale === 'string') u.locale = o.locale;
      out.push(u);
    });
  return out;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Expected calibration error over (confidence, correct) pairs, 10 equal-width bins. */
export function expectedCalibrationError(pairs: readonly { confidence: number; correct: boolean }[]): number | null {
  if (pairs.length === 0) return null;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const p of pairs) {
    const b = bins[Math.min(9, Math.floor(p.confidence * 10))];
    b.n++;
    b.conf += p.confidence;
    if (p.correct) b.right++;
  }
  return bins.reduce((e, b) => e + (b.n ? (b.n / pairs.length) * Math.abs(b.conf / b.n - b.right / b.n) : 0), 0);
}

/**
 * Scores `set` with `nlu`, or with the Nlu a function picks per line (leaving each line's own set
 * out of the message model: crossFit.ts).
 */
export function evaluate(nlu: Nlu | ((u: Utterance) => Nlu), set: readonly Utterance[]): EvalReport {
  let correct = 0;
  let langOk = 0;
  let langOkFi = 0;
  let pos = 0;
  let caught = 0;
  let full = 0;
  let neg = 0;
  let alarms = 0;
  let checks = 0;
  let emPos = 0;
  let emOk = 0;
  let emPoison = 0;
  const calib: { confidence: number; correct: boolean }[] = [];
  const predictedCount = new Map<Topic, number>();
  const predictedRight = new Map<Topic, number>();
  const support = new Map<Topic, number>();
  const supportRight = new Map<Topic, number>();
  const confusions: Confusion[] = [];
  for (const u of set) {
    const n = typeof nlu === 'function' ? nlu(u) : nlu;
    const c = n.classify(u.text, u.locale ?? u.lang);
    const level = c.crisis.level;
    // A check-in on a crisis line, and the 112 answer on an emergency line, are the right answer.
    const emergencyAnswered = u.emergency && level === 'crisis' && c.crisis.kind === 'medical-emergency';
    const predicted: Topic = emergencyAnswered ? u.topics[0] : level === 'check' && u.topics.includes('crisis') ? 'crisis' : c.topic;
    const ok = u.topics.includes(predicted);
    if (ok) correct++;
    if (level === 'none') calib.push({ confidence: c.confidence, correct: ok });
    if (n.detectLanguage(u.text) === u.lang) langOk++;
    if (n.detectLanguage(u.text, 'fi') === u.lang) langOkFi++;
    predictedCount.set(predicted, (predictedCount.get(predicted) ?? 0) + 1);
    if (ok) predictedRight.set(predicted, (predictedRight.get(predicted) ?? 0) + 1);
    const gold = u.topics[0];
    support.set(gold, (support.get(gold) ?? 0) + 1);
    if (ok) supportRight.set(gold, (supportRight.get(gold) ?? 0) + 1);
    let crisisWrong = false;
    if (u.crisis === true) {
      pos++;
      if (level !== 'none') caught++;
      else crisisWrong = true;
      if (level === 'crisis') full++;
    } else if (u.crisis === false) {
      neg++;
      if (level === 'crisis' && !u.emergency) {
        alarms++;
        crisisWrong = true;
      }
      if (level === 'check') {
        checks++;
        crisisWrong = true;
      }
    }
    if (u.emergency) {
      emPos++;
      if (level === 'crisis' && c.crisis.kind === 'medical-emergency') emOk++;
      else crisisWrong = true;
      if (level === 'crisis' && c.crisis.kind === 'poisoning') emPoison++;
    }
    if (!ok || crisisWrong) confusions.push({ text: u.text, expected: u.topics, predicted, crisisExpected: u.crisis, level: `${level}${c.crisis.kind ? `/${c.crisis.kind}` : ''}` });
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
    languageAccuracyFiPage: ratio(langOkFi, set.length) ?? 0,
    perTopic,
    crisisPositives: pos,
    crisisCaught: ratio(caught, pos),
    crisisFull: ratio(full, pos),
    crisisNegatives: neg,
    falseAlarmRate: ratio(alarms, neg),
    checkRate: ratio(checks, neg),
    emergencyPositives: emPos,
    emergencyRecall: ratio(emOk, emPos),
    emergencyPoisoning: emPoison,
    ece: expectedCalibrationError(calib),
    confusions,
  };
}

/** The targets of issue #10; the dev sets must meet them (tests/nlu/eval.test.ts, nlu:eval exit code). */
export const GATE = { crisisCaught: 1, falseAlarmRate: 0.03, checkRate: 0.1, accuracy: 0.9, ece: 0.1 };

/**
 * What a report misses of GATE, in words; [] when it passes. ECE needs a few hundred answers to
 * mean anything, so it is checked on all dev sets together (`withEce`), not per small set.
 */
export function gateFailures(r: EvalReport, withEce = true): string[] {
  const out: string[] = [];
  const pc = (x: number): string => `${(x * 100).toFixed(1)} %`;
  if (r.crisisCaught !== null && r.crisisCaught < GATE.crisisCaught) out.push(`crisis caught ${pc(r.crisisCaught)} < ${pc(GATE.crisisCaught)}`);
  if (r.falseAlarmRate !== null && r.falseAlarmRate > GATE.falseAlarmRate) out.push(`full-crisis false alarms ${pc(r.falseAlarmRate)} > ${pc(GATE.falseAlarmRate)}`);
  if (r.checkRate !== null && r.checkRate > GATE.checkRate) out.push(`check-in rate ${pc(r.checkRate)} > ${pc(GATE.checkRate)}`);
  if (r.accuracy < GATE.accuracy) out.push(`topic accuracy ${pc(r.accuracy)} < ${pc(GATE.accuracy)}`);
  if (withEce && r.ece !== null && r.ece > GATE.ece) out.push(`ECE ${r.ece.toFixed(3)} > ${GATE.ece}`);
  return out;
}
