/**
 * In-process storage for development and tests without Redis. Same eTag contract, the same TTL
 * (from the first write, never extended) and the same size cap as the Redis storage, so data
 * minimisation holds even here. Items are stored as JSON strings so callers can never mutate
 * stored state by reference; expired entries are swept, not only hidden.
 */
import { randomUUID } from 'node:crypto';
import { ExpirySweep } from './expirySweep';
import { checkStateSize, DEFAULT_MAX_STATE_BYTES, EtagConflictError, isOverwrite, StateStorage, StoreItems } from './storeItems';

interface Entry {
  json: string;
  eTag: string;
  expiresAt: number;
}

export class MemoryStateStorage implements StateStorage {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: ExpirySweep;

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly maxItemBytes = DEFAULT_MAX_STATE_BYTES,
  ) {
    this.sweeper = new ExpirySweep(now);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = { ...JSON.parse(entry.json), eTag: entry.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.sweeper.sweep(this.entries, (e) => e.expiresAt);
    // Check every key first so a rejected batch writes nothing (as the Redis script does).
    const prepared: [string, string][] = [];
    for (const [key, item] of Object.entries(changes)) {
      const existing = this.live(key);
      if (existing && !isOverwrite(item?.eTag) && item.eTag !== existing.eTag) throw new EtagConflictError(key);
      const { eTag: _ignored, ...rest } = item ?? {};
      const json = JSON.stringify(rest);
      checkStateSize(key, json, this.maxItemBytes);
      prepared.push([key, json]);
    }
    for (const [key, json] of prepared) {
      const expiresAt = this.live(key)?.expiresAt ?? this.now() + this.ttlSeconds * 1000;
      this.entries.set(key, { json, eTag: randomUUID(), expiresAt });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  /** Every key held, for the "end and delete leaves nothing" checks. */
  dump(): [string, string][] {
    return [...this.entries].map(([k, e]) => [k, e.json]);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
