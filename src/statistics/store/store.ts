/**
 * Where the day aggregates live: one counter map per calendar day, nothing else. Adding is
 * atomic and exact across processes (Redis HINCRBY inside MULTI); a day expires after the
 * retention period. Two implementations, one behaviour suite (tests/statistics/storeBehaviour.ts).
 */
export type DayCounts = Map<string, number>;

export interface StatisticsStore {
  /** Adds every counter of `counts` to `day` at once. */
  add(day: string, counts: DayCounts): Promise<void>;
  /** The counters of each day asked for (a day with nothing counted is an empty map). */
  read(days: string[]): Promise<Map<string, DayCounts>>;
}

/** Sums counters: the increments of one turn go to the store in one write. */
export function mergeCounts(into: DayCounts, counters: { field: string; by: number }[]): DayCounts {
  for (const { field, by } of counters) into.set(field, (into.get(field) ?? 0) + by);
  return into;
}
