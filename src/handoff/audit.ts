/**
 * Who opened, accepted, read and closed which conversation: kept apart from conversation data
 * (its own Redis stream, `<prefix>handoff-audit`, whose name holds no conversation id, so
 * deleting a conversation does not erase the record of who handled it) with its own, longer
 * retention (HANDOFF_AUDIT_RETENTION_DAYS, default 365). Never any message text, and not even
 * the conversation id: entries name a conversation by `conversationRef`, a one-way hash of the
 * id, so after "end and delete" nothing in any store leads back to the conversation, while a
 * supervisor can still match entries to a conversation they have the id of (conversationRef(id)).
 */
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/** The audit's name for a conversation: 16 hex characters of SHA-256 of its id. */
export function conversationRef(conversationId: string): string {
  return createHash('sha256').update(`opastin-audit:${conversationId}`).digest('hex').slice(0, 16);
}

export type AuditAction =
  | 'signed-in' | 'sign-in-failed' | 'locked-out' | 'signed-out'
  | 'opened' | 'accepted' | 'read' | 'sent' | 'noted' | 'transferred' | 'closed' | 'back-to-bot'
  | 'presence'
  /** The waiting list (summaries of every waiting resident) was shown to this person. */
  | 'viewed-waiting'
  /** A resident's message reached this person's console over the event stream (once per conversation and stream). */
  | 'streamed'
  /** Someone asked for a conversation they may not see (answered 404). */
  | 'denied'
  /** The resident ended the handoff (cancel, or "end and delete"). */
  | 'resident-ended';

export interface AuditEntry {
  at: number;
  action: AuditAction;
  /**
   * Counsellor account id (or the attempted user name for sign-in failures; those are recorded
   * once per name and address per throttle window, so anonymous requests cannot flood the log).
   */
  actor: string;
  /** One-way reference to the conversation (conversationRef): the id itself is never stored. */
  conversationRef?: string;
  queueId?: string;
  /** Short machine detail (e.g. "online", "to:demo-family-counselling"), never free text. */
  detail?: string;
}

/** What callers record: the conversation by its id, which `record` turns into the reference. */
export type AuditInput = Omit<AuditEntry, 'at' | 'conversationRef'> & { at?: number; conversationId?: string };

function stored(entry: AuditInput): Omit<AuditEntry, 'at'> {
  const { conversationId, at: _at, ...rest } = entry;
  return { ...rest, ...(conversationId ? { conversationRef: conversationRef(conversationId) } : {}) };
}

export interface AuditLog {
  record(entry: AuditInput): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

/** Memory mode (development): entries past the retention go, and at most `maxEntries` are kept. */
export class MemoryAuditLog implements AuditLog {
  private entries: AuditEntry[] = [];

  constructor(private readonly retentionMs: number, private readonly maxEntries = 50_000) {}

  async record(entry: AuditInput): Promise<void> {
    const at = entry.at ?? Date.now();
    this.entries.push({ ...stored(entry), at });
    // Entries arrive in time order: trimming from the front is enough (no full scan per write).
    let drop = Math.max(0, this.entries.length - this.maxEntries);
    while (drop < this.entries.length && this.entries[drop].at <= at - this.retentionMs) drop++;
    if (drop > 0) this.entries.splice(0, drop);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return this.entries.slice(-limit).reverse();
  }
}

export class RedisAuditLog implements AuditLog {
  private readonly key: string;

  constructor(private readonly redis: Redis, prefix: string, private readonly retentionMs: number) {
    this.key = `${prefix}handoff-audit`;
  }

  async record(input: AuditInput): Promise<void> {
    const at = input.at ?? Date.now();
    const entry = stored(input);
    const fields: string[] = ['at', String(at), 'action', entry.action, 'actor', entry.actor];
    if (entry.conversationRef) fields.push('conversationRef', entry.conversationRef);
    if (entry.queueId) fields.push('queueId', entry.queueId);
    if (entry.detail) fields.push('detail', entry.detail);
    // MINID trims entries older than the retention as new ones arrive; the key's own TTL covers
    // a deployment that stops writing altogether.
    await this.redis
      .multi()
      .xadd(this.key, 'MINID', '~', String(Math.max(0, Date.now() - this.retentionMs)), '*', ...fields)
      .pexpire(this.key, this.retentionMs)
      .exec();
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    const rows = await this.redis.xrevrange(this.key, '+', '-', 'COUNT', limit);
    return rows.map(([, flat]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i < flat.length; i += 2) f[flat[i]] = flat[i + 1];
      return {
        at: Number(f.at),
        action: f.action as AuditAction,
        actor: f.actor,
        ...(f.conversationRef ? { conversationRef: f.conversationRef } : {}),
        ...(f.queueId ? { queueId: f.queueId } : {}),
        ...(f.detail ? { detail: f.detail } : {}),
      };
    });
  }
}
