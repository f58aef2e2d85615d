/**
 * Turns the classifier's vote into probabilities that mean what they say: of the messages given
 * confidence 0.8, about 8 in 10 get the right topic. Temperature scaling (Guo et al. 2017, "On
 * Calibration of Modern Neural Networks"): p_i ∝ p_i^(1/T), one parameter fitted on the dev sets
 * by `npm run nlu:eval -- --fit-temperature`; blind sets are never used for it. Naive Bayes is
 * over-confident on the words it knows but the vote of two models averages that away: on the
 * dev sets it came out under-confident, and the fitted T < 1 sharpens it.
 */
import type { TopicScore } from './classifier';

export const TEMPERATURE = 0.85;

export function calibrate(scores: readonly TopicScore[], temperature = TEMPERATURE): TopicScore[] {
  if (scores.length === 0) return [];
  const logs = scores.map((s) => Math.log(Math.max(s.confidence, 1e-12)) / temperature);
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return scores
    .map((s, i) => ({ topic: s.topic, confidence: exps[i] / sum }))
    .sort((a, b) => b.confidence - a.confidence);
}
