/**
 * Per-conversation FIFO shared by every server process on one Redis.
 *
 * Each turn appends a token to the conversation's list (`conv:{id}:turnq`) and holds a lease
 * (`conv:{id}:turnl`, token → lease end in Redis time) that it renews while it waits or runs.
 * The head of the list owns the conversation. A head whose lease has run out (its process died,
 * or its enqueue timed out on the client but still reached Redis: a "ghost") is dropped by the
 * next waiter. The lease (5 s) is much shorter than the turn wait (15 s), so a dead process
 * costs its conversations at most a few seconds, never the wait timeout. Waiters wake on a
 * pub/sub message when a turn ends, with a short poll as a backstop.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { conversationKeys, sharedKeys } from './keys';
import { whenReady } from './redisClient';
import { DEFAULT_LEASE_MS, runOptions, TurnCancelledError, TurnQueue, TurnRunOptions, TurnWaitTimeoutError } from './turnQueue';

/**
 * Lua that enqueues `token` (KEYS[q] queue, KEYS[l] leases; lease and TTL in ms). Shared with the
 * Direct Line store, which enqueues in the same script that numbers the activity.
 */
export function enqueueLua(q: string, l: string, token: string, leaseMs: string, ttlMs: string): string {
  return `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('RPUSH', ${q}, ${token})
redis.call('HSET', ${l}, ${token}, now + tonumber(${leaseMs}))
redis.call('PEXPIRE', ${q}, ${ttlMs})
redis.call('PEXPIRE', ${l}, ${ttlMs})
`;
}

// KEYS: queue, leases. ARGV: token, lease ms, ttl ms.
const ENQUEUE = `${enqueueLua('KEYS[1]', 'KEYS[2]', 'ARGV[1]', 'ARGV[2]', 'ARGV[3]')}
return 1`;

// KEYS: queue, leases. ARGV: token. 1 = head; 0 = wait; -1 = the token is not queued (deleted).
const TRY_ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return -1 end
  if head == ARGV[1] then return 1 end
  local lease_end = tonumber(redis.call('HGET', KEYS[2], head) or '0')
  if lease_end > now then
    if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return -1 end
    return 0
  end
  redis.call('LPOP', KEYS[1])
  redis.call('HDEL', KEYS[2], head)
end
`;

// KEYS: leases. ARGV: token, lease ms. Renews only a lease that still exists (never resurrects
// the key after "end and delete").
const RENEW = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
local t = redis.call('TIME')
redis.call('HSET', KEYS[1], ARGV[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[2]))
return 1
`;

// KEYS: queue, leases. ARGV: token.
const RELEASE = `
redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`;

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

  async reserve(conversationId: string, ticket: string): Promise<void> {
    const k = conversationKeys(this.prefix, conversationId);
    await this.redis.eval(ENQUEUE, 2, k.turnQueue, k.turnLeases, ticket, this.leaseMs, this.queueTtlMs);
  }

  async run<T>(conversationId: string, task: () => Promise<T>, options?: TurnRunOptions | (() => void)): Promise<T> {
    const { onQueued, ticket } = runOptions(options);
    const k = conversationKeys(this.prefix, conversationId);
    const token = ticket ?? randomUUID();
    try {
      // Issued before any await: calls on one connection reach Redis in call order.
      const enqueued = ticket ? Promise.resolve() : this.reserve(conversationId, token);
      await Promise.all([enqueued, this.ensureSubscribed()]);
    } catch (err) {
      // The enqueue may have reached Redis although the client gave up (a paused Redis): take
      // the entry back as soon as Redis answers again, so no ghost sits at the head.
      this.forget(k.turnQueue, k.turnLeases, token);
      throw err;
    }
    onQueued?.();
    const heartbeat = setInterval(() => {
      this.redis.eval(RENEW, 1, k.turnLeases, token, this.leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 4)));
    try {
      await this.waitForHead(k.turnQueue, k.turnLeases, token, conversationId);
      return await task();
    } finally {
      clearInterval(heartbeat);
      await this.redis.eval(RELEASE, 2, k.turnQueue, k.turnLeases, token).catch(() => this.forget(k.turnQueue, k.turnLeases, token));
      await this.redis.publish(this.channel, conversationId).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.waiters.clear();
  }

  /** Removes a token in the background, retrying for a while; the lease expiry is the backstop. */
  private forget(queueKey: string, leaseKey: string, token: string, attempt = 0): void {
    this.redis.eval(RELEASE, 2, queueKey, leaseKey, token).catch(() => {
      if (attempt < 10) setTimeout(() => this.forget(queueKey, leaseKey, token, attempt + 1), 500 * (attempt + 1)).unref();
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

  private async waitForHead(queueKey: string, leaseKey: string, token: string, conversationId: string): Promise<void> {
    const deadline = Date.now() + this.waitTimeoutMs;
    for (;;) {
      // Register for a wake-up before checking, so a release between check and wait is not missed.
      const woken = this.nextWake(conversationId);
      const state = (await this.redis.eval(TRY_ACQUIRE, 2, queueKey, leaseKey, token)) as number;
      if (state === 1) {
        woken.cancel();
        return;
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
