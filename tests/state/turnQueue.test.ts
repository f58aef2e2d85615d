import Redis from 'ioredis';
import { MemoryTurnQueue } from '../../src/state/memoryTurnQueue';
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
  it('drops a head whose process died (lease expired) so the conversation moves on', async () => {
    const prefix = uniquePrefix('turnq-crash');
    const redis = testRedis();
    const sub = testRedis();
    // A "crashed process" left its token at the head with a lease that is already gone.
    await redis.rpush(`${prefix}turnq:conv`, 'dead-token');
    const queue = new RedisTurnQueue(redis, sub, { prefix, leaseMs: 300, waitTimeoutMs: 5000 });
    expect(await queue.run('conv', async () => 'ran')).toBe('ran');
    expect(await redis.llen(`${prefix}turnq:conv`)).toBe(0);
    await Promise.all([redis.quit(), sub.quit()]);
  });
});
