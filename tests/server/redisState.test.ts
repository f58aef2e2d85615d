/**
 * State in real Redis: concurrent turns of one conversation lose nothing, several server
 * processes share one conversation, and a restart continues where the conversation was.
 */
import request from 'supertest';
import { messageActivity } from '../support/activities';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { testRuntime } from '../support/runtime';

function redisEnv(prefix: string): Record<string, string> {
  return { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
}

async function turnsOf(runtime: ReturnType<typeof testRuntime>, conversationId: string): Promise<number> {
  const key = `test/conversations/${conversationId}/`; // ConversationState key (empty namespace)
  const items = await runtime.storage.read([key]);
  return items[key]?.meta?.turns ?? 0;
}

describe('conversation state in Redis', () => {
  it('20 messages sent at once to one conversation are all processed, and the counter ends at 20', async () => {
    const runtime = testRuntime(redisEnv(uniquePrefix('burst')));
    const sends = Array.from({ length: 20 }, (_, i) =>
      request(runtime.app).post('/api/messages').send(messageActivity('conv-burst', `viesti ${i}`)),
    );
    const responses = await Promise.all(sends);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    // Every turn got a real reply, none the apology.
    for (const r of responses) expect(r.body.activities[0].text).not.toMatch(/112/);
    expect(await turnsOf(runtime, 'conv-burst')).toBe(20);
    await runtime.close();
  });

  it('two server processes sharing one Redis serve one conversation without losing a turn', async () => {
    const prefix = uniquePrefix('two-procs');
    const a = testRuntime(redisEnv(prefix));
    const b = testRuntime(redisEnv(prefix));
    const sends = Array.from({ length: 20 }, (_, i) =>
      request(i % 2 === 0 ? a.app : b.app).post('/api/messages').send(messageActivity('conv-shared', `viesti ${i}`)),
    );
    const responses = await Promise.all(sends);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(await turnsOf(a, 'conv-shared')).toBe(20);
    await Promise.all([a.close(), b.close()]);
  });

  it('a restarted server continues the conversation where it was', async () => {
    const prefix = uniquePrefix('restart');
    const before = testRuntime(redisEnv(prefix));
    const first = await request(before.app).post('/api/messages').send(messageActivity('conv-restart', 'hei'));
    expect(first.body.activities[0].suggestedActions).toBeDefined();
    await before.close();

    const after = testRuntime(redisEnv(prefix));
    const second = await request(after.app).post('/api/messages').send(messageActivity('conv-restart', 'Perhe ja lapset'));
    // The answer to the pending question, not a new greeting.
    expect(second.body.activities[0].text).toBe('Valitsit: Perhe ja lapset');
    await after.close();
  });
});
