/** A tiny key-value store with TTLs for console sessions and sign-in counters: Redis or memory. */
import type Redis from 'ioredis';
import { ExpirySweep } from '../state/expirySweep';

export interface KeyValue {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Adds one; the TTL starts at the first increment and is not extended by later ones. */
  incr(key: string, ttlSeconds: number): Promise<number>;
}

export class MemoryKeyValue implements KeyValue {
  private map = new Map<string, { value: string; expiresAt: number }>();
  private readonly sweeper = new ExpirySweep();

  async get(key: string): Promise<string | null> {
    return this.live(key);
  }

  /** Synchronous, so `incr` has no await between its read and its write (atomic in one process). */
  private live(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expiresAt <= Date.now()) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.sweeper.sweep(this.map, (e) => e.expiresAt);
    this.map.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async del(key: string): Promise<void> {
    this.map.delete(key);
  }

  async incr(key: string, ttlSeconds: number): Promise<number> {
    this.sweeper.sweep(this.map, (e) => e.expiresAt);
    const current = this.live(key);
    const next = Number(current ?? 0) + 1;
    const expiresAt = current === null ? Date.now() + ttlSeconds * 1000 : this.map.get(key)!.expiresAt;
    this.map.set(key, { value: String(next), expiresAt });
    return next;
  }
}

export class RedisKeyValue implements KeyValue {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  get(key: string): Promise<string | null> {
    return this.redis.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
  }

  async del(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async incr(key: string, ttlSeconds: number): Promise<number> {
    const [[, count]] = (await this.redis.multi().incr(this.prefix + key).expire(this.prefix + key, ttlSeconds, 'NX').exec()) as [[null, number]];
    return count;
  }
}
