/**
 * The periodic checks every process runs (HANDOFF_SWEEP_INTERVAL_MS): abandoned waits end, and
 * chats whose counsellor's console stopped its heartbeat go back to their queue at the
 * resident's old place. Both are the state table's `sweep` event with the facts looked up
 * here; the atomic commit lets exactly one process act on each conversation, so the resident
 * is told once however many processes sweep.
 */
import { handoffEvent, handoffStatusEvent, noticeMessage } from './activities';
import { fill } from './residentTexts';
import { HandoffCore } from './serviceCore';

export class HandoffSweeps extends HandoffCore {
  /** Ends waits with no resident activity and no accept for the wait timeout; returns how many. */
  async expireAbandoned(now: Date = this.clock()): Promise<number> {
    let expired = 0;
    const at = now.getTime();
    for (const queueId of this.catalogue.queues.keys()) {
      for (const r of await this.waitingIn(queueId)) {
        const { transition, changed } = await this.apply(r.conversationId, { type: 'sweep', at }, (b) => ({
          idle: Boolean(b && at - Math.max(b.queuedAt, b.lastResidentAt) >= this.o.waitTimeoutMs),
        }));
        if (!changed || transition.outcome !== 'timed-out') continue;
        expired++;
        await this.deliverAll(r.conversationId, [
          handoffEvent('closed', queueId, { reason: 'timeout' }),
          handoffStatusEvent('failed', 'timeout'),
          noticeMessage(this.texts.timedOut[r.lang], r.lang),
        ]);
        await this.publish({ type: 'ended', conversationId: r.conversationId, reason: 'timeout' });
        await this.publish({ type: 'waiting-changed', queueIds: [queueId] });
        this.o.log.info({ event: 'handoff_wait_expired', queueId }, 'abandoned handoff wait ended');
      }
    }
    return expired;
  }

  /**
   * Chats whose counsellor has not been seen (no console heartbeat, no action) for
   * HANDOFF_PRESENCE_TTL_MS go back to waiting; the resident is told honestly and the bot
   * answers them again meanwhile. Returns how many.
   */
  async returnOrphaned(now: Date = this.clock()): Promise<number> {
    let returned = 0;
    const at = now.getTime();
    for (const queueId of this.catalogue.queues.keys()) {
      for (const r of await this.waitingIn(queueId, 'accepted')) {
        const seen = r.counsellorId ? await this.o.store.lastSeen(r.counsellorId) : null;
        const gone = at - Math.max(seen ?? 0, r.acceptedAt ?? 0) >= this.o.presenceTtlMs;
        const { transition, changed, before } = await this.apply(r.conversationId, { type: 'sweep', at }, (b) => ({
          consoleGone: gone && b?.counsellorId === r.counsellorId,
        }));
        if (!changed || transition.outcome !== 'returned-to-queue') continue;
        returned++;
        const lang = r.lang;
        const { position } = await this.place(queueId, r.conversationId);
        const values = { queue: this.catalogue.queues.get(queueId)?.name[lang] ?? queueId, position: String(position) };
        await this.deliverAll(r.conversationId, [
          handoffEvent('queued', queueId, { position, estimateMinutes: null, returned: 'console-gone' }),
          noticeMessage(fill(this.texts.returnedToQueue[lang], values), lang),
        ]);
        await this.publish({ type: 'ended', conversationId: r.conversationId, counsellorId: before?.counsellorId, reason: 'console-gone' });
        await this.publish({ type: 'waiting-changed', queueIds: [queueId] });
        this.o.log.info({ event: 'handoff_console_gone', queueId }, 'counsellor console gone: conversation back in its queue');
      }
    }
    return returned;
  }
}
