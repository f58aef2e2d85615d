/** The handoff store in one process's memory: same contract as Redis, lost on restart. */
import { HandoffRecord, parseRecord } from '../record';
import { edgeAllowed, HandoffState } from '../stateTable';
import type { HandoffStore, PresenceEntry, StoredContactRequest } from './store';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

export class MemoryHandoffStore implements HandoffStore {
  private records = new Map<string, Expiring<string>>();
  /** Key "<status>:<queueId>" → conversation id → score. */
  private queues = new Map<string, Map<string, number>>();
  private presenceMap = new Map<string, PresenceEntry>();
  private times = new Map<string, number[]>();
  private seen = new Map<string, number>();
  private contacts: Expiring<StoredContactRequest>[] = [];

  async get(conversationId: string): Promise<HandoffRecord | null> {
    return this.read(conversationId);
  }

  /**
   * Synchronous on purpose: commit reads and writes with no await in between, which is what
   * makes it atomic in one process (an await would let a second accept slip in).
   */
  private read(conversationId: string): HandoffRecord | null {
    const entry = this.records.get(conversationId);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.records.delete(conversationId);
      return null;
    }
    // A copy, as Redis would return: callers never share objects with the store.
    return parseRecord(entry.value);
  }

  /** Test seam: stores raw text as a record (an unknown format, as another version might write). */
  putRaw(conversationId: string, value: string, ttlSeconds: number): void {
    this.records.set(conversationId, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async commit(conversationId: string, expected: { version: number; state: HandoffState }, next: HandoffRecord | null, ttlSeconds: number): Promise<boolean> {
    const current = this.read(conversationId);
    const state: HandoffState = current?.status ?? 'none';
    if (state !== expected.state || (current?.version ?? 0) !== expected.version) return false;
    const to: HandoffState = next?.status ?? 'none';
    if (!edgeAllowed(state, to)) throw new Error(`handoff state table refuses ${state} → ${to}`);
    if (current) {
      this.queue(current.queueId, 'waiting').delete(conversationId);
      this.queue(current.queueId, 'accepted').delete(conversationId);
    }
    if (!next) {
      this.records.delete(conversationId);
      return true;
    }
    if (next.status !== 'ended') {
      this.queue(next.queueId, next.status).set(conversationId, next.status === 'waiting' ? next.queuedAt : next.acceptedAt ?? 0);
    }
    // From the first write, never extended (as in Redis): a shorter lifetime may only cut it.
    const until = Date.now() + ttlSeconds * 1000;
    const existing = this.records.get(conversationId); // read() above dropped an expired one
    const expiresAt = existing ? Math.min(existing.expiresAt, until) : until;
    this.records.set(conversationId, { value: JSON.stringify(next), expiresAt });
    return true;
  }

  async queueMembers(queueId: string, status: 'waiting' | 'accepted' = 'waiting'): Promise<string[]> {
    return [...this.queue(queueId, status).entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }

  async prune(queueId: string, conversationIds: string[], status: 'waiting' | 'accepted' = 'waiting'): Promise<void> {
    for (const id of conversationIds) if (!this.read(id)) this.queue(queueId, status).delete(id);
  }

  async setPresence(entry: PresenceEntry): Promise<void> {
    this.presenceMap.set(entry.counsellorId, { ...entry });
  }

  async presence(): Promise<PresenceEntry[]> {
    return [...this.presenceMap.values()].map((e) => ({ ...e }));
  }

  async markSeen(counsellorId: string, at: number): Promise<void> {
    this.seen.set(counsellorId, Math.max(at, this.seen.get(counsellorId) ?? 0));
  }

  async lastSeen(counsellorId: string): Promise<number | null> {
    return this.seen.get(counsellorId) ?? null;
  }

  async addHandlingTime(queueId: string, ms: number, keep: number): Promise<void> {
    this.times.set(queueId, [ms, ...(this.times.get(queueId) ?? [])].slice(0, keep));
  }

  async handlingTimes(queueId: string): Promise<number[]> {
    return [...(this.times.get(queueId) ?? [])];
  }

  async addContactRequest(request: StoredContactRequest, ttlSeconds: number): Promise<void> {
    this.contacts.push({ value: { ...request }, expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async contactRequests(queueId: string): Promise<StoredContactRequest[]> {
    const now = Date.now();
    this.contacts = this.contacts.filter((c) => c.expiresAt > now);
    return this.contacts.filter((c) => c.value.queueId === queueId).map((c) => ({ ...c.value }));
  }

  /** "End and delete" without Redis: the record (with the resident's messages), its queue places and any call-back request. */
  async forgetConversation(conversationId: string): Promise<void> {
    this.records.delete(conversationId);
    this.seen.delete(conversationId);
    for (const queue of this.queues.values()) queue.delete(conversationId);
    this.contacts = this.contacts.filter((c) => c.value.conversationId !== conversationId);
  }

  /** Everything held, as JSON, for the "end and delete leaves nothing" checks. */
  dump(): string {
    return JSON.stringify({ records: [...this.records], seen: [...this.seen], queues: [...this.queues].map(([k, q]) => [k, [...q]]), contacts: this.contacts });
  }

  async close(): Promise<void> {
    this.records.clear();
  }

  private queue(queueId: string, status: 'waiting' | 'accepted'): Map<string, number> {
    const key = `${status}:${queueId}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = new Map()));
    return q;
  }
}
