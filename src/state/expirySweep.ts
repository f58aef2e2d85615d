/**
 * Memory stores drop expired entries on read, but an entry nobody reads again would stay for
 * ever (heap high after every conversation expired). Each store calls `sweep` on writes; at most
 * once per interval it walks its map and deletes what has expired: O(n) per minute, not per write.
 */
export class ExpirySweep {
  private last: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 60_000,
  ) {
    this.last = now();
  }

  sweep<V>(map: Map<string, V>, expiresAt: (value: V) => number): void {
    const now = this.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    for (const [key, value] of map) if (expiresAt(value) <= now) map.delete(key);
  }
}
