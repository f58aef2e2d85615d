/**
 * In-process activity store for `npm start` without Redis and for tests. Same TTL (from creation,
 * never extended) and the same contract as the Redis store; activities are kept in the same
 * compact stored form (storedActivity.ts), so nobody mutates them later and a conversation costs
 * little memory, and expired conversations are swept from memory.
 */
import type { Activity } from 'botbuilder';
import { EventEmitter } from 'node:events';
import {
  activityId, ActivityPage, ActivityStore, Appended, AppendedIds, AppendOptions, ConversationNotFoundError, ConversationRecord, DEFAULT_MAX_ACTIVITIES,
  DEFAULT_PAGE_LIMIT, OpenedStream, parseWatermark, Started, StartOptions,
} from './activityStore';
import { decodeActivity, encodeActivity } from './storedActivity';
import type { LocalAppend, StreamListener } from './streamHub';
import { ExpirySweep } from '../../state/expirySweep';

interface Entry {
  record: ConversationRecord;
  activities: { seq: number; stored: Buffer }[];
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
    private readonly maxActivities = DEFAULT_MAX_ACTIVITIES,
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

  async start(conversationId: string, options: StartOptions = {}): Promise<Started> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    const record = { ...entry.record };
    if (entry.record.started) return { record, started: false };
    entry.record.started = true;
    // In the same synchronous step, as the Redis script: no post is queued between the two.
    if (options.turnTicket) this.reserveTurn?.(conversationId, options.turnTicket);
    return { record, started: true };
  }

  async append(conversationId: string, activity: Partial<Activity>, options: AppendOptions = {}): Promise<Appended> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    const last = entry.lastClientPost;
    if (options.clientActivityId && last?.clientActivityId === options.clientActivityId) {
      return { id: activityId(conversationId, last.seq), watermark: String(last.seq), repeated: true };
    }
    const { ids, watermark } = await this.appendMany(conversationId, [activity], options);
    if (options.clientActivityId) entry.lastClientPost = { clientActivityId: options.clientActivityId, seq: Number(watermark) };
    return { id: ids[0], watermark };
  }

  async appendMany(conversationId: string, activities: Partial<Activity>[], options: AppendOptions = {}): Promise<AppendedIds> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    const first = entry.seq + 1;
    const ids: string[] = [];
    for (const activity of activities) {
      entry.seq += 1;
      entry.activities.push({ seq: entry.seq, stored: encodeActivity(activity, entry.record) });
      ids.push(activityId(conversationId, entry.seq));
    }
    if (entry.activities.length > this.maxActivities) entry.activities.splice(0, entry.activities.length - this.maxActivities);
    if (options.turnTicket) this.reserveTurn?.(conversationId, options.turnTicket);
    const appended: LocalAppend = { first, activities: activities.map((a, i) => ({ ...a, id: ids[i] }) as Activity) };
    queueMicrotask(() => this.events.emit(conversationId, appended));
    return { ids, watermark: String(entry.seq) };
  }

  async read(conversationId: string, watermark: string | null, limit = DEFAULT_PAGE_LIMIT): Promise<ActivityPage> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    const after = parseWatermark(watermark);
    const page = entry.activities.filter((a) => a.seq > after).slice(0, limit);
    const activities = page.map((a) => decodeActivity(a.stored, entry.record, activityId(conversationId, a.seq)));
    const last = page.length > 0 ? page[page.length - 1].seq : Math.min(after, entry.seq);
    return { activities, watermark: String(last) };
  }

  subscribe(conversationId: string, _watermark: string | null, onChange: StreamListener): () => void {
    this.events.on(conversationId, onChange);
    return () => this.events.off(conversationId, onChange);
  }

  async openStream(conversationId: string, jti: string, _ttlSeconds: number, watermark: string | null, known?: number): Promise<OpenedStream> {
    const entry = this.live(conversationId);
    if (!entry) throw new ConversationNotFoundError();
    if (entry.usedStreamTokens.has(jti)) return { claimed: false, page: null };
    entry.usedStreamTokens.add(jti);
    return { claimed: true, page: known === entry.seq ? null : await this.read(conversationId, watermark) };
  }

  /** Every conversation held, as JSON, for the "end and delete leaves nothing" checks. */
  dump(): string[] {
    return [...this.entries.values()].map((e) =>
      JSON.stringify({ ...e, activities: e.activities.map((a) => decodeActivity(a.stored, e.record, String(a.seq))), usedStreamTokens: [...e.usedStreamTokens] }),
    );
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
