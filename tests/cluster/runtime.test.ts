/**
 * The whole service on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES): Direct Line
 * conversations whose every turn runs the folded scripts (the append that takes the turn and
 * reads its state, the end of the turn that writes state and replies and releases) on the
 * conversation's own slot, the recovery index and statistics on other slots, and /api/messages
 * turns; conversations land on every master, and the activity store's behaviour suite.
 */
import type Redis from 'ioredis';
import request from 'supertest';
import { loadDirectLineConfig } from '../../src/channels/directline';
import { RedisActivityStore } from '../../src/channels/directline/redisActivityStore';
import { createRuntime, Runtime } from '../../src/server/runtime';
import { createRedisClient, whenReady } from '../../src/state/redisClient';
import { activityStoreBehaviour } from '../channels/activityStoreBehaviour';
import { TEST_SECRET } from '../channels/helpers';
import { messageActivity } from '../support/activities';
import { uniquePrefix } from '../support/redisTest';
import { capturingLogger, testConfig } from '../support/runtime';
import { startCluster, Topology } from './redisTopologies';

jest.setTimeout(90_000);
let cluster: Topology;
let runtime: Runtime;
const clients: Redis[] = [];
const prefix = uniquePrefix('cluster-rt');
const nodes = (): string => cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',');

beforeAll(async () => {
  cluster = await startCluster(3);
  const { config: directLine } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET, CHAT_TOKEN_RATE_LIMIT: '1000' });
  runtime = createRuntime(testConfig({ REDIS_CLUSTER_NODES: nodes(), REDIS_KEY_PREFIX: prefix }), capturingLogger('warn').log, { directLine });
  await whenReady(runtime.redis!, 20_000); // the service answers 503 until its cluster client is ready
});

afterAll(async () => {
  await runtime?.close();
  await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  await cluster?.stop();
});

activityStoreBehaviour('redis cluster', async () => {
  const config = testConfig({ REDIS_CLUSTER_NODES: nodes() });
  const redis = createRedisClient(config.redis!);
  clients.push(redis);
  return { store: new RedisActivityStore(redis, { url: config.redis!, prefix: uniquePrefix('cluster-store'), ttlSeconds: 60 }) };
});

it('runs Direct Line turns of 12 conversations spread over the masters, replies and state in place', async () => {
  const conversations = await Promise.all(Array.from({ length: 12 }, async () => {
    const issued = await request(runtime.app).post('/api/chat/token').expect(200);
    const auth = { Authorization: `Bearer ${issued.body.token}` };
    await request(runtime.app).post('/v3/directline/conversations').set(auth).send({ locale: 'fi-FI' }).expect(201);
    for (const text of ['Mieli ja jaksaminen', 'Omastani']) {
      await request(runtime.app).post(`/v3/directline/conversations/${issued.body.conversationId}/activities`).set(auth).send({ type: 'message', text, locale: 'fi-FI' }).expect(200);
    }
    const page = await request(runtime.app).get(`/v3/directline/conversations/${issued.body.conversationId}/activities`).set(auth).expect(200);
    return page.body.activities as { text?: string; from: { role: string } }[];
  }));
  for (const activities of conversations) {
    // The second answer moved the dialog on: the state of the first was written with its turn.
    expect(activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '').join('\n')).toMatch(/ikä/i);
  }
  const masters = (runtime.redis as unknown as { nodes(role: string): Redis[] }).nodes('master');
  const perMaster = await Promise.all(masters.map(async (node) => (await node.keys(`${prefix}conv:*`)).length));
  expect(perMaster.every((n) => n > 0)).toBe(true);
});

it('runs /api/messages turns with their state on the cluster', async () => {
  await request(runtime.app).post('/api/messages').send(messageActivity('cluster-api', 'hei')).expect(200);
  const res = await request(runtime.app).post('/api/messages').send(messageActivity('cluster-api', 'Mieli ja jaksaminen')).expect(200);
  expect(res.body.activities.map((a: { text?: string }) => a.text ?? '').join('\n')).toMatch(/Kenen/);
});
