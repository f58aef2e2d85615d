/**
 * The handoff's rules, written once over the HandoffStore seam (memory or Redis). Every change
 * is read → decide → compare-and-swap; a lost swap is re-read and decided again, so concurrent
 * writers (two counsellors, a counsellor and the resident, two processes) never overwrite each
 * other. Side effects (resident activities, console events, audit) follow a won swap only.
 */
import type { Catalogue, Queue } from '../content/catalogue';
import { openingStatus } from '../content/catalogue';
import type { Logger } from '../logging/logger';
import { counsellorMessage, counsellorTyping, feedbackQuestion, handoffEvent, handoffStatusEvent, noticeMessage } from './activities';
import type { AuditLog } from './audit';
import type { ConsoleEvent, EventBus } from './bus';
import { estimateMinutes, KEEP_SAMPLES } from './estimate';
import { HandoffRecord, RECORD_SCHEMA, withLine } from './record';
import { fill, ResidentTexts } from './residentTexts';
import type { HandoffStore } from './store/store';
import type {
  AcceptResult, ContactRequest, Deliver, EndMode, HandoffRequest, HandoffService, HandoffStatus, Lang, Presence,
  RequestResult, ResidentMessageResult, TransferResult, UnavailableReason, WaitingItem,
} from './types';

export interface HandoffServiceOptions {
  store: HandoffStore;
  bus: EventBus;
  audit: AuditLog;
  catalogue: Catalogue;
  deliver: Deliver;
  log: Logger;
  texts: ResidentTexts;
  waitTimeoutMs: number;
  presenceTtlMs: number;
  /** Records live as long as conversation state (STATE_TTL_SECONDS). */
  recordTtlSeconds: number;
  contactRequestTtlSeconds: number;
  /** The name residents see for a counsellor. */
  displayName?: (counsellorId: string) => string;
  clock?: () => Date;
}

const MAX_SWAP_ATTEMPTS = 8;

export class StoreHandoffService implements HandoffService {
  private readonly clock: () => Date;

  constructor(private readonly o: HandoffServiceOptions) {
    this.clock = o.clock ?? (() => new Date());
  }

  // ---- resident side (called by the bot) ----

  async request(req: HandoffRequest): Promise<RequestResult> {
    const now = (req.now ?? this.clock()).getTime();
    const queue = this.o.catalogue.queues.get(req.queueId);
    if (!queue) return this.unavailable(req.conversationId, req.queueId, 'unknown-queue', null);
    const existing = await this.o.store.get(req.conversationId);
    if (existing?.status === 'accepted') return { status: 'queued', queueId: existing.queueId, position: 0, estimateMinutes: 0 };
    if (existing?.status === 'waiting' && existing.queueId === req.queueId) {
      await this.touch(req.conversationId, now);
      return { status: 'queued', queueId: req.queueId, ...(await this.place(req.queueId, req.conversationId)) };
    }
    const reason = await this.whyUnavailable(queue, new Date(now));
    if (reason) return this.unavailable(req.conversationId, req.queueId, reason, queue);

    const record: HandoffRecord = {
      schema: RECORD_SCHEMA,
      version: (existing?.version ?? 0) + 1,
      conversationId: req.conversationId,
      queueId: req.queueId,
      lang: req.lang,
      summary: req.summary,
      ...(req.transcript && req.transcript.length > 0 ? { transcript: req.transcript } : {}),
      status: 'waiting',
      requestedAt: now,
      queuedAt: now,
      lastResidentAt: now,
      lines: [],
      notes: [],
    };
    if (!(await this.o.store.swap(record, existing?.version ?? 0, this.o.recordTtlSeconds))) {
      // Another request for the same conversation won the race: report what it did.
      return this.request(req);
    }
    const place = await this.place(req.queueId, req.conversationId);
    await this.deliverAll(req.conversationId, [handoffEvent('queued', req.queueId, place), this.queuedNotice(queue, req.lang, place)]);
    await this.publish({ type: 'waiting-changed', queueIds: existing ? [existing.queueId, req.queueId] : [req.queueId] });
    this.o.log.info({ event: 'handoff_queued', queueId: req.queueId, position: place.position }, 'handoff queued');
    return { status: 'queued', queueId: req.queueId, ...place };
  }

