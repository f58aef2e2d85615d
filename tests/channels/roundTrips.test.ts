/**
 * Redis round trips per turn (issue #14: at most 3, lock included), counted with MONITOR on the
 * real redis-server: every command a client sends under this test's key prefix, a MULTI…EXEC
 * block once, commands inside scripts not at all (as bench/load/redisStats.ts counts them).
 * /api/messages: enqueue + acquire + state read, then state write + release + wake-up (2).
 * Direct Line: the sweep index's ZADD (pipelined), append + enqueue + acquire + read, then state
 * write + replies + release + wake-ups (3).
 */
import type Redis from 'ioredis';
import request from 'supertest';
import { messageActivity } from '../support/activities';
import { testRedis, testRedisUrl, uniquePrefix } from '../support/redisTest';
import { testRuntime } from '../support/runtime';
import { dlRuntime, startConversation } from './helpers';

jest.setTimeout(30_000);

/** Commands (by name) that name `prefix` in an argument, sent by clients while `work` runs. */
async function commandsUnder(redis: Redis, prefix: string, work: () => Promise<void>): Promise<string[]> {
  const monitor = await redis.monitor();
  const seen: string[] = [];
  const inMulti = new Set<string>();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const cmd = String(args[0]).toLowerCase();
    if (source === 'lua') return;
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
