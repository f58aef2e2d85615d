/**
 * Redis paused for 3 s (SIGSTOP, then SIGCONT): messages sent during the pause may get the
 * apology, but within 5 s of Redis answering again every conversation answers normally. This
 * used to take 31 s: an enqueue that timed out on the client still reached Redis and left a ghost
 * queue entry with a 29.5 s lease.
 */
import { startRedisServer, RedisServerHandle } from '../support/redisServer';
import { uniquePrefix } from '../support/redisTest';
import { APOLOGY, say, ServerProcess, startServer } from './support';

jest.setTimeout(90_000);

let redis: RedisServerHandle;
let server: ServerProcess;
beforeAll(async () => {
  redis = await startRedisServer();
  server = await startServer({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('pause') });
});
afterAll(async () => {
  process.kill(redis.pid, 'SIGCONT');
  await server?.stop();
  await redis?.stop();
});

it('after a 3 s pause every conversation answers normally within 5 s', async () => {
  const conversations = Array.from({ length: 10 }, (_, i) => `pause-${i}`);
  for (const id of conversations) expect((await say(server.url, id, 'hei')).text).not.toMatch(APOLOGY);

  process.kill(redis.pid, 'SIGSTOP');
  // Messages during the pause: each gets an answer (the apology is fine), none hangs.
  const during = await Promise.all(conversations.map((id) => say(server.url, id, 'mielenterveys')));
  await new Promise((r) => setTimeout(r, Math.max(0, 3000 - Math.max(...during.map((d) => d.ms)))));
  process.kill(redis.pid, 'SIGCONT');
  const resumed = Date.now();
  for (const d of during) expect(d.status).toBe(200);

  const after = await Promise.all(conversations.map(async (id) => {
    // Each conversation tries until it gets a normal answer; the time from SIGCONT is what counts.
    for (;;) {
      const reply = await say(server.url, id, 'hei');
      if (!APOLOGY.test(reply.text) && reply.status === 200) return Date.now() - resumed;
      if (Date.now() - resumed > 20_000) return Infinity;
    }
  }));
  if (process.env.FAULT_TIMES) console.log('ms from SIGCONT to a normal answer:', after.join(' '));
  expect(Math.max(...after)).toBeLessThan(5000);
});
