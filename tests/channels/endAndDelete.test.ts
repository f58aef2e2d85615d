/**
 * "End and delete" leaves nothing: after it, a scan of every key and every value in Redis (and a
 * dump of every memory store) finds neither the conversation id, nor the resident's words, nor the
 * call-back contact. The audit stream keeps who handled which conversation, by a one-way
 * reference (src/handoff/audit.ts), never the id.
 */
import type Redis from 'ioredis';
import request from 'supertest';
import type { Runtime } from '../../src/server/runtime';
import { MemoryStateStorage } from '../../src/state/memoryStorage';
import { MemoryActivityStore } from '../../src/channels/directline/memoryActivityStore';
import { MemoryHandoffStore } from '../../src/handoff/store/memoryStore';
import { decodeEntry } from '../../src/channels/directline/storedActivity';
import { dlRuntime, startConversation } from './helpers';

const WORDS = 'minulla on SALAISTA-ahdistusta';
const CONTACT = '040 123 4567';
const SUMMARY = { topic: 'mental-health', route: { service: 'demo-mental-substance', dialog: 'mental-health' }, answers: [{ question: 'Kenen asiasta on kyse?', answer: 'omasta' }] };
const OPEN = new Date('2026-12-02T09:00:00Z'); // a Wednesday, 11:00 in Helsinki: the queue is open

/** Every key under the prefix with its whole value, whatever its type. */
async function dumpRedis(redis: Redis, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      // Direct Line activities are kept deflated (storedActivity.ts): read them as the channel does.
      else if (type === 'list') value = (await redis.lrangeBuffer(key, 0, -1)).flatMap((b) => decodeEntry(b, { conversationId: '', userId: '', serviceUrl: '' }, 0, String));
      else if (type === 'zset') value = await redis.zrange(key, 0, -1, 'WITHSCORES');
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      out.push(`${key} ${JSON.stringify(value)}`);
    }
  } while (cursor !== '0');
  return out;
}

function dumpMemory(rt: Runtime): string[] {
  const storage = rt.storage as MemoryStateStorage;
  const store = rt.directLine.channel.store as MemoryActivityStore;
  const handoff = rt.handoff.store as MemoryHandoffStore;
  return [JSON.stringify(storage.dump()), ...store.dump(), handoff.dump()];
}

async function fillConversation(rt: Runtime): Promise<{ id: string; token: string }> {
  const resident = await startConversation(rt.app);
  const post = (body: object) =>
    request(rt.app).post(`/v3/directline/conversations/${resident.conversationId}/activities`).set('Authorization', `Bearer ${resident.token}`).send(body).expect(200);
  await post({ type: 'message', text: 'hei', locale: 'fi-FI' });
  await post({ type: 'message', text: WORDS, locale: 'fi-FI' });
  await rt.handoff.service.setPresence('someone', 'online', ['demo-mental-health-counselling']);
  await rt.handoff.service.request({ conversationId: resident.conversationId, queueId: 'demo-mental-health-counselling', lang: 'fi', summary: SUMMARY, transcript: [WORDS], now: OPEN });
  await rt.handoff.service.residentMessage(resident.conversationId, WORDS);
  await rt.handoff.service.leaveContactRequest({ conversationId: resident.conversationId, queueId: 'demo-mental-health-counselling', lang: 'fi', contact: CONTACT, summary: SUMMARY, now: OPEN });
  return { id: resident.conversationId, token: resident.token };
}

