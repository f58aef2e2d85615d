/**
 * The handoff service: each call is one event of the state table (stateTable.ts), committed
 * atomically by serviceCore's `apply`; what each outcome tells the resident, the consoles and
 * the audit log follows a won commit only. The periodic checks live in sweep.ts.
 */
import { counsellorMessage, counsellorTyping, feedbackQuestion, handoffEvent, handoffStatusEvent, noticeMessage } from './activities';
import { KEEP_SAMPLES } from './estimate';
import { HandoffRecord, withLine } from './record';
import { fill } from './residentTexts';
import { HandoffSweeps } from './sweep';
import type {
  AcceptResult, CancelOptions, CancelResult, ContactRequest, EndMode, HandoffRequest, HandoffService, HandoffStatus, Presence,
  RequestResult, ResidentMessageResult, TransferResult, WaitingItem,
} from './types';

export type { HandoffServiceOptions } from './serviceCore';

export class StoreHandoffService extends HandoffSweeps implements HandoffService {
  // ---- resident side (called by the bot) ----

  async request(req: HandoffRequest): Promise<RequestResult> {
    const at = (req.now ?? this.clock()).getTime();
    const queue = this.catalogue.queues.get(req.queueId);
    if (!queue) return this.unavailable(req.conversationId, req.queueId, 'unknown-queue', null);
    const reason = await this.whyUnavailable(queue, new Date(at));
    const { transition, before } = await this.apply(
      req.conversationId,
      { type: 'request', at, queueId: req.queueId, lang: req.lang, summary: req.summary, transcript: req.transcript },
      (b) => ({ available: reason === null, sameQueue: b?.queueId === req.queueId }),
    );
    switch (transition.outcome) {
      case 'already-accepted':
        return { status: 'queued', queueId: before!.queueId, position: 0, estimateMinutes: 0 };
      case 'already-waiting':
        return { status: 'queued', queueId: req.queueId, ...(await this.place(req.queueId, req.conversationId)) };
      case 'unavailable':
        return this.unavailable(req.conversationId, req.queueId, reason ?? 'nobody-online', queue);
      default: {
        const place = await this.place(req.queueId, req.conversationId);
        await this.deliverAll(req.conversationId, [handoffEvent('queued', req.queueId, place), this.queuedNotice(queue, req.lang, place)]);
        const moved = before?.status === 'waiting' && before.queueId !== req.queueId;
        await this.publish({ type: 'waiting-changed', queueIds: moved ? [before.queueId, req.queueId] : [req.queueId] });
        this.o.log.info({ event: 'handoff_queued', queueId: req.queueId, position: place.position }, 'handoff queued');
        return { status: 'queued', queueId: req.queueId, ...place };
      }
    }
  }

  async cancel(conversationId: string, options: CancelOptions = {}): Promise<CancelResult> {
    const type = options.onlyWaiting ? 'cancel-wait' : 'cancel';
    const { transition, before } = await this.apply(conversationId, { type, at: this.now() });
    const name = this.name(before?.counsellorId);
    switch (transition.outcome) {
      case 'lost-to-accept':
        // A counsellor accepted first: the chat stays with them, and the resident is told so.
        await this.deliverAll(conversationId, [noticeMessage(fill(this.texts.cancelLostToAccept[before!.lang], { name }), before!.lang)]);
        this.o.log.info({ event: 'handoff_cancel_lost', queueId: before!.queueId }, 'cancel arrived after accept');
        return { status: 'lost-to-accept', counsellor: name };
      case 'cancelled':
        await this.residentGone(before!, 'resident');
        return { status: 'cancelled' };
      case 'ended-by-resident':
        await this.residentGone(before!, 'resident');
        return { status: 'ended', counsellor: name };
      default:
        return { status: 'none' };
    }
  }

  async residentDeleted(conversationId: string): Promise<void> {
    const { before, changed } = await this.apply(conversationId, { type: 'resident-deleted', at: this.now() });
    // The chat itself is being deleted: nothing to deliver, only the console to tell.
    if (changed && before) await this.residentGone(before, 'resident-deleted', false);
  }

  /** After the resident cancelled, left or deleted: the closed events, the console, the queue. */
  private async residentGone(before: HandoffRecord, reason: 'resident' | 'resident-deleted', deliver = true): Promise<void> {
    if (before.status === 'accepted' && before.acceptedAt) await this.o.store.addHandlingTime(before.queueId, Math.max(0, this.now() - before.acceptedAt), KEEP_SAMPLES);
    const id = before.conversationId;
    if (deliver) await this.deliverAll(id, [handoffEvent('closed', before.queueId, { reason: 'resident' }), handoffStatusEvent('completed')]);
    if (before.status === 'accepted') await this.publish({ type: 'ended', conversationId: id, counsellorId: before.counsellorId, reason });
    await this.publish({ type: 'waiting-changed', queueIds: [before.queueId] });
  }

