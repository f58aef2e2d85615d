/**
 * An old person's calm acceptance of death ("mummo on 94, ihan rauhallinen ja sanoo olevansa valmis
 * kuolemaan", "mormor är redo att dö och helt lugn med det", "my grandmother is 94 and ready to die,
 * she is calm and happy"): acceptance at the end of a long life, not a wish to die. A relative asks
 * whether it is normal; the elderly services answer, not the crisis line.
 *
 * The death word right after the readiness or the calm is dropped (like a figure of speech,
 * riskModel.ts hyperboleIndices) when an old person is named and calm is said. Only that word: a
 * wish ("haluaa kuolla", "vill dö"), pills saved up or a means keep their rules, and a threat keeps
 * everything. The writer's own readiness keeps its word too: "mummi on valmis kuolemaan, ja mäkin
 * oon valmis kuolemaan" is the writer's wish beside the grandmother's calm, so a death word with
 * a first-person word just before its "ready" (or between) is never dropped.
 */
import type { Concept } from './riskRules';

/** How far after "ready" or "calm" the death word may stand ("valmis kuolemaan", "ready to die"). */
const ACCEPTANCE_REACH = 3;
/** How far before "ready" a first-person word makes the readiness the writer's ("I am ready to die"). */
const WRITER_REACH = 3;

/**
 * Token indices of the death words to drop. A word inside an explicit denial (`denied`: "en pelkää
 * kuolemaa") stays, so the denial still reads as one (crisis.ts takes it out itself).
 */
export function calmAcceptanceIndices(pos: Map<Concept, number[]>, denied: ReadonlySet<number>): Set<number> {
  const drop = new Set<number>();
  if (!pos.has('old-person') || !pos.has('at-peace') || pos.has('threat')) return drop;
  const before = [...(pos.get('accepting') ?? []), ...(pos.get('at-peace') ?? [])];
  const writer = pos.get('first-person') ?? [];
  const writersOwn = (j: number, i: number): boolean => writer.some((w) => w >= j - WRITER_REACH && w < i);
  for (const i of pos.get('death') ?? []) {
    if (denied.has(i)) continue;
    const anchors = before.filter((j) => i > j && i - j <= ACCEPTANCE_REACH);
    if (anchors.length > 0 && !anchors.some((j) => writersOwn(j, i))) drop.add(i);
  }
  return drop;
}
