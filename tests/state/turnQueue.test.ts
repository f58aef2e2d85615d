import Redis from 'ioredis';
import { conversationKeys } from '../../src/state/keys';
import { MemoryTurnQueue } from '../../src/state/memoryTurnQueue';
import { TurnCancelledError } from '../../src/state/turnQueue';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { testRedis, uniquePrefix } from '../support/redisTest';
import { turnQueueBehaviour } from './turnQueueBehaviour';

turnQueueBehaviour('memory', async (waitTimeoutMs) => {
  const queue = new MemoryTurnQueue(waitTimeoutMs);
  return { a: queue, b: queue, close: () => queue.close() };
});

// Two queue instances with their own connections stand for two server processes.
turnQueueBehaviour('redis, two processes', async (waitTimeoutMs) => {
  const prefix = uniquePrefix('turnq');
  const connections: Redis[] = [testRedis(), testRedis(), testRedis(), testRedis()];
  const a = new RedisTurnQueue(connections[0], connections[1], { prefix, waitTimeoutMs });
  const b = new RedisTurnQueue(connections[2], connections[3], { prefix, waitTimeoutMs });
  return {
    a,
    b,
    close: async () => {
      await Promise.all(connections.map((c) => c.quit()));
    },
  };
});

describe('RedisTurnQueue crash recovery', () => {
  let redis: Redis;
  let sub: Redis;
  beforeEach(() => {
    redis = testRedis();
    sub = testRedis();
  });
  afterEach(async () => {
    await Promise.all([redis.quit(), sub.quit()]);
  });

  it('drops a head whose process died (no lease) so the conversation moves on', async () => {
    const prefix = uniquePrefix('turnq-crash');
    const k = conversationKeys(prefix, 'conv');
    await redis.rpush(k.turnQueue, 'dead-token');
    const queue = new RedisTurnQueue(redis, sub, { prefix, leaseMs: 300, waitTimeoutMs: 5000 });
    expect(await queue.run('conv', async () => 'ran')).toBe('ran');
    expect(await redis.exists(k.turnQueue, k.turnLeases)).toBe(0);
  });

  it('a ghost entry (enqueued, then its process never came back) holds the next turn for one lease at most', async () => {
    const prefix = uniquePrefix('turnq-ghost');
    const ghostQueue = new RedisTurnQueue(redis, sub, { prefix, leaseMs: 400, waitTimeoutMs: 5000 });
    // What a timed-out enqueue leaves behind when it reached Redis anyway: a place, no turn.
    await ghostQueue.reserve('conv', 'ghost');
    const started = Date.now();
    expect(await ghostQueue.run('conv', async () => 'ran')).toBe('ran');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(1500);
  });

  it('a live head keeps its lease while it runs longer than the lease', async () => {
    const prefix = uniquePrefix('turnq-renew');
    const queue = new RedisTurnQueue(redis, sub, { prefix, leaseMs: 300, waitTimeoutMs: 5000 });
    let running = 0;
    let overlap = false;
    const slow = async (): Promise<void> => {
      running++;
      if (running > 1) overlap = true;
      await new Promise((r) => setTimeout(r, 900));
      running--;
    };
    await Promise.all([queue.run('conv', slow), queue.run('conv', slow)]);
    expect(overlap).toBe(false);
  });

  it('a turn waiting when its conversation is erased is cancelled, and its lease is not resurrected', async () => {
    const prefix = uniquePrefix('turnq-erase');
    const k = conversationKeys(prefix, 'conv');
    const queue = new RedisTurnQueue(redis, sub, { prefix, leaseMs: 1000, waitTimeoutMs: 5000 });
    let release!: () => void;
    const head = queue.run('conv', () => new Promise<void>((r) => (release = r)));
    const queued = new Promise<void>((resolve) => {
      void queue.run('conv', async () => 'never', resolve).catch((err) => (waiting = err));
    });
    let waiting: unknown = null;
    await queued;
    await redis.del(k.turnQueue, k.turnLeases); // what "end and delete" does
    await new Promise((r) => setTimeout(r, 600));
    expect(waiting).toBeInstanceOf(TurnCancelledError);
    release();
    await head;
    expect(await redis.exists(k.turnQueue, k.turnLeases)).toBe(0);
  });
});
