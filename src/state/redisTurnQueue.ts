/**
 * Per-conversation FIFO shared by every server process on one Redis.
 *
 * Each turn appends a token to the conversation's list (`conv:{id}:turnq`) and holds a lease
 * (`conv:{id}:turnl`, token → lease end in Redis time) that it renews while it waits or runs.
 * The head of the list owns the conversation. A head whose lease has run out (its process died,
 * or its enqueue timed out on the client but still reached Redis: a "ghost") is dropped by the
 * next waiter. The lease (3 s) is much shorter than the turn wait (15 s), so a dead process
 * costs its conversations at most a few seconds, never the wait timeout. Waiters wake on a
 * pub/sub message when a turn ends, with a short poll as a backstop.
 *
 * A turn enqueued with something `recoverable` (a Direct Line post: its place in the activity
 * stream) is not dropped when its lease runs out but taken over: by the next waiter of the
 * conversation, or by the sweep (turnRecovery.ts) when no further message comes. The Lua is in
 * turnQueueLua.ts.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { conversationKeys, ConversationKeys, sharedKeys, STATE_NAMESPACES } from './keys';
import { whenReady } from './redisClient';
import { DEFAULT_LEASE_MS, OrphanHandler, runOptions, TurnCancelledError, TurnQueue, TurnRunOptions, TurnWaitTimeoutError } from './turnQueue';
import { EtagConflictError } from './storeItems';
import { LuaScript, scriptFor } from './luaScript';
import { endTurnLua, ENQUEUE, ENQUEUE_AND_ACQUIRE, RECOVER, RELEASE, RELEASE_AND_WAKE, RENEW, TRY_ACQUIRE } from './turnQueueLua';
import { MAX_RECOVERABLE_BYTES, MAX_RECOVERIES, noteOpen, TurnSweep } from './turnRecovery';
import { DeferredWrite, EndOfTurnExtra, turnScope, TurnScope, TurnSupersededError } from './turnScope';

const SCRIPTS = {
  enqueue: new LuaScript(ENQUEUE),
  enqueueAndAcquire: new LuaScript(ENQUEUE_AND_ACQUIRE),
  tryAcquire: new LuaScript(TRY_ACQUIRE),
  endTurn: new LuaScript(endTurnLua()),
  releaseAndWake: new LuaScript(RELEASE_AND_WAKE),
  renew: new LuaScript(RENEW),
  release: new LuaScript(RELEASE),
  recover: new LuaScript(RECOVER),
};
/** END_TURN with an extra part (turnScope.ts EndOfTurnExtra: a module constant, so few). */
const endTurnWith = new Map<string, LuaScript>();

/** What TRY_ACQUIRE and ENQUEUE_AND_ACQUIRE answer (turnQueueLua.ts ACQUIRE_LOOP). */
type Acquire = number | [1, ...(string | null)[]] | [2, string, string];

export { enqueueLua } from './turnQueueLua';

export interface RedisTurnQueueOptions {
  prefix?: string;
  leaseMs?: number;
  waitTimeoutMs?: number;
}

export class RedisTurnQueue implements TurnQueue {
  private readonly prefix: string;
  readonly leaseMs: number;
  private readonly waitTimeoutMs: number;
  private readonly channel: string;
  private readonly waiters = new Map<string, Set<() => void>>();
  private subscribed: Promise<unknown> | null = null;
  private orphanHandler: OrphanHandler | null = null;
  private sweep: TurnSweep | null = null;

