/**
 * In-process activity store for `npm start` without Redis and for tests. Same TTL (from creation,
 * never extended) and the same contract as the Redis store; activities are kept as JSON strings
 * so nobody mutates them later, and expired conversations are swept from memory.
 */
import type { Activity } from 'botbuilder';
import { EventEmitter } from 'node:events';
import {
  activityId, ActivityPage, ActivityStore, Appended, AppendOptions, ConversationNotFoundError, ConversationRecord, DEFAULT_PAGE_LIMIT, parseWatermark,
} from './activityStore';
import { ExpirySweep } from '../../state/expirySweep';

interface Entry {
  record: ConversationRecord;
  activities: { seq: number; json: string }[];
  seq: number;
  expiresAt: number;
  /** Stream tokens that opened a WebSocket already. */
  usedStreamTokens: Set<string>;
  /** The latest client post's own id and number (a repeat of it is not stored again). */
  lastClientPost?: { clientActivityId: string; seq: number };
}

export class MemoryActivityStore implements ActivityStore {
  private readonly entries = new Map<string, Entry>();
  private readonly events = new EventEmitter();
  private readonly sweeper: ExpirySweep;

  constructor(
    private readonly ttlSeconds: number,
    private readonly maxActivities = 1000,
    private readonly now: () => number = Date.now,
    /** Takes the turn-queue place in the same synchronous step as the sequence number. */
    private readonly reserveTurn?: (conversationId: string, ticket: string) => void,
  ) {
    this.events.setMaxListeners(0);
    this.sweeper = new ExpirySweep(now);
  }

  async create(record: ConversationRecord): Promise<void> {
    this.sweeper.sweep(this.entries, (e) => e.expiresAt);
    this.entries.set(record.conversationId, { record: { ...record }, activities: [], seq: 0, expiresAt: this.expiry(), usedStreamTokens: new Set() });
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const entry = this.live(conversationId);
    return entry ? { ...entry.record } : null;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    if (entry.record.started) return false;
    entry.record.started = true;
    return true;
  }

  async append(conversationId: string, activity: Partial<Activity>, options: AppendOptions = {}): Promise<Appended> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    const last = entry.lastClientPost;
    if (options.clientActivityId && last?.clientActivityId === options.clientActivityId) {
      return { id: activityId(conversationId, last.seq), watermark: String(last.seq), repeated: true };
    }
    entry.seq += 1;
    if (options.clientActivityId) entry.lastClientPost = { clientActivityId: options.clientActivityId, seq: entry.seq };
    const { id: _ignored, ...rest } = activity;
    entry.activities.push({ seq: entry.seq, json: JSON.stringify(rest) });
    if (entry.activities.length > this.maxActivities) entry.activities.splice(0, entry.activities.length - this.maxActivities);
    if (options.turnTicket) this.reserveTurn?.(conversationId, options.turnTicket);
    queueMicrotask(() => this.events.emit(conversationId));
    return { id: activityId(conversationId, entry.seq), watermark: String(entry.seq) };
  }

  async read(conversationId: string, watermark: string | null, limit = DEFAULT_PAGE_LIMIT): Promise<ActivityPage> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    const after = parseWatermark(watermark);
    const page = entry.activities.filter((a) => a.seq > after).slice(0, limit);
    const activities = page.map((a) => ({ ...JSON.parse(a.json), id: activityId(conversationId, a.seq) }) as Activity);
    const last = page.length > 0 ? page[page.length - 1].seq : Math.min(after, entry.seq);
    return { activities, watermark: String(last) };
  }

  subscribe(conversationId: string, _watermark: string | null, onChange: () => void): () => void {
    this.events.on(conversationId, onChange);
    return () => this.events.off(conversationId, onChange);
  }

  async claimStreamToken(conversationId: string, jti: string): Promise<boolean> {
    const entry = this.live(conversationId);
    if (!entry || entry.usedStreamTokens.has(jti)) return false;
    entry.usedStreamTokens.add(jti);
    return true;
  }

  /** Every conversation held, as JSON, for the "end and delete leaves nothing" checks. */
  dump(): string[] {
    return [...this.entries.values()].map((e) => JSON.stringify({ ...e, usedStreamTokens: [...e.usedStreamTokens] }));
  }

  notifyDeleted(conversationId: string): void {
    queueMicrotask(() => this.events.emit(conversationId));
  }

  async delete(conversationId: string): Promise<void> {
    this.entries.delete(conversationId);
    queueMicrotask(() => this.events.emit(conversationId));
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }

  private expiry(): number {
    return this.now() + this.ttlSeconds * 1000;
  }

  private live(conversationId: string): Entry | undefined {
    const entry = this.entries.get(conversationId);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return entry;
  }
}