  async cancel(conversationId: string): Promise<void> {
    const record = await this.o.store.get(conversationId);
    if (!record || !(await this.o.store.remove(conversationId, record.version))) return;
    await this.deliverAll(conversationId, [handoffEvent('closed', record.queueId, { reason: 'resident' }), handoffStatusEvent('completed')]);
    if (record.status === 'accepted') {
      await this.publish({ type: 'ended', conversationId, counsellorId: record.counsellorId, reason: 'resident' });
    }
    await this.publish({ type: 'waiting-changed', queueIds: [record.queueId] });
  }

  async statusOf(conversationId: string): Promise<HandoffStatus> {
    const record = await this.o.store.get(conversationId);
    if (!record) return { status: 'none' };
    if (record.status === 'accepted') {
      return { status: 'accepted', queueId: record.queueId, counsellor: this.name(record.counsellorId ?? '') };
    }
    return { status: 'queued', queueId: record.queueId, position: (await this.place(record.queueId, conversationId)).position };
  }

  async residentMessage(conversationId: string, text: string): Promise<void> {
    await this.relayResidentMessage(conversationId, text);
  }

  /** residentMessage, telling whether it reached a counsellor, kept the wait alive, or found no handoff. */
  async relayResidentMessage(conversationId: string, text: string): Promise<ResidentMessageResult> {
    const at = this.clock().getTime();
    const updated = await this.update(conversationId, (r) =>
      r.status === 'accepted' ? withLine(r, { from: 'resident', at, text }) : { ...r, lastResidentAt: Math.max(r.lastResidentAt, at) },
    );
    if (!updated) return 'none';
    if (updated.status !== 'accepted') return 'waiting';
    await this.publish({ type: 'message', conversationId, counsellorId: updated.counsellorId, from: 'resident', text, at });
    return 'delivered';
  }

  /** The resident is using the bot while waiting: keeps the wait alive, carries no text. */
  async keepWaiting(conversationId: string): Promise<void> {
    const at = this.clock().getTime();
    await this.update(conversationId, (r) => (r.status === 'waiting' ? { ...r, lastResidentAt: Math.max(r.lastResidentAt, at) } : null));
  }

  async residentTyping(conversationId: string): Promise<void> {
    const record = await this.o.store.get(conversationId);
    if (record?.status === 'accepted') await this.publish({ type: 'typing', conversationId, counsellorId: record.counsellorId, from: 'resident' });
  }

  async leaveContactRequest(req: ContactRequest): Promise<boolean> {
    const queue = this.o.catalogue.queues.get(req.queueId);
    if (!queue?.acceptsContactRequests) return false;
    const at = (req.now ?? this.clock()).getTime();
    await this.o.store.addContactRequest(
      { conversationId: req.conversationId, queueId: req.queueId, lang: req.lang, contact: req.contact, topic: req.summary.topic, at },
      this.o.contactRequestTtlSeconds,
    );
    this.o.log.info({ event: 'handoff_contact_request', queueId: req.queueId }, 'contact request kept');
    return true;
  }

  // ---- counsellor side (called by the console routes) ----

  async setPresence(counsellorId: string, presence: Presence, queues: string[]): Promise<void> {
    const known = queues.filter((q) => this.o.catalogue.queues.has(q));
    await this.o.store.setPresence({ counsellorId, presence, queues: known, expiresAt: Date.now() + this.o.presenceTtlMs });
    await this.publish({ type: 'waiting-changed', queueIds: known });
  }

