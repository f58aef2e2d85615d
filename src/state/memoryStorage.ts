/**
 * In-process storage for development and tests without Redis. Same eTag contract and the same
 * TTL as the Redis storage, so data minimisation holds even here. Items are stored as JSON
 * strings so callers can never mutate stored state by reference.
 */
import { randomUUID } from 'node:crypto';
import { EtagConflictError, isOverwrite, StateStorage, StoreItems } from './storeItems';

interface Entry {
  json: string;
  eTag: string;
  expiresAt: number;
}

export class MemoryStateStorage implements StateStorage {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = { ...JSON.parse(entry.json), eTag: entry.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Check every key first so a rejected batch writes nothing (as the Redis script does).
    for (const [key, item] of Object.entries(changes)) {
      const existing = this.live(key);
      if (existing && !isOverwrite(item?.eTag) && item.eTag !== existing.eTag) throw new EtagConflictError(key);
    }
    const expiresAt = this.now() + this.ttlSeconds * 1000;
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _ignored, ...rest } = item ?? {};
      this.entries.set(key, { json: JSON.stringify(rest), eTag: randomUUID(), expiresAt });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
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
