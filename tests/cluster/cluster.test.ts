/**
 * The state layer on a real Redis Cluster of three masters, through the same client the service
 * builds from REDIS_CLUSTER_NODES: the storage and turn-queue behaviour suites, and conversations
 * spread over every master (each conversation's keys share its hash tag, so its scripts run on
 * one slot; different conversations land on different masters).
 */
import type Redis from 'ioredis';
import { loadConfig } from '../../src/config';
import { createRedisClient } from '../../src/state/redisClient';
import { RedisStateStorage } from '../../src/state/redisStorage';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { storageBehaviour } from '../state/storageBehaviour';
import { turnQueueBehaviour } from '../state/turnQueueBehaviour';
import { uniquePrefix } from '../support/redisTest';
import { startCluster, Topology } from './redisTopologies';

jest.setTimeout(60_000);
let cluster: Topology;
const clients: Redis[] = [];

function clusterClient(): Redis {
  const { config, problems } = loadConfig({ NODE_ENV: 'test', REDIS_CLUSTER_NODES: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',') });
  if (problems.length > 0 || config.redis?.kind !== 'cluster') throw new Error(`cluster config: ${problems.join('; ')}`);
  const client = createRedisClient(config.redis);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  cluster = await startCluster(3);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  await cluster?.stop();
});

// A batch write is one script, so the keys of one batch must share a slot: the service only
// batches the keys of one conversation, which share its hash tag. The suite's keys are plain
// names, so its batch runs under a tagged prefix; the distribution test below uses real layouts.
storageBehaviour('redis cluster', async () => new RedisStateStorage(clusterClient(), 3600, `${uniquePrefix('cluster-storage').replace(/:$/, '')}:{batch}:`));

// The turn queue's scripts touch the conversation's queue and its leases; they must share a slot.
turnQueueBehaviour('redis cluster, two processes', async (waitTimeoutMs) => {
  const prefix = `${uniquePrefix('cluster-turnq').replace(/:$/, '')}:{turnq}:`;
  const [a1, a2, b1, b2] = [clusterClient(), clusterClient(), clusterClient(), clusterClient()];
  return {
    a: new RedisTurnQueue(a1, a2, { prefix, waitTimeoutMs }),
    b: new RedisTurnQueue(b1, b2, { prefix, waitTimeoutMs }),
    close: async () => undefined,
  };
});

describe('conversations spread over the cluster', () => {
  it('stores the state of 60 conversations whose keys land on all three masters', async () => {
    const redis = clusterClient();
    const prefix = uniquePrefix('cluster-spread');
    const storage = new RedisStateStorage(redis, 3600, prefix);
    const ids = Array.from({ length: 60 }, (_, i) => `conv-${i}`);
    await Promise.all(ids.map(async (id) => {
      const key = `directline/conversations/${id}/`;
      const before = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...(before ?? {}), turns: ((before?.turns as number) ?? 0) + 1 } });
    }));
    const read = await Promise.all(ids.map((id) => storage.read([`directline/conversations/${id}/`])));
    expect(read.map((items) => Object.values(items)[0]?.turns)).toEqual(ids.map(() => 1));
    // Which master holds each conversation's state: every master must have some.
    const masters = (redis as unknown as { nodes(role: string): Redis[] }).nodes('master');
    expect(masters).toHaveLength(3);
    const perMaster = await Promise.all(masters.map(async (node) => (await node.keys(`${prefix}*`)).length));
    expect(perMaster.every((n) => n > 0)).toBe(true);
  });

  it('runs the turn scripts by digest on every master, and again after every master forgot them', async () => {
    const redis = clusterClient();
    const prefix = uniquePrefix('cluster-noscript');
    const queue = new RedisTurnQueue(redis, clusterClient(), { prefix });
    const storage = new RedisStateStorage(redis, 3600, prefix);
    const masters = (redis as unknown as { nodes(role: string): Redis[] }).nodes('master');
    const ids = Array.from({ length: 30 }, (_, i) => `noscript-${i}`);
    const turn = (id: string) => queue.run(id, async () => {
      const key = `directline/conversations/${id}/`;
      const before = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...(before ?? {}), turns: ((before?.turns as number) ?? 0) + 1 } });
    }, { prefetchState: 'directline' });
    await Promise.all(ids.map(turn));
    await Promise.all(masters.map((node) => node.script('FLUSH')));
    await Promise.all(ids.map(turn));
    const read = await Promise.all(ids.map((id) => storage.read([`directline/conversations/${id}/`])));
    expect(read.map((items) => Object.values(items)[0]?.turns)).toEqual(ids.map(() => 2));
    // Each master was sent the scripts by digest (EVALSHA), not only in full.
    const calls = await Promise.all(masters.map(async (node) => /cmdstat_evalsha:calls=(\d+)/.exec(await node.info('commandstats'))?.[1]));
    expect(calls.every((n) => Number(n) > 0)).toBe(true);
  });
});
