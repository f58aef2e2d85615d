/**
 * Storage seam of the handoff: memory (one process, `npm start` without Redis) and Redis
 * (any number of processes). Both pass tests/handoff/serviceBehaviour.ts and the state-table
 * suite. Every write of a record is a compare-and-swap on its `version` and state, refused
 * unless the state table allows that edge, and the queue index follows in the same step.
 */
import type { HandoffRecord } from '../record';
import type { HandoffState } from '../stateTable';
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
   * Atomic: writes `next` (or deletes the record when `next` is null) if the stored record is
   * still at `expected` (state `none` = no record, or one in an unknown format), and keeps the
   * queue index in step (waiting ones in `queue:`, accepted ones in `active:`). False when
   * another writer came first; throws when the state table does not allow `expected → next`.
   */
  commit(conversationId: string, expected: { version: number; state: HandoffState }, next: HandoffRecord | null, ttlSeconds: number): Promise<boolean>;
  /**
   * Conversation ids in a queue's index, oldest first (may include ids whose record is gone):
   * `waiting` ones by queuedAt, `accepted` ones (with a counsellor) by acceptedAt.
   */
  queueMembers(queueId: string, status?: 'waiting' | 'accepted'): Promise<string[]>;
  /** Drops ids from a queue's index whose record no longer exists (expired or deleted). */
  prune(queueId: string, conversationIds: string[], status?: 'waiting' | 'accepted'): Promise<void>;
  setPresence(entry: PresenceEntry): Promise<void>;
  presence(): Promise<PresenceEntry[]>;
  /** The console heartbeat: when each counsellor's console last showed it is open (epoch ms). */
  markSeen(counsellorId: string, at: number): Promise<void>;
  lastSeen(counsellorId: string): Promise<number | null>;
  /** Remembers how long a finished conversation took, last `keep` per queue. */
  addHandlingTime(queueId: string, ms: number, keep: number): Promise<void>;
  handlingTimes(queueId: string): Promise<number[]>;
  addContactRequest(request: StoredContactRequest, ttlSeconds: number): Promise<void>;
  contactRequests(queueId: string): Promise<StoredContactRequest[]>;
  close(): Promise<void>;
}
