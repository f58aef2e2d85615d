/**
 * Direct Line on Redis Cluster: conversations live in different slots, so one XREAD cannot wait
 * on all of them. Two stores (two server processes) on a real 3-master Cluster: what one appends
 * to any of 12 conversations wakes the other's listeners, which then read it (clusterNotifier.ts).
 */
import type Redis from 'ioredis';
import { loadConfig } from '../../src/config';
import { RedisActivityStore } from '../../src/channels/directline/redisActivityStore';
import { createRedisClient } from '../../src/state/redisClient';
import { uniquePrefix } from '../support/redisTest';
import { startCluster, Topology } from './redisTopologies';

jest.setTimeout(60_000);
let cluster: Topology;
const clients: Redis[] = [];
const stores: RedisActivityStore[] = [];

function store(prefix: string): RedisActivityStore {
  const { config } = loadConfig({ NODE_ENV: 'test', REDIS_CLUSTER_NODES: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',') });
  const redis = createRedisClient(config.redis!);
  clients.push(redis);
  const s = new RedisActivityStore(redis, { url: config.redis!, prefix, ttlSeconds: 600 });
  stores.push(s);
  return s;
}

beforeAll(async () => {
  cluster = await startCluster(3);
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  await cluster?.stop();
});

it('wakes a listener in another process for appends to conversations in different slots', async () => {
  const prefix = uniquePrefix('cluster-dl');
  const [a, b] = [store(prefix), store(prefix)];
  const ids = Array.from({ length: 12 }, (_, i) => `dlconv${i}`);
  for (const id of ids) await a.create({ conversationId: id, userId: 'dl_u', createdAt: Date.now(), serviceUrl: 'http://x', started: true });
  const woken = new Map<string, () => void>();
  const wakes = ids.map((id) => new Promise<void>((resolve) => woken.set(id, resolve)));
  const unsubscribe = ids.map((id) => b.subscribe(id, null, () => woken.get(id)!()));
  // The first wake-up after subscribing is the reconnect sweep; wait for it, then re-arm.
  await Promise.all(wakes);
  const appended = ids.map((id) => new Promise<void>((resolve) => woken.set(id, resolve)));
  for (const id of ids) await a.append(id, { type: 'message', text: `hello ${id}` });
  await Promise.all(appended);
  for (const id of ids) expect((await b.read(id, null)).activities.map((x) => x.text)).toEqual([`hello ${id}`]);
  unsubscribe.forEach((fn) => fn());
});
