/**
 * Counting is exact across processes: two real server processes (`tsx src/main.ts`) on one real
 * redis-server, sixteen residents at once, each conversation's turns alternating between the two
 * processes. Every counter of the day must come out exactly at what the scripts imply.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { RedisStatisticsStore } from '../../src/statistics/store/redisStore';
import { dayOf } from '../../src/statistics/facts';
import { TEST_SECRET } from '../channels/helpers';
import { freePort } from '../support/redisServer';
import { testRedis, testRedisUrl, uniquePrefix } from '../support/redisTest';

const ROOT = path.resolve(__dirname, '../..');
const RESIDENTS = 16;
const YOUTH = ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän', 'Kyllä, oli'];

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(prefix: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(port), REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix,
      DIRECT_LINE_SECRET: TEST_SECRET, CHAT_TOKEN_RATE_LIMIT: '10000', DIRECT_LINE_POST_RATE_LIMIT: '10000', CONTENT_WATCH: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Ready when the process logs that it listens (pino JSON on stdout).
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"event":"listening"')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-2000)}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function stop(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** One resident: the conversation starts on one process and each turn goes to the other one. */
async function resident(servers: [Server, Server], offset: number): Promise<void> {
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
  let servers: [Server, Server];
  beforeAll(async () => {
    servers = (await Promise.all([startServer(prefix), startServer(prefix)])) as [Server, Server];
  });
  afterAll(async () => {
    await Promise.all([stop(servers?.[0]), stop(servers?.[1])]);
    await redis.quit();
  });

  it(`${RESIDENTS} concurrent residents: every counter is exact`, async () => {
    await Promise.all(Array.from({ length: RESIDENTS }, (_, i) => resident(servers, i)));
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
