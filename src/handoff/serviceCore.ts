/**
 * The machinery under the handoff service: read → decide with the state table → atomic commit,
 * retried (a bounded number of times) when another writer came first; plus the look-ups the
 * decisions need (queues, presence, places) and the two ways out (the resident's chat, the
 * consoles' bus). StoreHandoffService (service.ts) puts the public calls on top.
 */
import type { Catalogue, Queue } from '../content/catalogue';
import { openingStatus } from '../content/catalogue';
import type { Logger } from '../logging/logger';
import { handoffEvent, handoffStatusEvent, noticeMessage } from './activities';
import type { AuditLog } from './audit';
import type { ConsoleEvent, EventBus } from './bus';
import { estimateMinutes } from './estimate';
import type { HandoffRecord } from './record';
import { Change, decide, HandoffEvent, stateOf } from './recordChange';
import { fill, ResidentTexts } from './residentTexts';
import type { TableFacts } from './stateTable';
import type { HandoffStore } from './store/store';
import type { Deliver, Lang, RequestResult, UnavailableReason } from './types';

export interface HandoffServiceOptions {
  store: HandoffStore;
  bus: EventBus;
  audit: AuditLog;
  /** The content's catalogue; a function so a content reload reaches the handoff too. */
  catalogue: Catalogue | (() => Catalogue);
  deliver: Deliver;
  log: Logger;
  texts: ResidentTexts | (() => ResidentTexts);
  waitTimeoutMs: number;
  /** Presence and the console heartbeat both lapse after this without a sign of life. */
  presenceTtlMs: number;
  /** Records live as long as conversation state (STATE_TTL_SECONDS). */
  recordTtlSeconds: number;
  contactRequestTtlSeconds: number;
  /** The name residents see for a counsellor. */
  displayName?: (counsellorId: string) => string;
  clock?: () => Date;
}

/** An `ended` record waits this long for the feedback answer, then goes by itself. */
export const ENDED_TTL_SECONDS = 60 * 60;
const MAX_COMMIT_ATTEMPTS = 8;

export interface Applied extends Change {
  before: HandoffRecord | null;
  /** Whether the commit changed the stored record (false: the table said "no change"). */
  changed: boolean;
}

export class HandoffCore {
  protected readonly clock: () => Date;

  constructor(protected readonly o: HandoffServiceOptions) {
    this.clock = o.clock ?? (() => new Date());
  }

  protected get catalogue(): Catalogue {
    return typeof this.o.catalogue === 'function' ? this.o.catalogue() : this.o.catalogue;
  }

  protected get texts(): ResidentTexts {
    return typeof this.o.texts === 'function' ? this.o.texts() : this.o.texts;
  }

  protected now(): number {
    return this.clock().getTime();
  }

