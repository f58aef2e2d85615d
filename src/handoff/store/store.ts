/**
 * Storage seam of the handoff: memory (one process, `npm start` without Redis) and Redis
 * (any number of processes). Both pass tests/handoff/serviceBehaviour.ts. Every write of a
 * record is a compare-and-swap on its `version`, and the queue index follows in the same step.
 */
import type { HandoffRecord } from '../record';
import type { Presence } from '../types';

export interface PresenceEntry {
  counsellorId: string;
  presence: Presence;
  queues: string[];
  /** Epoch ms after which the entry counts as offline (a closed console stops refreshing it). */
  expiresAt: number;
}

export interface StoredContactRequest {
  conversationId: string;
  queueId: string;
  lang: string;
  contact: string;
  topic: string;
  at: number;
}

export interface HandoffStore {
  get(conversationId: string): Promise<HandoffRecord | null>;
  /**
   * Writes `next` if the stored version equals `expectedVersion` (0: must not exist), and keeps
   * the queue index in step (a record is in its queue's index for its status). Atomic.
   */
  swap(next: HandoffRecord, expectedVersion: number, ttlSeconds: number): Promise<boolean>;
  /** Deletes the record if its version is `expectedVersion`, and drops it from its queue. Atomic. */
  remove(conversationId: string, expectedVersion: number): Promise<boolean>;
  /**
   * Conversation ids in a queue's index, oldest first (may include ids whose record is gone):
   * `waiting` ones by queuedAt, `accepted` ones (with a counsellor) by acceptedAt.
   */
  queueMembers(queueId: string, status?: 'waiting' | 'accepted'): Promise<string[]>;
  /** Drops ids from a queue's index whose record no longer exists (expired or deleted). */
  prune(queueId: string, conversationIds: string[], status?: 'waiting' | 'accepted'): Promise<void>;
  setPresence(entry: PresenceEntry): Promise<void>;
  presence(): Promise<PresenceEntry[]>;
  /** Remembers how long a finished conversation took, last `keep` per queue. */
  addHandlingTime(queueId: string, ms: number, keep: number): Promise<void>;
  handlingTimes(queueId: string): Promise<number[]>;
  addContactRequest(request: StoredContactRequest, ttlSeconds: number): Promise<void>;
  contactRequests(queueId: string): Promise<StoredContactRequest[]>;
  close(): Promise<void>;
}
