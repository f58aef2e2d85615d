/** The handoff store in one process's memory: same contract as Redis, lost on restart. */
import { ExpirySweep } from '../../state/expirySweep';
import type { HandoffRecord } from '../record';
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
  private contacts: Expiring<StoredContactRequest>[] = [];
  /** Expired records are dropped from memory, not only hidden (heap falls back after they expire). */
  private readonly sweeper = new ExpirySweep();

  async get(conversationId: string): Promise<HandoffRecord | null> {
    return this.read(conversationId);
  }

  /**
   * Synchronous on purpose: swap and remove read and write with no await in between, which is
   * what makes them atomic in one process (an await would let a second accept slip in).
   */
  private read(conversationId: string): HandoffRecord | null {
    const entry = this.records.get(conversationId);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.records.delete(conversationId);
      return null;
    }
    // A copy, as Redis would return: callers never share objects with the store.
    return JSON.parse(entry.value) as HandoffRecord;
  }

  async swap(next: HandoffRecord, expectedVersion: number, ttlSeconds: number): Promise<boolean> {
    const current = this.read(next.conversationId);
    if ((current?.version ?? 0) !== expectedVersion) return false;
    if (current) this.queue(current.queueId, current.status).delete(current.conversationId);
    this.queue(next.queueId, next.status).set(next.conversationId, next.status === 'waiting' ? next.queuedAt : next.acceptedAt ?? 0);
    this.sweeper.sweep(this.records, (e) => e.expiresAt);
    this.records.set(next.conversationId, { value: JSON.stringify(next), expiresAt: Date.now() + ttlSeconds * 1000 });
    return true;
  }

  async remove(conversationId: string, expectedVersion: number): Promise<boolean> {
    const current = this.read(conversationId);
    if (!current || current.version !== expectedVersion) return false;
    this.queue(current.queueId, current.status).delete(conversationId);
    this.records.delete(conversationId);
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

  async addHandlingTime(queueId: string, ms: number, keep: number): Promise<void> {
    this.times.set(queueId, [ms, ...(this.times.get(queueId) ?? [])].slice(0, keep));
  }

  async handlingTimes(queueId: string): Promise<number[]> {
    return [...(this.times.get(queueId) ?? [])];
  }

  async addContactRequest(request: StoredContactRequest, ttlSeconds: number): Promise<void> {
    this.contacts = this.contacts.filter((c) => c.expiresAt > Date.now());
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
    for (const queue of this.queues.values()) queue.delete(conversationId);
    this.contacts = this.contacts.filter((c) => c.value.conversationId !== conversationId);
  }

  /** Everything held, as JSON, for the "end and delete leaves nothing" checks. */
  dump(): string {
    return JSON.stringify({ records: [...this.records], queues: [...this.queues].map(([k, q]) => [k, [...q]]), contacts: this.contacts });
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