  /**
   * The resident answered "did you get help?": the ended handoff is done with (the answer itself
   * is counted by the service statistics, docs/statistics.md). False when no answer was due.
   */
  async recordFeedback(conversationId: string, helpful: boolean): Promise<boolean> {
    const { transition, before } = await this.apply(conversationId, { type: 'feedback', at: this.now() });
    if (transition.outcome !== 'recorded') return false;
    this.o.log.info({ event: 'handoff_feedback', queueId: before!.queueId, helpful }, 'handoff feedback answered');
    return true;
  }

  async statusOf(conversationId: string): Promise<HandoffStatus> {
    const record = await this.o.store.get(conversationId);
    if (!record) return { status: 'none' };
    if (record.status === 'ended') return { status: 'none', ended: { mode: record.endMode ?? 'close', feedbackDue: record.endMode === 'back-to-bot' } };
    if (record.status === 'accepted') return { status: 'accepted', queueId: record.queueId, counsellor: this.name(record.counsellorId) };
    return {
      status: 'queued', queueId: record.queueId, position: (await this.place(record.queueId, conversationId)).position,
      ...(record.returnedBecause ? { returnedBecause: record.returnedBecause } : {}),
    };
  }

  async residentMessage(conversationId: string, text: string): Promise<void> {
    await this.relayResidentMessage(conversationId, text);
  }

  /** residentMessage, telling whether it reached a counsellor, kept the wait alive, or found no handoff. */
  async relayResidentMessage(conversationId: string, text: string): Promise<ResidentMessageResult> {
    const at = this.now();
    const updated = await this.mutate(conversationId, (r) => {
      if (r.status === 'accepted') return withLine(r, { from: 'resident', at, text });
      return r.status === 'waiting' ? { ...r, lastResidentAt: Math.max(r.lastResidentAt, at) } : null;
    });
    if (!updated) return 'none';
    if (updated.status !== 'accepted') return 'waiting';
    await this.publish({ type: 'message', conversationId, counsellorId: updated.counsellorId, from: 'resident', text, at });
    return 'delivered';
  }

  /** The resident is using the bot while waiting: keeps the wait alive, carries no text. */
  async keepWaiting(conversationId: string): Promise<void> {
    const at = this.now();
    await this.mutate(conversationId, (r) => (r.status === 'waiting' && at > r.lastResidentAt ? { ...r, lastResidentAt: at } : null));
  }

  async residentTyping(conversationId: string): Promise<void> {
    const record = await this.o.store.get(conversationId);
    if (record?.status === 'accepted') await this.publish({ type: 'typing', conversationId, counsellorId: record.counsellorId, from: 'resident' });
  }

  async leaveContactRequest(req: ContactRequest): Promise<boolean> {
    const queue = this.catalogue.queues.get(req.queueId);
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
    const known = queues.filter((q) => this.catalogue.queues.has(q));
    await this.o.store.setPresence({ counsellorId, presence, queues: known, expiresAt: Date.now() + this.o.presenceTtlMs });
    await this.publish({ type: 'waiting-changed', queueIds: known });
  }

