/**
 * The state layer behind Redis Sentinel, through the client the service builds from
 * REDIS_SENTINELS: the storage and turn-queue behaviour suites, and a failover — the sentinel
 * promotes the replica and the same client carries on against the new primary by itself.
 */
import type Redis from 'ioredis';
import { loadConfig } from '../../src/config';
import { createRedisClient } from '../../src/state/redisClient';
import { RedisStateStorage } from '../../src/state/redisStorage';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { storageBehaviour } from '../state/storageBehaviour';
import { turnQueueBehaviour } from '../state/turnQueueBehaviour';
import { uniquePrefix } from '../support/redisTest';
import { SentinelTopology, startSentinel } from './redisTopologies';

jest.setTimeout(60_000);
let sentinel: SentinelTopology;
const clients: Redis[] = [];

function sentinelClient(): Redis {
  const { config, problems } = loadConfig({
    NODE_ENV: 'test',
    REDIS_SENTINELS: sentinel.nodes.map((n) => `${n.host}:${n.port}`).join(','),
    REDIS_SENTINEL_MASTER: sentinel.masterName,
  });
  if (problems.length > 0 || config.redis?.kind !== 'sentinel') throw new Error(`sentinel config: ${problems.join('; ')}`);
  const client = createRedisClient(config.redis);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  sentinel = await startSentinel();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  await sentinel?.stop();
});

storageBehaviour('redis sentinel', async () => new RedisStateStorage(sentinelClient(), 3600, uniquePrefix('sentinel-storage')));

turnQueueBehaviour('redis sentinel, two processes', async (waitTimeoutMs) => {
  const prefix = uniquePrefix('sentinel-turnq');
  const [a1, a2, b1, b2] = [sentinelClient(), sentinelClient(), sentinelClient(), sentinelClient()];
  return {
    a: new RedisTurnQueue(a1, a2, { prefix, waitTimeoutMs }),
    b: new RedisTurnQueue(b1, b2, { prefix, waitTimeoutMs }),
    close: async () => undefined,
  };
});

describe('failover', () => {
  it('keeps serving after the sentinel promotes the replica: state written before is read after', async () => {
    const redis = sentinelClient();
    const prefix = uniquePrefix('sentinel-failover');
    const storage = new RedisStateStorage(redis, 3600, prefix);
    const queue = new RedisTurnQueue(redis, sentinelClient(), { prefix, waitTimeoutMs: 10_000 });
    await queue.run('c', () => storage.write({ 'directline/conversations/c/': { turns: 1 } }));
    // Replication is asynchronous: make sure the replica has the write before promoting it.
    await redis.call('WAIT', 1, 2000);
    await sentinel.failover();
    const deadline = Date.now() + 15_000;
    let turns: unknown;
    for (;;) {
      try {
        await queue.run('c', async () => {
          const item = (await storage.read(['directline/conversations/c/']))['directline/conversations/c/'];
          await storage.write({ 'directline/conversations/c/': { ...item, turns: (item.turns as number) + 1 } });
        });
        turns = (await storage.read(['directline/conversations/c/']))['directline/conversations/c/'].turns;
        break;
      } catch (err) {
        // Until the client has moved to the new primary, commands fail fast (READONLY, closed).
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(turns).toBe(2);
  });
});
