/**
 * Per-conversation FIFO shared by every server process on one Redis.
 *
 * Each turn appends a token to the conversation's list and holds a lease key while it waits or
 * runs. The head of the list owns the conversation. A head whose lease has expired (its process
 * died) is dropped by the next waiter, so a crash never blocks a conversation for longer than
 * the lease. Waiters wake on a pub/sub message when a turn ends, with a slow poll as a backstop.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { whenReady } from './redisClient';
import { TurnQueue, TurnWaitTimeoutError } from './turnQueue';

// KEYS: queue, own lease. ARGV: token, lease ms, queue ttl ms.
const ENQUEUE = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return 1
`;
// KEYS: queue. ARGV: token, lease key prefix. 1 when the token is at the head (dead heads dropped).
const TRY_ACQUIRE = `
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return 0 end
  if head == ARGV[1] then return 1 end
  if redis.call('EXISTS', ARGV[2] .. head) == 1 then return 0 end
  redis.call('LPOP', KEYS[1])
end
`;
// KEYS: queue, own lease. ARGV: token.
const RELEASE = `
redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('DEL', KEYS[2])
return 1
`;

export interface RedisTurnQueueOptions {
  prefix?: string;
  leaseMs?: number;
  waitTimeoutMs?: number;
}

export class RedisTurnQueue implements TurnQueue {
  private readonly prefix: string;
  private readonly leaseMs: number;
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
    this.leaseMs = options.leaseMs ?? 30000;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 15000;
    this.channel = `${this.prefix}turn-ended`;
    subscriber.on('message', (channel: string, conversationKey: string) => {
      if (channel === this.channel) this.waiters.get(conversationKey)?.forEach((wake) => wake());
    });
  }

  async run<T>(conversationId: string, task: () => Promise<T>, onQueued?: () => void): Promise<T> {
    const queueKey = `${this.prefix}turnq:${conversationId}`;
    const token = randomUUID();
    const leaseKey = `${this.prefix}turnl:${token}`;
    // Issued before any await: calls on one connection reach Redis in call order.
    const enqueued = this.redis.eval(ENQUEUE, 2, queueKey, leaseKey, token, this.leaseMs, this.leaseMs * 4);
    await Promise.all([enqueued, this.ensureSubscribed()]);
    onQueued?.();
    const heartbeat = setInterval(() => {
      this.redis.pexpire(leaseKey, this.leaseMs).catch(() => undefined);
    }, Math.floor(this.leaseMs / 3));
    try {
      await this.waitForHead(queueKey, token, conversationId);
      return await task();
    } finally {
      clearInterval(heartbeat);
      await this.redis.eval(RELEASE, 2, queueKey, leaseKey, token).catch(() => undefined);
      await this.redis.publish(this.channel, conversationId).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.waiters.clear();
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

  private async waitForHead(queueKey: string, token: string, conversationId: string): Promise<void> {
    const deadline = Date.now() + this.waitTimeoutMs;
    const leasePrefix = `${this.prefix}turnl:`;
    for (;;) {
      // Register for a wake-up before checking, so a release between check and wait is not missed.
      const woken = this.nextWake(conversationId);
      const isHead = (await this.redis.eval(TRY_ACQUIRE, 1, queueKey, token, leasePrefix)) === 1;
      if (isHead) {
        woken.cancel();
        return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        woken.cancel();
        throw new TurnWaitTimeoutError(this.waitTimeoutMs);
      }
      // Backstop poll: a crashed head sends no message; its lease expiry is noticed here.
      await woken.wait(Math.min(remaining, Math.max(50, Math.floor(this.leaseMs / 4))));
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
