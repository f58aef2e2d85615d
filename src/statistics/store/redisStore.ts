/**
 * Day aggregates in Redis: one hash per day, `<prefix>stats:v1:day:<YYYY-MM-DD>`, field = counter
 * name (see facts.ts), value = count. HINCRBY is atomic, and one MULTI carries a turn's counters
 * and the day's expiry, so concurrent turns on any number of processes add up exactly.
 */
import type Redis from 'ioredis';
import type { DayCounts, StatisticsStore } from './store';

export const STATS_KEY_VERSION = 'v1';
const LOST = new Set(['close', 'reconnecting', 'end']);

export class RedisStatisticsStore implements StatisticsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly retentionDays: number,
  ) {}

  key(day: string): string {
    return `${this.prefix}stats:${STATS_KEY_VERSION}:day:${day}`;
  }

  async add(day: string, counts: DayCounts): Promise<void> {
    if (counts.size === 0) return;
    // Redis lost (not merely still connecting at start-up): fail at once rather than hold the
    // turn; the caller counts the miss.
    if (LOST.has(this.redis.status)) throw new Error(`Redis is ${this.redis.status}`);
    const key = this.key(day);
    const multi = this.redis.multi();
    for (const [field, by] of counts) multi.hincrby(key, field, by);
    multi.expire(key, this.retentionDays * 24 * 60 * 60);
    const results = await multi.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('statistics write was not executed');
  }

  async read(days: string[]): Promise<Map<string, DayCounts>> {
    const pipeline = this.redis.pipeline();
    for (const day of days) pipeline.hgetall(this.key(day));
    const results = (await pipeline.exec()) ?? [];
    const out = new Map<string, DayCounts>();
    days.forEach((day, i) => {
      const [err, hash] = results[i] ?? [new Error('no reply'), null];
      if (err) throw err;
      out.set(day, new Map(Object.entries((hash ?? {}) as Record<string, string>).map(([f, v]) => [f, Number(v)])));
    });
    return out;
  }
}