describe.each([
  ['Redis', true],
  ['memory', false],
])('"end and delete" leaves nothing (%s)', (_name, redis) => {
  let rt: ReturnType<typeof dlRuntime>;
  beforeAll(() => {
    rt = dlRuntime({ redis, env: {} });
  });
  afterAll(() => rt.close());

  const everything = async (): Promise<string> => (redis ? (await dumpRedis(rt.redis!, rt.prefix)).join('\n') : dumpMemory(rt).join('\n'));

  it('finds no id, no words and no contact anywhere after the delete', async () => {
    const other = await fillConversation(rt);
    const mine = await fillConversation(rt);
    const before = await everything();
    // The check can fail: before the delete, all three are there.
    expect(before).toContain(mine.id);
    expect(before).toContain('SALAISTA');
    expect(before).toContain(CONTACT);

    await request(rt.app).delete('/api/chat/conversation').set('Authorization', `Bearer ${mine.token}`).expect(200);
    const after = await everything();
    expect(after).not.toContain(mine.id);
    expect(after).not.toContain(CONTACT.replace(/ /g, '')); // not even reformatted
    // Another resident's conversation is untouched.
    expect(after).toContain(other.id);
    expect((await rt.handoff.service.contactRequests('demo-mental-health-counselling')).map((c) => c.conversationId)).toEqual([other.id]);
  });

  it('a spent token gets 404 without touching anything, and wildcard ids are refused', async () => {
    const mine = await fillConversation(rt);
    await request(rt.app).delete('/api/chat/conversation').set('Authorization', `Bearer ${mine.token}`).expect(200);
    const snapshot = await everything();
    await request(rt.app).delete('/api/chat/conversation').set('Authorization', `Bearer ${mine.token}`).expect(404);
    expect(await everything()).toBe(snapshot);
    for (const pattern of ['*', '?', '[a-z]*', `${mine.id.slice(0, 4)}*`]) {
      const res = await request(rt.app)
        .delete(`/api/chat/conversation?conversationId=${encodeURIComponent(pattern)}`)
        .set('Authorization', 'Bearer test-secret-0123456789abcdefghijklmnopqrstuvwxyz');
      expect(res.status).toBe(400);
    }
  });
});

describe('a turn in progress cannot write its state back after "end and delete"', () => {
  it('the delete waits for the turn, then erases what it wrote', async () => {
    const { ConversationState, TurnContext } = await import('botbuilder');
    const { RedisStateStorage } = await import('../../src/state/redisStorage');
    const { RedisTurnQueue } = await import('../../src/state/redisTurnQueue');
    const { RedisActivityStore } = await import('../../src/channels/directline/redisActivityStore');
    const { eraseConversation } = await import('../../src/state/conversationEraser');
    const { DirectLineChannel } = await import('../../src/channels/directline/channel');
    const { loadDirectLineConfig } = await import('../../src/channels/directline/config');
    const { createTurnPipeline } = await import('../../src/bot/turnPipeline');
    const { testRedis, testRedisUrl, uniquePrefix } = await import('../support/redisTest');
    const { capturingLogger } = await import('../support/runtime');
    const prefix = uniquePrefix('writeback');
    const [redis, sub] = [testRedis(), testRedis()];
    const storage = new RedisStateStorage(redis, 3600, prefix);
    const queue = new RedisTurnQueue(redis, sub, { prefix });
    const store = new RedisActivityStore(redis, { url: testRedisUrl(), prefix, ttlSeconds: 3600 });
    const state = new ConversationState(storage);
    const note = state.createProperty<string>('note');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let turns = 0;
    const logic = async (context: InstanceType<typeof TurnContext>): Promise<void> => {
      turns++;
      await note.set(context, String(context.activity.text));
      await gate; // the turn is in progress when the delete arrives
      await state.saveChanges(context);
    };
    const { log } = capturingLogger();
    const channel = new DirectLineChannel({
      config: loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: 'x'.repeat(40) }).config,
      store, queue, log,
      turnLogic: createTurnPipeline(queue, logic, log),
      erase: (id) => eraseConversation(redis, prefix, id, 'directline'),
    });
    const { conversationId } = await channel.createConversation('http://localhost/v3/directline');
    const record = (await channel.requireConversation(conversationId))!;
    const first = channel.postFromClient(record, { type: 'message', text: 'SALAISTA' });
    await new Promise((r) => setTimeout(r, 100));
    const deleting = channel.deleteConversation(conversationId);
    await new Promise((r) => setTimeout(r, 100));
    open();
    await Promise.all([first, deleting]);
    expect(turns).toBe(1);
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
    await store.close();
    await Promise.all([redis.quit(), sub.quit()]);
  });
});
