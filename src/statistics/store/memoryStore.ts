/** Day aggregates in this process's memory (REDIS_URL unset): lost on restart, like the state. */
import { addDays } from '../dates';
import type { DayCounts, StatisticsStore } from './store';

export class MemoryStatisticsStore implements StatisticsStore {
  private readonly days = new Map<string, DayCounts>();

  constructor(private readonly retentionDays = 400) {}

  async add(day: string, counts: DayCounts): Promise<void> {
    // Days past the retention period go, as the Redis hashes expire.
    if (!this.days.has(day)) {
      const oldest = addDays(day, -this.retentionDays);
      for (const kept of this.days.keys()) if (kept < oldest) this.days.delete(kept);
    }
    const stored = this.days.get(day) ?? new Map<string, number>();
    for (const [field, by] of counts) stored.set(field, (stored.get(field) ?? 0) + by);
    this.days.set(day, stored);
  }

  async read(days: string[]): Promise<Map<string, DayCounts>> {
    return new Map(days.map((day) => [day, new Map(this.days.get(day) ?? [])]));
  }
}
