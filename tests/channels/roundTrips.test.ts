/**
 * Redis round trips per turn (issue #14: at most 3, lock included), counted with MONITOR on the
 * real redis-server: every command a client sends under this test's key prefix, a MULTI…EXEC
 * block once, commands inside scripts not at all (as bench/load/redisStats.ts counts them).
 * /api/messages: enqueue + acquire + state read, then state write + release + wake-up (2).
 * Direct Line: the sweep index's ZADD (pipelined), append + enqueue + acquire + read, then state
 * write + replies + release + wake-ups (3). The start of a conversation: record read + started +
 * the greeting's queue place + state read, then the greeting turn's end (2, after the token's 1);
 * the WebSocket after it: the claim with the first read (1).
 */
import type Redis from 'ioredis';
import request from 'supertest';
import { messageActivity } from '../support/activities';
import { testRedis, testRedisUrl, uniquePrefix } from '../support/redisTest';
import { testRuntime } from '../support/runtime';
import WebSocket from 'ws';
import { dlRuntime, listen, startConversation } from './helpers';

jest.setTimeout(30_000);

/**
 * Commands (by name) that name `prefix` in an argument, sent by clients while `work` runs; those
 * run inside scripts go to `inScripts` when given.
 */
async function commandsUnder(redis: Redis, prefix: string, work: () => Promise<void>, inScripts?: string[]): Promise<string[]> {
  const monitor = await redis.monitor();
  const seen: string[] = [];
  const inMulti = new Set<string>();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const cmd = String(args[0]).toLowerCase();
    if (source === 'lua') return void (args.slice(1).some((a) => String(a).includes(prefix)) && inScripts?.push(cmd));
    if (inMulti.has(source)) {
      if (cmd === 'exec' || cmd === 'discard') inMulti.delete(source);
      return;
    }
    if (cmd === 'multi') return void inMulti.add(source);
    if (cmd !== 'echo' && args.slice(1).some((a) => String(a).includes(prefix))) seen.push(cmd);
  });
  await work();
  const marker = `marker-${prefix}`;
  const done = new Promise<void>((resolve) => monitor.on('monitor', (_t: string, args: string[]) => args[1] === marker && resolve()));
  await redis.echo(marker);
  await done;
  monitor.disconnect();
  return seen;
}

let redis: Redis;
beforeAll(() => {
  redis = testRedis();
});
afterAll(() => redis.quit());

it('/api/messages: 2 round trips per turn, the lock included', async () => {
  const prefix = uniquePrefix('trips-api');
  const rt = testRuntime({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
  try {
    await request(rt.app).post('/api/messages').send(messageActivity('trips-api', 'hei')).expect(200);
    const texts = ['Mieli ja jaksaminen', 'Omastani', '18–29'];
    const seen = await commandsUnder(redis, prefix, async () => {
      for (const text of texts) await request(rt.app).post('/api/messages').send(messageActivity('trips-api', text)).expect(200);
    });
    // Scripts go by digest (EVALSHA); the warm-up turn had Redis cache them.
    expect(seen).toEqual(texts.flatMap(() => ['evalsha', 'evalsha']));
  } finally {
    await rt.close();
  }
});

it('Direct Line: 2 round trips per posted turn, the lock, the replies and the recovery index included', async () => {
  const rt = dlRuntime({ redis: true });
  try {
    const resident = await startConversation(rt.app);
    const post = (text: string) => request(rt.app).post(`/v3/directline/conversations/${resident.conversationId}/activities`)
      .set('Authorization', `Bearer ${resident.token}`).send({ type: 'message', text, locale: 'fi-FI' }).expect(200);
    await post('hei');
    const texts = ['Mieli ja jaksaminen', 'Omastani', '18–29'];
    const seen = await commandsUnder(redis, rt.prefix, async () => {
      for (const text of texts) await post(text);
    });
    // The post's script also puts the conversation in the recovery sweep's index (one Redis, not a Cluster).
    expect(seen).toEqual(texts.flatMap(() => ['evalsha', 'evalsha']));
    // The replies are there (appended by the script that ended each turn).
    const page = await request(rt.app).get(`/v3/directline/conversations/${resident.conversationId}/activities`).set('Authorization', `Bearer ${resident.token}`).expect(200);
    const replies = page.body.activities.filter((a: { from: { role: string }; replyToId?: string }) => a.from.role === 'bot' && a.replyToId);
    expect(replies.length).toBeGreaterThanOrEqual(4);
  } finally {
    await rt.close();
  }
});

it('Direct Line: a token and the start of its conversation (POST conversations with the greeting turn) are 3 round trips', async () => {
  const rt = dlRuntime({ redis: true });
  try {
    await startConversation(rt.app); // Redis caches the scripts
    let issued!: request.Response;
    const seen = await commandsUnder(redis, rt.prefix, async () => {
      issued = await request(rt.app).post('/api/chat/token').expect(200);
      await request(rt.app).post('/v3/directline/conversations').set('Authorization', `Bearer ${issued.body.token}`).send({}).expect(201);
    });
    // The token's record (one script, not MULTI…EXEC); record read + started + the greeting's
    // queue place + its state read; then state write + greeting + release.
    expect(seen).toEqual(['evalsha', 'evalsha', 'evalsha']);
    const page = await request(rt.app).get(`/v3/directline/conversations/${issued.body.conversationId}/activities`).set('Authorization', `Bearer ${issued.body.token}`).expect(200);
    expect(page.body.activities.filter((a: { from: { role: string } }) => a.from.role === 'bot').length).toBeGreaterThanOrEqual(1);
  } finally {
    await rt.close();
  }
});

it('Direct Line: the WebSocket opened after the start is 1 round trip, and the greeting is not read back', async () => {
  const rt = dlRuntime({ redis: true });
  const server = await listen(rt);
  try {
    const firstFrame = async (streamUrl: string): Promise<unknown> => {
      const ws = new WebSocket(streamUrl.replace(/^ws:\/\/[^/]+/, server.wsUrl));
      const frame = await new Promise((resolve) => ws.on('message', (data) => data.toString() && resolve(JSON.parse(data.toString()))));
      ws.close();
      return frame;
    };
    await firstFrame((await startConversation(rt.app)).streamUrl); // Redis caches the scripts
    const issued = await request(rt.app).post('/api/chat/token').expect(200);
    const started = await request(rt.app).post('/v3/directline/conversations').set('Authorization', `Bearer ${issued.body.token}`).send({}).expect(201);
    const inScripts: string[] = [];
    let first: unknown;
    const seen = await commandsUnder(redis, rt.prefix, async () => {
      first = await firstFrame(started.body.streamUrl);
    }, inScripts);
    // The stream token's claim (the record's existence with it); the greeting came from the start's own append.
    expect(seen).toEqual(['evalsha']);
    expect(inScripts).not.toContain('lrange');
    const page = await request(rt.app).get(`/v3/directline/conversations/${issued.body.conversationId}/activities`).set('Authorization', `Bearer ${issued.body.token}`).expect(200);
    expect(first).toEqual(page.body);
  } finally {
    await server.close();
    await rt.close();
  }
});