  async listWaiting(queues: string[] | 'all'): Promise<WaitingItem[]> {
    const ids = queues === 'all' ? [...this.o.catalogue.queues.keys()] : queues;
    const now = this.clock().getTime();
    const out: WaitingItem[] = [];
    for (const queueId of ids) {
      const records = await this.waitingIn(queueId);
      records.forEach((r, i) =>
        out.push({
          conversationId: r.conversationId,
          queueId,
          lang: r.lang,
          queuedAt: r.queuedAt,
          waitingSeconds: Math.max(0, Math.round((now - r.queuedAt) / 1000)),
          position: i + 1,
          summary: r.summary,
          ...(r.transcript ? { transcript: r.transcript } : {}),
        }),
      );
    }
    return out.sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async accept(conversationId: string, counsellorId: string): Promise<AcceptResult> {
    const at = this.clock().getTime();
    let lost = false;
    const accepted = await this.update(conversationId, (r) => {
      if (r.status !== 'waiting') {
        lost = true;
        return null;
      }
      return { ...r, status: 'accepted', counsellorId, acceptedAt: at };
    });
    if (!accepted) return { ok: false, reason: lost ? 'taken' : 'not-waiting' };
    const name = this.name(counsellorId);
    await this.deliverAll(conversationId, [
      handoffEvent('accepted', accepted.queueId),
      handoffStatusEvent('accepted'),
      noticeMessage(fill(this.o.texts.joined[accepted.lang], { name }), accepted.lang),
    ]);
    await this.publish({ type: 'accepted', conversationId, counsellorId, queueId: accepted.queueId, lang: accepted.lang });
    await this.publish({ type: 'waiting-changed', queueIds: [accepted.queueId] });
    await this.o.audit.record({ action: 'accepted', actor: counsellorId, conversationId, queueId: accepted.queueId });
    return { ok: true };
  }

  async send(conversationId: string, counsellorId: string, text: string): Promise<boolean> {
    const at = this.clock().getTime();
    const updated = await this.update(conversationId, (r) =>
      this.isMine(r, counsellorId) ? withLine(r, { from: 'counsellor', by: counsellorId, at, text }) : null,
    );
    if (!updated) return false;
    await this.deliverAll(conversationId, [counsellorMessage(text, this.name(counsellorId), updated.lang)]);
    await this.publish({ type: 'message', conversationId, counsellorId, from: 'counsellor', by: counsellorId, text, at });
    await this.o.audit.record({ action: 'sent', actor: counsellorId, conversationId, queueId: updated.queueId });
    return true;
  }

  async typing(conversationId: string, counsellorId: string): Promise<boolean> {
    const record = await this.o.store.get(conversationId);
    if (!record || !this.isMine(record, counsellorId)) return false;
    await this.deliverAll(conversationId, [counsellorTyping(this.name(counsellorId))]);
    return true;
  }

  async note(conversationId: string, counsellorId: string, text: string): Promise<boolean> {
    const at = this.clock().getTime();
    const updated = await this.update(conversationId, (r) =>
      this.isMine(r, counsellorId) ? { ...r, notes: [...r.notes, { by: counsellorId, at, text }].slice(-100) } : null,
    );
    if (!updated) return false;
    await this.publish({ type: 'note', conversationId, counsellorId, by: counsellorId, text, at });
    await this.o.audit.record({ action: 'noted', actor: counsellorId, conversationId, queueId: updated.queueId });
    return true;
  }

  async transfer(conversationId: string, toQueue: string, by = 'system'): Promise<TransferResult> {
    const queue = this.o.catalogue.queues.get(toQueue);
    const at = this.clock();
    if (!queue) return { status: 'unavailable', reason: 'unknown-queue' };
    const reason = await this.whyUnavailable(queue, at);
    if (reason) return { status: 'unavailable', reason };
    let from: HandoffRecord | null = null;
    const moved = await this.update(conversationId, (r) => {
      from = r;
      const { counsellorId: _c, acceptedAt: _a, ...rest } = r;
      return { ...rest, status: 'waiting', queueId: toQueue, queuedAt: at.getTime(), lastResidentAt: at.getTime() };
    });
    if (!moved || !from) return { status: 'not-found' };
    const previous = from as HandoffRecord;
    const place = await this.place(toQueue, conversationId);
    await this.deliverAll(conversationId, [
      noticeMessage(fill(this.o.texts.transferred[moved.lang], { queue: queue.name[moved.lang] }), moved.lang),
      handoffEvent('queued', toQueue, { ...place, transferred: true }),
    ]);
    if (previous.status === 'accepted') {
      await this.publish({ type: 'ended', conversationId, counsellorId: previous.counsellorId, reason: 'transferred' });
    }
    await this.publish({ type: 'waiting-changed', queueIds: [previous.queueId, toQueue] });
    await this.o.audit.record({ action: 'transferred', actor: by, conversationId, queueId: previous.queueId, detail: `to:${toQueue}` });
    return { status: 'queued', queueId: toQueue, position: place.position };
  }

  async end(conversationId: string, counsellorId: string, mode: EndMode): Promise<boolean> {
    const record = await this.o.store.get(conversationId);
    if (!record || !this.isMine(record, counsellorId)) return false;
    if (!(await this.o.store.remove(conversationId, record.version))) return this.end(conversationId, counsellorId, mode);
    const now = this.clock().getTime();
    if (record.acceptedAt) await this.o.store.addHandlingTime(record.queueId, Math.max(0, now - record.acceptedAt), KEEP_SAMPLES);
    const t = this.o.texts;
    const lang = record.lang;
    await this.deliverAll(conversationId, [
      handoffEvent('closed', record.queueId, { mode }),
      handoffStatusEvent('completed'),
      ...(mode === 'back-to-bot'
        ? [noticeMessage(t.endedBackToBot[lang], lang), feedbackQuestion(t.feedbackQuestion[lang], t.feedbackYes[lang], t.feedbackNo[lang], lang)]
        : [noticeMessage(t.closed[lang], lang)]),
    ]);
    await this.publish({ type: 'ended', conversationId, counsellorId, reason: 'counsellor' });
    await this.o.audit.record({ action: mode === 'back-to-bot' ? 'back-to-bot' : 'closed', actor: counsellorId, conversationId, queueId: record.queueId });
    return true;
  }

  async expireAbandoned(now: Date = this.clock()): Promise<number> {
    let expired = 0;
    for (const queueId of this.o.catalogue.queues.keys()) {
      for (const r of await this.waitingIn(queueId)) {
        const idle = now.getTime() - Math.max(r.queuedAt, r.lastResidentAt);
        if (idle < this.o.waitTimeoutMs) continue;
        // Only the process whose remove wins tells the resident: one notice, however many sweep.
        if (!(await this.o.store.remove(r.conversationId, r.version))) continue;
        expired++;
        await this.deliverAll(r.conversationId, [
          handoffEvent('closed', queueId, { reason: 'timeout' }),
          handoffStatusEvent('failed', 'timeout'),
          noticeMessage(this.o.texts.timedOut[r.lang], r.lang),
        ]);
        await this.publish({ type: 'ended', conversationId: r.conversationId, reason: 'timeout' });
        await this.publish({ type: 'waiting-changed', queueIds: [queueId] });
        this.o.log.info({ event: 'handoff_wait_expired', queueId }, 'abandoned handoff wait ended');
      }
    }
    return expired;
  }

  // ---- helpers (also used by the console) ----

  /** The record, for the console's conversation view (access is checked by the route). */
  get(conversationId: string): Promise<HandoffRecord | null> {
    return this.o.store.get(conversationId);
  }

  /** Conversations open with a counsellor (after a console reload, they come back). */
  async acceptedBy(counsellorId: string): Promise<HandoffRecord[]> {
    const out: HandoffRecord[] = [];
    for (const queueId of this.o.catalogue.queues.keys()) {
      out.push(...(await this.waitingIn(queueId, 'accepted')).filter((r) => r.counsellorId === counsellorId));
    }
    return out.sort((a, b) => (a.acceptedAt ?? 0) - (b.acceptedAt ?? 0));
  }

  /** Counsellors online for a queue right now (presence not expired). */
  async onlineFor(queueId: string): Promise<string[]> {
    const now = Date.now();
    return (await this.o.store.presence())
      .filter((p) => p.presence === 'online' && p.expiresAt > now && p.queues.includes(queueId))
      .map((p) => p.counsellorId);
  }

  /** Extends an online presence (the console's heartbeat); no event, nothing changed. */
  async refreshPresence(counsellorId: string): Promise<void> {
    const entry = (await this.o.store.presence()).find((p) => p.counsellorId === counsellorId);
    if (entry && entry.presence === 'online' && entry.expiresAt > Date.now()) {
      await this.o.store.setPresence({ ...entry, expiresAt: Date.now() + this.o.presenceTtlMs });
    }
  }

  async presenceOf(counsellorId: string): Promise<{ presence: Presence; queues: string[] } | null> {
    const entry = (await this.o.store.presence()).find((p) => p.counsellorId === counsellorId);
    if (!entry) return null;
    return { presence: entry.expiresAt > Date.now() ? entry.presence : 'away', queues: entry.queues };
  }

  contactRequests(queueId: string) {
    return this.o.store.contactRequests(queueId);
  }

  /** "You are number 2 in the queue …", with the estimate only when there is an honest one. */
  private queuedNotice(queue: Queue, lang: Lang, place: { position: number; estimateMinutes: number | null }): Record<string, unknown> {
    const t = this.o.texts;
    const values = { queue: queue.name[lang], position: String(place.position), minutes: String(place.estimateMinutes ?? '') };
    const estimate = place.estimateMinutes === null ? t.queuedNoEstimate[lang] : t.queuedEstimate[lang];
    return noticeMessage(`${fill(t.queued[lang], values)} ${fill(estimate, values)}`, lang);
  }

  private isMine(record: HandoffRecord, counsellorId: string): boolean {
    return record.status === 'accepted' && record.counsellorId === counsellorId;
  }

  private name(counsellorId: string): string {
    return this.o.displayName?.(counsellorId) ?? counsellorId;
  }

  private async whyUnavailable(queue: Queue, now: Date): Promise<UnavailableReason | null> {
    // Unknown hours are not guessed: then only the counsellors' presence decides.
    const state = openingStatus(queue.hours, now, this.o.catalogue.region.timezone).state;
    if (state === 'closed') return 'closed';
    if ((await this.onlineFor(queue.id)).length === 0) return 'nobody-online';
    return null;
  }

  private async unavailable(conversationId: string, queueId: string, reason: UnavailableReason, queue: Queue | null): Promise<RequestResult> {
    await this.deliverAll(conversationId, [handoffEvent('unavailable', queueId, { reason }), handoffStatusEvent('failed', reason)]);
    this.o.log.info({ event: 'handoff_unavailable', queueId, reason }, 'handoff unavailable');
    return { status: 'unavailable', reason, alternatives: queue ? [...queue.services] : [], acceptsContactRequests: queue?.acceptsContactRequests ?? false };
  }

  /** Records of a queue with a status, in order; index entries whose record is gone are pruned. */
  private async waitingIn(queueId: string, status: 'waiting' | 'accepted' = 'waiting'): Promise<HandoffRecord[]> {
    const ids = await this.o.store.queueMembers(queueId, status);
    const records = await Promise.all(ids.map((id) => this.o.store.get(id)));
    const gone = ids.filter((_, i) => !records[i]);
    if (gone.length > 0) await this.o.store.prune(queueId, gone, status);
    return records.filter((r): r is HandoffRecord => Boolean(r && r.status === status && r.queueId === queueId));
  }

  private async place(queueId: string, conversationId: string): Promise<{ position: number; estimateMinutes: number | null }> {
    const waiting = await this.waitingIn(queueId);
    const position = waiting.findIndex((r) => r.conversationId === conversationId) + 1;
    const [times, online] = await Promise.all([this.o.store.handlingTimes(queueId), this.onlineFor(queueId)]);
    return { position, estimateMinutes: estimateMinutes(position, times, online.length) };
  }

  private async touch(conversationId: string, at: number): Promise<void> {
    await this.update(conversationId, (r) => ({ ...r, lastResidentAt: Math.max(r.lastResidentAt, at) }));
  }

  /** Read → decide → compare-and-swap, retried on a lost race. `decide` returning null = no change. */
  private async update(conversationId: string, decide: (r: HandoffRecord) => HandoffRecord | null): Promise<HandoffRecord | null> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const current = await this.o.store.get(conversationId);
      if (!current) return null;
      const next = decide(current);
      if (!next) return null;
      const versioned = { ...next, version: current.version + 1 };
      if (await this.o.store.swap(versioned, current.version, this.o.recordTtlSeconds)) return versioned;
    }
    throw new Error('handoff record kept changing: gave up after repeated write conflicts');
  }

  private async deliverAll(conversationId: string, activities: Record<string, unknown>[]): Promise<void> {
    for (const activity of activities) {
      try {
        await this.o.deliver(conversationId, activity);
      } catch (err) {
        // The resident's chat may be gone (ended and deleted); the handoff state is still right.
        this.o.log.warn({ event: 'handoff_deliver_failed', type: activity.type, err: (err as Error).name }, 'could not deliver to the resident');
      }
    }
  }

  private async publish(event: ConsoleEvent): Promise<void> {
    try {
      await this.o.bus.publish(event);
    } catch (err) {
      this.o.log.warn({ event: 'handoff_publish_failed', type: event.type, err: (err as Error).name }, 'console event not published');
    }
  }
}