  /** One state-table event, committed atomically; `facts` is asked again after a lost race. */
  protected async apply(conversationId: string, event: HandoffEvent, facts: (before: HandoffRecord | null) => TableFacts = () => ({})): Promise<Applied> {
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      const before = await this.o.store.get(conversationId);
      const change = decide(conversationId, before, event, facts(before));
      if (change.after === before) return { ...change, before, changed: false };
      const after = change.after && { ...change.after, version: (before?.version ?? 0) + 1 };
      const expected = { version: before?.version ?? 0, state: stateOf(before) };
      const ttl = after?.status === 'ended' ? Math.min(ENDED_TTL_SECONDS, this.o.recordTtlSeconds) : this.o.recordTtlSeconds;
      if (await this.o.store.commit(conversationId, expected, after, ttl)) return { ...change, after, before, changed: true };
    }
    throw new Error('handoff record kept changing: gave up after repeated write conflicts');
  }

  /** A change within a state (a chat line, a note, a sign of life); `change` null = nothing to do. */
  protected async mutate(conversationId: string, change: (r: HandoffRecord) => HandoffRecord | null): Promise<HandoffRecord | null> {
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      const current = await this.o.store.get(conversationId);
      if (!current) return null;
      const next = change(current);
      if (!next) return null;
      const versioned = { ...next, version: current.version + 1 };
      if (await this.o.store.commit(conversationId, { version: current.version, state: current.status }, versioned, this.o.recordTtlSeconds)) return versioned;
    }
    throw new Error('handoff record kept changing: gave up after repeated write conflicts');
  }

  protected name(counsellorId: string | undefined): string {
    return counsellorId ? this.o.displayName?.(counsellorId) ?? counsellorId : '';
  }

  protected async whyUnavailable(queue: Queue, now: Date): Promise<UnavailableReason | null> {
    // Unknown hours are not guessed: then only the counsellors' presence decides.
    const state = openingStatus(queue.hours, now, this.catalogue.region.timezone).state;
    if (state === 'closed') return 'closed';
    if ((await this.onlineFor(queue.id)).length === 0) return 'nobody-online';
    return null;
  }

  protected async unavailable(conversationId: string, queueId: string, reason: UnavailableReason, queue: Queue | null): Promise<RequestResult> {
    await this.deliverAll(conversationId, [handoffEvent('unavailable', queueId, { reason }), handoffStatusEvent('failed', reason)]);
    this.o.log.info({ event: 'handoff_unavailable', queueId, reason }, 'handoff unavailable');
    return { status: 'unavailable', reason, alternatives: queue ? [...queue.services] : [], acceptsContactRequests: queue?.acceptsContactRequests ?? false };
  }

  /** Counsellors online for a queue right now (presence not expired). */
  async onlineFor(queueId: string): Promise<string[]> {
    const now = Date.now();
    return (await this.o.store.presence())
      .filter((p) => p.presence === 'online' && p.expiresAt > now && p.queues.includes(queueId))
      .map((p) => p.counsellorId);
  }

  /** Records of a queue with a status, in order; index entries whose record is gone are pruned. */
  protected async waitingIn(queueId: string, status: 'waiting' | 'accepted' = 'waiting'): Promise<HandoffRecord[]> {
    const ids = await this.o.store.queueMembers(queueId, status);
    const records = await Promise.all(ids.map((id) => this.o.store.get(id)));
    const gone = ids.filter((_, i) => !records[i]);
    if (gone.length > 0) await this.o.store.prune(queueId, gone, status);
    return records.filter((r): r is HandoffRecord => Boolean(r && r.status === status && r.queueId === queueId));
  }

  protected async place(queueId: string, conversationId: string): Promise<{ position: number; estimateMinutes: number | null }> {
    const waiting = await this.waitingIn(queueId);
    const position = waiting.findIndex((r) => r.conversationId === conversationId) + 1;
    const [times, online] = await Promise.all([this.o.store.handlingTimes(queueId), this.onlineFor(queueId)]);
    return { position, estimateMinutes: estimateMinutes(position, times, online.length) };
  }

  /** "You are number 2 in the queue …", with the estimate only when there is an honest one. */
  protected queuedNotice(queue: Queue, lang: Lang, place: { position: number; estimateMinutes: number | null }): Record<string, unknown> {
    const t = this.texts;
    const values = { queue: queue.name[lang], position: String(place.position), minutes: String(place.estimateMinutes ?? '') };
    const estimate = place.estimateMinutes === null ? t.queuedNoEstimate[lang] : t.queuedEstimate[lang];
    return noticeMessage(`${fill(t.queued[lang], values)} ${fill(estimate, values)}`, lang);
  }

  protected async deliverAll(conversationId: string, activities: Record<string, unknown>[]): Promise<void> {
    for (const activity of activities) {
      try {
        await this.o.deliver(conversationId, activity);
      } catch (err) {
        // The resident's chat may be gone (ended and deleted); the handoff state is still right.
        this.o.log.warn({ event: 'handoff_deliver_failed', type: activity.type, err: (err as Error).name }, 'could not deliver to the resident');
      }
    }
  }

  protected async publish(event: ConsoleEvent): Promise<void> {
    try {
      await this.o.bus.publish(event);
    } catch (err) {
      this.o.log.warn({ event: 'handoff_publish_failed', type: event.type, err: (err as Error).name }, 'console event not published');
    }
  }
}
