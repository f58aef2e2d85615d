/**
 * Accepted turns outlive the process that accepted them.
 *
 * A turn enqueued with something recoverable (what another process needs to run it: for a Direct
 * Line post, its place in the conversation's activity stream) keeps that in the conversation's
 * pending hash until its state write or its release retires it. When the owner's lease runs out,
 * the turn is taken over under a fresh token, at most MAX_RECOVERIES times (a message that kills
 * every process it reaches must not take the whole service down), by:
 *
 * - the next turn of the conversation, which finds it at the head of the queue (TRY_ACQUIRE), or
 * - this sweep, for conversations that get no further message: every process checks, a few times
 *   a lease, the conversations of the shared index whose check is due. The index holds ids only
 *   (never words); a conversation leaves it once a check finds its queue empty.
 *
 * Exactly once: the state write of a turn retires its pending entry in the same script
 * (redisStorage.ts), so a turn whose state landed is dropped, not rerun; a process that stalled
 * past its lease finds its state write refused, because its token no longer holds a lease.
 */
import type Redis from 'ioredis';
import { sharedKeys } from './keys';
import { CLAIM_DUE, FORGET_IF_UNCHANGED } from './turnQueueLua';
import { LuaScript } from './luaScript';

const SCRIPTS = { claimDue: new LuaScript(CLAIM_DUE), forgetIfUnchanged: new LuaScript(FORGET_IF_UNCHANGED) };

/** How many times one accepted turn may be taken over after its process died. */
export const MAX_RECOVERIES = 1;

/** The most a recoverable description may hold; a larger one is enqueued as not recoverable. */
export const MAX_RECOVERABLE_BYTES = 16 * 1024;

/** Checks fall this long after a lease end, so Redis's clock has passed it too. */
const CHECK_MARGIN_MS = 50;

/**
 * Puts the conversation in the sweep's index, due for a check once the turn's lease could have
 * run out. Sent before the enqueue itself, in the same round trip.
 */
export function noteOpen(redis: Redis, prefix: string, conversationId: string, leaseMs: number): Promise<unknown> {
  return redis.zadd(sharedKeys(prefix).turnsOpen, openCheckDue(leaseMs), conversationId);
}

/** The index score noteOpen gives (epoch ms), for a script that adds to the index itself. */
export function openCheckDue(leaseMs: number): number {
  return Date.now() + leaseMs + CHECK_MARGIN_MS;
}

/**
 * The periodic check. `recoverOne` returns null once the conversation has nothing queued, else
 * when to look again (a live head's lease end).
 */
export class TurnSweep {
  private readonly timer: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly leaseMs: number,
    private readonly recoverOne: (conversationId: string) => Promise<number | null>,
    intervalMs = Math.max(50, Math.floor(leaseMs / 6)),
  ) {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass; resolves when every due conversation has been checked (tests call it directly). */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const index = sharedKeys(this.prefix).turnsOpen;
    try {
      const now = Date.now();
      const due = (await SCRIPTS.claimDue.run(this.redis, 1, index, now, now + this.leaseMs, 50)) as string[];
      const checks: Promise<unknown>[] = [];
      for (let i = 0; i < due.length; i += 2) {
        const [id, score] = [due[i], due[i + 1]];
        checks.push(this.recoverOne(id).then((next) =>
          next === null
            ? SCRIPTS.forgetIfUnchanged.run(this.redis, 1, index, id, score)
            : this.redis.zadd(index, 'XX', 'LT', next + CHECK_MARGIN_MS, id)));
      }
      await Promise.allSettled(checks);
    } catch {
      // Redis away: the next tick tries again.
    } finally {
      this.running = false;
    }
  }
}
