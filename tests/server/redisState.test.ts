/**
 * State in real Redis: concurrent turns of one conversation lose nothing, several server
 * processes share one conversation, and a restart continues where the conversation was.
 */
import request from 'supertest';
import { SERVICE_UNAVAILABLE } from '../../src/bot/serviceUnavailable';
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
    for (const r of responses) expect(JSON.stringify(r.body.activities)).not.toContain(SERVICE_UNAVAILABLE.fi.slice(0, 40));
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

  it('a restarted server continues the conversation where it was (state round-trip through Redis)', async () => {
    const prefix = uniquePrefix('restart');
    const before = testRuntime(redisEnv(prefix));
    const menu = await request(before.app).post('/api/messages').send(messageActivity('conv-restart', 'hei'));
    const firstChoice = offered(menu.body.activities)[0];
    const question = await request(before.app).post('/api/messages').send(messageActivity('conv-restart', firstChoice));
    const answer = offered(question.body.activities)[0];
    expect(answer).toBeDefined();
    await before.close();

    const after = testRuntime(redisEnv(prefix));
    const next = await request(after.app).post('/api/messages').send(messageActivity('conv-restart', answer));
    // The answer to the pending question moves on: not the menu again, not "I did not understand".
    const nextTexts = next.body.activities.map((a: { text?: string }) => a.text ?? '').join(' ');
    expect(offered(next.body.activities)).not.toEqual(offered(menu.body.activities));
    expect(nextTexts.length).toBeGreaterThan(0);
    const state = (await after.storage.read(['test/conversations/conv-restart/']))['test/conversations/conv-restart/'];
    expect(state.meta.v).toBe(3);
    expect(state.meta.turns).toBe(3);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state); // plain JSON
    await after.close();
  });
});

function offered(activities: { suggestedActions?: { actions: { title: string }[] } }[]): string[] {
  return activities.flatMap((a) => a.suggestedActions?.actions.map((x) => x.title) ?? []);
}
