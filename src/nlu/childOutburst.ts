/**
 * A young child's words in a tantrum, told by a parent who asks whether it is normal: "6-vuotias
 * huusi raivarissa että mä tapan itteni jos en saa pelata" (blind set Q). Small children say such
 * things in a rage; child psychiatry asks parents to take it seriously and talk it over, not to
 * call a crisis line. The explicit words then get the direct question (`check`) rather than the
 * full response, as a past attempt told as past does (pastAttempt.ts): one question settles it.
 *
 * Only with a young child's age (1 to 9 years, riskModel.ts) and a tantrum word, and nothing of a
 * plan: a means, a decision, a time, self-harm done or an attempt keeps the full response (an
 * intent word is the quote itself: "han ska döda sig själv").
 */
import type { Concept } from './riskRules';

const KEEPS_FULL: readonly Concept[] = ['means', 'method', 'plan', 'decided', 'time', 'self-harm', 'tried', 'took', 'hoard', 'farewell'];

export function youngChildsOutburst(pos: Map<Concept, number[]>): boolean {
  // "took" of a toy or a screen ("when I took the ipad") is the tantrum's cause, not a knife taken
  // or pills swallowed (after blind set V).
  const tookToy = pos.has('trivial-object') && !pos.has('pills') && !pos.has('toxic') && !pos.has('weapon');
  const keeps = tookToy ? KEEPS_FULL.filter((c) => c !== 'took') : KEEPS_FULL;
  return pos.has('tantrum') && pos.has('young-child') && !keeps.some((c) => pos.has(c));
}