  async listWaiting(queues: string[] | 'all'): Promise<WaitingItem[]> {
    const ids = queues === 'all' ? [...this.catalogue.queues.keys()] : queues;
    const now = this.now();
    const out: WaitingItem[] = [];
    for (const queueId of ids) {
      (await this.waitingIn(queueId)).forEach((r, i) =>
        out.push({
          conversationId: r.conversationId, queueId, lang: r.lang, queuedAt: r.queuedAt,
          waitingSeconds: Math.max(0, Math.round((now - r.queuedAt) / 1000)),
          position: i + 1, summary: r.summary,
          ...(r.transcript ? { transcript: r.transcript } : {}),
          ...(r.returnedBecause ? { returnedBecause: r.returnedBecause } : {}),
        }),
      );
    }
    return out.sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async accept(conversationId: string, counsellorId: string): Promise<AcceptResult> {
    const at = this.now();
    await this.heartbeat(counsellorId);
    const { transition, after } = await this.apply(conversationId, { type: 'accept', at, counsellorId });
    if (transition.outcome !== 'accepted') return { ok: false, reason: transition.outcome === 'taken' ? 'taken' : 'not-waiting' };
    const accepted = after!;
    await this.deliverAll(conversationId, [
      handoffEvent('accepted', accepted.queueId),
      handoffStatusEvent('accepted'),
      noticeMessage(fill(this.texts.joined[accepted.lang], { name: this.name(counsellorId) }), accepted.lang),
    ]);
    await this.publish({ type: 'accepted', conversationId, counsellorId, queueId: accepted.queueId, lang: accepted.lang });
    await this.publish({ type: 'waiting-changed', queueIds: [accepted.queueId] });
    await this.o.audit.record({ action: 'accepted', actor: counsellorId, conversationId, queueId: accepted.queueId });
    return { ok: true };
  }

  async send(conversationId: string, counsellorId: string, text: string): Promise<boolean> {
    const at = this.now();
    const updated = await this.mutate(conversationId, (r) =>
      this.isMine(r, counsellorId) ? withLine(r, { from: 'counsellor', by: counsellorId, at, text }) : null,
    );
    if (!updated) return false;
    await this.heartbeat(counsellorId);
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
    const at = this.now();
    const updated = await this.mutate(conversationId, (r) =>
      this.isMine(r, counsellorId) ? { ...r, notes: [...r.notes, { by: counsellorId, at, text }].slice(-100) } : null,
    );
    if (!updated) return false;
    await this.publish({ type: 'note', conversationId, counsellorId, by: counsellorId, text, at });
    await this.o.audit.record({ action: 'noted', actor: counsellorId, conversationId, queueId: updated.queueId });
    return true;
  }

  async transfer(conversationId: string, toQueue: string, by = 'system'): Promise<TransferResult> {
    const queue = this.catalogue.queues.get(toQueue);
    if (!queue) return { status: 'unavailable', reason: 'unknown-queue' };
    const at = this.clock();
    const reason = await this.whyUnavailable(queue, at);
    const { transition, before, after } = await this.apply(conversationId, { type: 'transfer', at: at.getTime(), toQueue }, (b) => ({
      available: reason === null, sameQueue: b?.queueId === toQueue,
    }));
    if (transition.outcome === 'unavailable') return { status: 'unavailable', reason: reason ?? 'nobody-online' };
    if (transition.outcome === 'same-queue') return { status: 'same-queue' };
    if (transition.outcome !== 'transferred') return { status: 'not-found' };
    const previous = before!;
    const place = await this.place(toQueue, conversationId);
    await this.deliverAll(conversationId, [
      noticeMessage(fill(this.texts.transferred[after!.lang], { queue: queue.name[after!.lang] }), after!.lang),
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
    const at = this.now();
    const { transition, before } = await this.apply(conversationId, { type: 'end', at, counsellorId, mode }, (b) => ({ mine: b?.counsellorId === counsellorId }));
    if (transition.outcome !== 'ended') return false;
    const record = before!;
    if (record.acceptedAt) await this.o.store.addHandlingTime(record.queueId, Math.max(0, at - record.acceptedAt), KEEP_SAMPLES);
    const t = this.texts;
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

  // ---- helpers (also used by the console) ----

  /** The record, for the console's conversation view (access is checked by the route). */
  async get(conversationId: string): Promise<HandoffRecord | null> {
    const record = await this.o.store.get(conversationId);
    return record && record.status !== 'ended' ? record : null;
  }

  /** Conversations open with a counsellor (after a console reload, they come back). */
  async acceptedBy(counsellorId: string): Promise<HandoffRecord[]> {
    const out: HandoffRecord[] = [];
    for (const queueId of this.catalogue.queues.keys()) {
      out.push(...(await this.waitingIn(queueId, 'accepted')).filter((r) => r.counsellorId === counsellorId));
    }
    return out.sort((a, b) => (a.acceptedAt ?? 0) - (b.acceptedAt ?? 0));
  }

  /** The console's heartbeat (its event stream, and any action): it is open, and online stays online. */
  async heartbeat(counsellorId: string): Promise<void> {
    await this.o.store.markSeen(counsellorId, this.now());
    const entry = (await this.o.store.presence()).find((p) => p.counsellorId === counsellorId);
    if (entry && entry.presence === 'online' && entry.expiresAt > Date.now()) {
      await this.o.store.setPresence({ ...entry, expiresAt: Date.now() + this.o.presenceTtlMs });
    }
  }

  /** Kept for callers of the earlier name. */
  refreshPresence(counsellorId: string): Promise<void> {
    return this.heartbeat(counsellorId);
  }

  async presenceOf(counsellorId: string): Promise<{ presence: Presence; queues: string[] } | null> {
    const entry = (await this.o.store.presence()).find((p) => p.counsellorId === counsellorId);
    if (!entry) return null;
    return { presence: entry.expiresAt > Date.now() ? entry.presence : 'away', queues: entry.queues };
  }

  contactRequests(queueId: string) {
    return this.o.store.contactRequests(queueId);
  }

  /** The catalogue in service now (the console reads queues through it, so reloads reach it). */
  currentCatalogue() {
    return this.catalogue;
  }

  private isMine(record: HandoffRecord, counsellorId: string): boolean {
    return record.status === 'accepted' && record.counsellorId === counsellorId;
  }
}
