/**
 * Counting is exact across processes: two real server processes (`tsx src/main.ts`) on one real
 * redis-server, sixteen residents at once, each conversation's turns alternating between the two
 * processes. Every counter of the day must come out exactly at what the scripts imply. Each
 * process batches its counters for up to a second; stopping it (SIGTERM) writes the batch.
 */
import request from 'supertest';
import { RedisStatisticsStore } from '../../src/statistics/store/redisStore';
import { dayOf } from '../../src/statistics/facts';
import { TEST_SECRET } from '../channels/helpers';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { testRedis, testRedisUrl, uniquePrefix } from '../support/redisTest';

const RESIDENTS = 16;
const YOUTH = ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän', 'Kyllä, oli'];

function startOpastin(prefix: string): Promise<ServerProcess> {
  return startServer({
    NODE_ENV: 'test', LOG_LEVEL: 'info', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix,
    DIRECT_LINE_SECRET: TEST_SECRET, CHAT_TOKEN_RATE_LIMIT: '10000', DIRECT_LINE_POST_RATE_LIMIT: '10000',
  }, 120_000);
}

/** One resident: the conversation starts on one process and each turn goes to the other one. */
async function resident(servers: [ServerProcess, ServerProcess], offset: number): Promise<void> {
  const first = servers[offset % 2].url;
  const issued = await request(first).post('/api/chat/token').expect(200);
  const auth = { Authorization: `Bearer ${issued.body.token}` };
  await request(first).post('/v3/directline/conversations').set(auth).expect(201);
  const turns = [{ type: 'event', name: 'webchat/join', value: {} }, ...YOUTH.map((text) => ({ type: 'message', text }))];
  for (let i = 0; i < turns.length; i++) {
    const url = servers[(offset + i) % 2].url;
    await request(url).post(`/v3/directline/conversations/${issued.body.conversationId}/activities`).set(auth)
      .send({ from: { id: issued.body.userId }, locale: 'fi-FI', ...turns[i] }).expect(200);
  }
}

describe('two server processes, one redis-server', () => {
  jest.setTimeout(120000);
  const prefix = uniquePrefix('stats-2p');
  const redis = testRedis();
  let servers: [ServerProcess, ServerProcess];
  beforeAll(async () => {
    servers = (await Promise.all([startOpastin(prefix), startOpastin(prefix)])) as [ServerProcess, ServerProcess];
  });
  afterAll(async () => {
    await Promise.all([servers?.[0].stop(), servers?.[1].stop()]);
    await redis.quit();
  });

  it(`${RESIDENTS} concurrent residents: every counter is exact`, async () => {
    await Promise.all(Array.from({ length: RESIDENTS }, (_, i) => resident(servers, i)));
    await Promise.all(servers.map((s) => s.stop()));
    const store = new RedisStatisticsStore(redis, prefix, 400);
    const today = dayOf(new Date(), 'Europe/Helsinki');
    const counts = Object.fromEntries((await store.read([today])).get(today)!);
    const n = RESIDENTS;
    expect(counts).toEqual({
      'started|demo|fi|directline': n,
      'reached|demo|main|menu': n,
      'moved|demo|main|menu': n,
      'reached|demo|mental-health|who': n,
      'moved|demo|mental-health|who': n,
      'reached|demo|mental-health|self-age': n,
      'moved|demo|mental-health|self-age': n,
      'reached|demo|mental-health|young-how': n,
      'moved|demo|mental-health|young-how': n,
      'route|demo|fi|mental-health|demo-youth-mental-substance|mental-health': n,
      'feedback|demo|route|mental-health|yes': n,
    });
  });
});
