/**
 * A suicide attempt told as past: years ago, and the writer is well now, with no risk word of today
 * ("jag försökte ta mitt liv för fem år sen men mår bra nu, kan man få samtalsstöd"). A past attempt
 * is the strongest risk factor there is, so it is never nothing: it gets the direct question
 * (`check`) rather than the full response (after blind set I; docs/crisis-model.md).
 */
import { strongestRule } from './riskModel';
import type { Concept } from './riskRules';

/** The words of the attempt itself: without them, what the message says of today must hold no risk. */
// Self-harm told as past ("skar mig ofta för tre år sedan") is the act itself too (after blind set J).
const ATTEMPT_WORDS: readonly Concept[] = ['kill', 'self', 'tried', 'means', 'take-means', 'took', 'quantity', 'self-harm'];

/** Years ago, well now, and (a time such as "tonight" keeps the full response) no rule without the attempt's words. */
export function toldAsPast(pos: Map<Concept, number[]>): boolean {
  if (!pos.has('long-ago') || !pos.has('fine-now') || pos.has('time')) return false;
  const today = new Map([...pos].filter(([c]) => !ATTEMPT_WORDS.includes(c)));
  return strongestRule(today) === null;
}
