/**
 * A crisis word as the subject of a text, not the writer's act: an essay on young people's
 * suicides, a health lesson on self-harm, a series whose hero kills himself, a crime novel's
 * poisoning (blind set M: six of its nine false alarms). The explicit phrase then gets the direct
 * question (`check`) rather than the full response: the writer may still be asking for themself,
 * and one question settles it, as with a past attempt told as past (pastAttempt.ts).
 *
 * Not when the writer's own life is in it ("the film made me want to kill myself"): their own self
 * (self-first), a wish said by the writer, a readiness, an intent, a plan or a time keeps the full
 * response. A wish with no first person is the story's ("a novel whose hero wants to die", blind set P).
 */
import type { Concept } from './riskRules';

const OWN_RISK: readonly Concept[] = ['self-first', 'self-ready', 'intent', 'decided', 'plan', 'time', 'exhausted', 'not-here'];

export function toldAsSubject(pos: Map<Concept, number[]>): boolean {
  if (!pos.has('frame') || OWN_RISK.some((c) => pos.has(c))) return false;
  return !(pos.has('wish') && pos.has('first-person'));
}
