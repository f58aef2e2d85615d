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

/**
 * Years ago, well now, and (a time such as "tonight" keeps the full response) no rule without the
 * attempt's words. Someone else's attempt long ago needs no "well now": the writer asks how to
 * support them or talk about it ("min pappa försökte ta livet av sig för tio år sen", blind set P).
 */
export function toldAsPast(pos: Map<Concept, number[]>): boolean {
  if (!pos.has('long-ago') || pos.has('time')) return false;
  // someone else's: a person named, and not the writer's own self or life (self-first: mig, itseni, my life)
  if (!pos.has('fine-now') && !(pos.has('other-person') && !pos.has('self-first'))) return false;
  const today = new Map([...pos].filter(([c]) => !ATTEMPT_WORDS.includes(c)));
  return strongestRule(today) === null;
}