  /** `subscriber` must be a separate connection: a subscribed connection cannot run commands. */
  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    options: RedisTurnQueueOptions = {},
  ) {
    this.prefix = options.prefix ?? 'opastin:';
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 15000;
    this.channel = sharedKeys(this.prefix).turnEndedChannel;
    subscriber.on('message', (channel: string, conversationKey: string) => {
      if (channel === this.channel) this.waiters.get(conversationKey)?.forEach((wake) => wake());
    });
  }

  /** How long the queue keys live without activity (a generous multiple of the lease). */
  get queueTtlMs(): number {
    return Math.max(this.leaseMs * 4, this.waitTimeoutMs * 2);
  }

  async reserve(conversationId: string, ticket: string, what = ''): Promise<void> {
    const k = conversationKeys(this.prefix, conversationId);
    const recoverable = Buffer.byteLength(what) <= MAX_RECOVERABLE_BYTES ? what : '';
    // The index first: a process that dies between the two leaves a due check, not a lost turn.
    await Promise.all([
      recoverable ? noteOpen(this.redis, this.prefix, conversationId, this.leaseMs) : undefined,
      SCRIPTS.enqueue.run(this.redis, 3, k.turnQueue, k.turnLeases, k.turnPending, ticket, this.leaseMs, this.queueTtlMs, recoverable),
    ]);
  }

  recoverWith(handler: OrphanHandler): void {
    this.orphanHandler = handler;
    this.sweep ??= new TurnSweep(this.redis, this.prefix, this.leaseMs, (id) => this.recoverOne(id));
  }

  /**
   * The sweep's check of one conversation: null when nothing is queued there any more, else when
   * to check again (the live head's lease end, epoch ms; now + a lease after a take-over).
   */
  async recoverOne(conversationId: string): Promise<number | null> {
    const k = conversationKeys(this.prefix, conversationId);
    const result = (await SCRIPTS.recover.run(
      this.redis, 3, k.turnQueue, k.turnLeases, k.turnPending, '', randomUUID(), this.leaseMs, MAX_RECOVERIES,
    )) as 0 | [1, number] | [2, string, string];
    if (result === 0) return null;
    if (result[0] === 1) return result[1];
    this.adopt(conversationId, result[1], result[2]);
    return Date.now() + this.leaseMs;
  }

  /** Runs a turn taken over from a dead process, in the background (it holds its own place now). */
  private adopt(conversationId: string, ticket: string, recoverable: string): void {
    const handler = this.orphanHandler;
    const k = conversationKeys(this.prefix, conversationId);
    if (!handler) return this.forget(k.turnQueue, k.turnLeases, k.turnPending, ticket);
    handler(conversationId, ticket, recoverable).catch(() => this.forget(k.turnQueue, k.turnLeases, k.turnPending, ticket));
  }

  async run<T>(conversationId: string, task: () => Promise<T>, options?: TurnRunOptions | (() => void)): Promise<T> {
    const { onQueued, ticket, recoverable, prefetchState, acquired: taken } = runOptions(options);
    const k = conversationKeys(this.prefix, conversationId);
    const token = ticket ?? randomUUID();
    const reads = prefetchState ? [...STATE_NAMESPACES.map((ns) => k.state(prefetchState, ns)), k.handoff] : [];
    let first: Acquire | undefined;
    try {
      // Issued before any await: calls on one connection reach Redis in call order. Without a
      // place taken already, the enqueue and the first acquire (and read) are one script.
      const what = recoverable && Buffer.byteLength(recoverable) <= MAX_RECOVERABLE_BYTES ? recoverable : '';
      const [, acquired] = await Promise.all([
        !ticket && what ? noteOpen(this.redis, this.prefix, conversationId, this.leaseMs) : undefined,
        ticket ? undefined : (SCRIPTS.enqueueAndAcquire.run(
          this.redis, 3 + reads.length, k.turnQueue, k.turnLeases, k.turnPending, ...reads,
          token, randomUUID(), this.leaseMs, MAX_RECOVERIES, this.queueTtlMs, what,
        ) as Promise<Acquire>),
        this.ensureSubscribed(),
      ]);
      first = acquired ?? (ticket && taken ? [1, ...reads.map((key) => taken.get(key) ?? null)] : undefined);
    } catch (err) {
      // The enqueue may have reached Redis although the client gave up (a paused Redis): take
      // the entry back as soon as Redis answers again, so no ghost sits at the head.
      this.forget(k.turnQueue, k.turnLeases, k.turnPending, token);
      throw err;
    }
    onQueued?.();
    const heartbeat = setInterval(() => {
      SCRIPTS.renew.run(this.redis, 1, k.turnLeases, token, this.leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 4)));
    // The state storage sees which turn writes (turnScope.ts): a superseded turn cannot write,
    // and its write waits for the release (END_TURN) so the end of the turn is one round trip.
    const scope: TurnScope = { conversationId, token, deferredWrite: null };
    try {
      scope.prefetched = await this.waitForHead(conversationId, token, reads, first);
      return await turnScope.run(scope, task);
    } finally {
      clearInterval(heartbeat);
      await this.finish(k, conversationId, token, scope.deferredWrite ?? null, scope.endExtra);
    }
  }

  /** Release (with the deferred state write and the extra, if any) and wake the conversation's waiters: one script. */
  private async finish(k: ConversationKeys, conversationId: string, token: string, write: DeferredWrite | null, extra?: EndOfTurnExtra): Promise<void> {
    if ((!write || write.items.size === 0) && !extra) {
      await SCRIPTS.releaseAndWake.run(this.redis, 3, k.turnQueue, k.turnLeases, k.turnPending, token, this.channel, conversationId)
        .catch(() => this.forget(k.turnQueue, k.turnLeases, k.turnPending, token));
      return;
    }
    const items = [...(write?.items ?? [])];
    let result: [number, unknown?];
    try {
      result = (await (extra ? scriptFor(endTurnWith, extra.lua, endTurnLua) : SCRIPTS.endTurn).run(
        this.redis, 3 + items.length + (extra?.keys.length ?? 0),
        k.turnQueue, k.turnLeases, k.turnPending, ...items.map(([key]) => key), ...(extra?.keys ?? []),
        token, this.channel, conversationId, write?.ttlSeconds ?? 0, items.length,
        ...items.flatMap(([, item]) => [item.expected, item.eTag, item.json]), ...(extra?.args ?? []),
      )) as [number, unknown?];
    } catch (err) {
      // Nothing of the turn's end was written (as far as this process knows): the turn failed.
      this.forget(k.turnQueue, k.turnLeases, k.turnPending, token);
      throw err;
    }
    const [outcome, extraResult] = result;
    if (outcome === -1) throw new TurnSupersededError();
    if (outcome !== 0) throw new EtagConflictError(items[outcome - 1][1].storageKey);
    extra?.done(extraResult);
  }

  async close(): Promise<void> {
    this.sweep?.stop();
    this.waiters.clear();
  }

  /** Removes a token in the background, retrying for a while; the lease expiry is the backstop. */
  private forget(queueKey: string, leaseKey: string, pendingKey: string, token: string, attempt = 0): void {
    SCRIPTS.release.run(this.redis, 3, queueKey, leaseKey, pendingKey, token).catch(() => {
      if (attempt < 10) setTimeout(() => this.forget(queueKey, leaseKey, pendingKey, token, attempt + 1), 500 * (attempt + 1)).unref();
    });
  }

  private ensureSubscribed(): Promise<unknown> {
    if (!this.subscribed) {
      // Subscribe only once the connection is ready: a SUBSCRIBE that overtakes ioredis's own
      // ready check (INFO) puts the connection in subscriber mode and the check then fails.
      this.subscribed = whenReady(this.subscriber, 5000)
        .then(() => this.subscriber.subscribe(this.channel))
        .catch((err) => {
          this.subscribed = null; // try again on the next turn
          throw err;
        });
    }
    return this.subscribed;
  }

  /** Resolves, with what the acquire read (`reads`), once `token` owns the conversation. */
  private async waitForHead(conversationId: string, token: string, reads: string[], first?: Acquire): Promise<Map<string, string | null> | undefined> {
    const k = conversationKeys(this.prefix, conversationId);
    const deadline = Date.now() + this.waitTimeoutMs;
    let result = first;
    for (;;) {
      // Register for a wake-up before checking, so a release between check and wait is not missed
      // (the enqueue's own first check came before it: when it said "wait", check again at once).
      const woken = this.nextWake(conversationId);
      if (result === undefined || result === 0) {
        result = (await SCRIPTS.tryAcquire.run(
          this.redis, 3 + reads.length, k.turnQueue, k.turnLeases, k.turnPending, ...reads, token, randomUUID(), this.leaseMs, MAX_RECOVERIES,
        )) as Acquire;
      }
      const state = result;
      result = undefined;
      if (Array.isArray(state) && state[0] === 2) {
        // The turn ahead was orphaned: this process runs it now, and this turn waits behind it.
        woken.cancel();
        this.adopt(conversationId, state[1], state[2]);
        continue;
      }
      if (state === 1 || Array.isArray(state)) {
        woken.cancel();
        return Array.isArray(state) ? new Map(reads.map((key, i) => [key, (state[i + 1] as string | null) ?? null])) : undefined;
      }
      if (state === -1) {
        woken.cancel();
        throw new TurnCancelledError();
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        woken.cancel();
        throw new TurnWaitTimeoutError(this.waitTimeoutMs);
      }
      // Backstop poll: a crashed head sends no message; its lease running out is noticed here.
      await woken.wait(Math.min(remaining, Math.max(50, Math.floor(this.leaseMs / 5))));
    }
  }

  private nextWake(conversationId: string): { wait(ms: number): Promise<void>; cancel(): void } {
    let set = this.waiters.get(conversationId);
    if (!set) this.waiters.set(conversationId, (set = new Set()));
    const waiters = set;
    let resolveFn: () => void = () => undefined;
    let fired = false;
    const wake = (): void => {
      fired = true;
      resolveFn();
    };
    waiters.add(wake);
    const cleanup = (): void => {
      waiters.delete(wake);
      if (waiters.size === 0) this.waiters.delete(conversationId);
    };
    return {
      wait: (ms) =>
        new Promise<void>((resolve) => {
          if (fired) {
            cleanup();
            return resolve();
          }
          const timer = setTimeout(() => {
            cleanup();
            resolve();
          }, ms);
          resolveFn = () => {
            clearTimeout(timer);
            cleanup();
            resolve();
          };
        }),
      cancel: cleanup,
    };
  }
}
