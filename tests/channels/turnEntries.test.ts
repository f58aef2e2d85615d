/**
 * A Direct Line turn kept as one list entry (redisActivityStore.ts, storedActivity.ts): the post
 * and its replies share an entry once the turn ends, and every read by watermark still gives each
 * activity once, in order, with its own number — also when something came between the post and
 * the end of its turn, and when the oldest turns are trimmed.
 */
import type { Activity } from 'botbuilder';
import type Redis from 'ioredis';
import { RedisActivityStore } from '../../src/channels/directline/redisActivityStore';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { testRedis, testRedisUrl, uniquePrefix } from '../support/redisTest';

const connections: Redis[] = [];
const stores: RedisActivityStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all(connections.map((c) => c.quit()));
});

function setUp(maxActivities?: number) {
  const prefix = uniquePrefix('turn-entries');
  const client = testRedis();
  const subscriber = testRedis();
  connections.push(client, subscriber);
  const store = new RedisActivityStore(client, { url: testRedisUrl(), prefix, ttlSeconds: 600, maxActivities });
  stores.push(store);
  return { client, store, queue: new RedisTurnQueue(client, subscriber, { prefix }) };
}

const record = (conversationId: string) => ({ conversationId, userId: 'dl_u', createdAt: 1, serviceUrl: 'http://x', started: true });
const reply = (text: string): Partial<Activity> => ({ type: 'message', text, from: { id: 'opastin', name: 'Opastin', role: 'bot' } as Activity['from'] });

/** A resident's post and its turn, whose replies the end of the turn appends (as the adapter does). */
async function turn(s: ReturnType<typeof setUp>, id: string, text: string, replies: string[], during?: () => Promise<unknown>) {
  const ticket = `t-${text}`;
  const posted = await s.store.append(id, { type: 'message', text }, { turnTicket: ticket, envelope: record(id), prefetchState: 'directline' });
  await s.queue.run(id, async () => {
    await during?.();
    expect(s.store.deferAppend(id, replies.map(reply), { envelope: record(id), post: posted.post })).toBe(true);
  }, { ticket, acquired: posted.acquired });
  return posted;
}

const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text);

it('keeps a post and its replies as one entry, and reads from any watermark inside it', async () => {
  const s = setUp();
  await s.store.create(record('c1'));
  const posted = await turn(s, 'c1', 'hei', ['Hei!', 'Mistä asiasta tarvitset apua?']);
  expect(posted.id).toBe('c1|0000001');
  await turn(s, 'c1', 'kuume', ['Soita terveysasemalle.']);
  expect(await s.client.llen(s.store.logKey('c1'))).toBe(2);
  // Deflated together (the post alone was kept plain until its turn ended).
  expect((await s.client.lindexBuffer(s.store.logKey('c1'), 0))![0]).toBe(0x02);
  const all = await s.store.read('c1', null);
  expect(texts(all.activities)).toEqual(['hei', 'Hei!', 'Mistä asiasta tarvitset apua?', 'kuume', 'Soita terveysasemalle.']);
  expect(all.activities.map((a) => a.id)).toEqual([1, 2, 3, 4, 5].map((n) => `c1|000000${n}`));
  expect(all.watermark).toBe('5');
  expect(texts((await s.store.read('c1', '2')).activities)).toEqual(['Mistä asiasta tarvitset apua?', 'kuume', 'Soita terveysasemalle.']);
  const page = await s.store.read('c1', '1', 2);
  expect(page.activities.map((a) => a.id)).toEqual(['c1|0000002', 'c1|0000003']);
  expect(page.watermark).toBe('3');
  expect(await s.store.read('c1', '5')).toEqual({ activities: [], watermark: '5' });
});

it('appends the replies after whatever came between the post and the end of its turn, without the post twice', async () => {
  const s = setUp();
  await s.store.create(record('c2'));
  await turn(s, 'c2', 'hei', ['Hei!'], () => s.store.append('c2', reply('Ohjaaja liittyi.')));
  const all = await s.store.read('c2', null);
  expect(texts(all.activities)).toEqual(['hei', 'Ohjaaja liittyi.', 'Hei!']);
  expect(all.activities.map((a) => a.id)).toEqual(['c2|0000001', 'c2|0000002', 'c2|0000003']);
  expect(texts((await s.store.read('c2', '2')).activities)).toEqual(['Hei!']);
});

it('trims whole turns from the oldest, keeping at most maxActivities, and numbers stay', async () => {
  const s = setUp(5);
  await s.store.create(record('c3'));
  for (let i = 1; i <= 4; i++) await turn(s, 'c3', `post ${i}`, [`reply ${i}a`, `reply ${i}b`]);
  const all = await s.store.read('c3', null);
  // Turns of 3 activities: two of them are more than 5, so only the newest turn is kept.
  expect(texts(all.activities)).toEqual(['post 4', 'reply 4a', 'reply 4b']);
  expect(all.activities[0].id).toBe('c3|0000010');
  expect(all.watermark).toBe('12');
  expect(texts((await s.store.read('c3', '10')).activities)).toEqual(['reply 4a', 'reply 4b']);
  expect(await s.client.hget(s.store.metaKey('c3'), 'trimmed')).toBe('9');
});
