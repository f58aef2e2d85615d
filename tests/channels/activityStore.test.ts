import Redis from 'ioredis';
import { MemoryActivityStore } from '../../src/channels/directline/memoryActivityStore';
import { RedisActivityStore } from '../../src/channels/directline/redisActivityStore';
import { conversationKeys, STATE_NAMESPACES } from '../../src/state/keys';
import { createRedisClient, whenReady } from '../../src/state/redisClient';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { activityStoreBehaviour } from './activityStoreBehaviour';

activityStoreBehaviour('memory', async () => ({ store: new MemoryActivityStore(60) }));

activityStoreBehaviour('redis', async () => {
  const redis = createRedisClient(testRedisUrl());
  await whenReady(redis);
  const store = new RedisActivityStore(redis, { url: testRedisUrl(), prefix: uniquePrefix('store'), ttlSeconds: 60 });
  return { store, cleanup: async () => void (await redis.quit()) };
});

describe('RedisActivityStore specifics', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = createRedisClient(testRedisUrl());
    await whenReady(redis);
  });
  afterAll(() => redis.quit());

  it('keeps a list and a meta hash, both with the state TTL, and keeps exactly the newest maxActivities', async () => {
    const prefix = uniquePrefix('ttl');
    const store = new RedisActivityStore(redis, { url: testRedisUrl(), prefix, ttlSeconds: 3600, maxActivities: 10 });
    await store.create({ conversationId: 'c1', userId: 'dl_u', createdAt: 1, serviceUrl: 'http://x', started: false });
    for (let i = 0; i < 300; i++) await store.append('c1', { type: 'message', text: String(i) });
    expect(await redis.ttl(store.metaKey('c1'))).toBeGreaterThan(3500);
    expect(await redis.ttl(store.logKey('c1'))).toBeGreaterThan(3500);
    expect(await redis.type(store.logKey('c1'))).toBe('list');
    expect(await redis.llen(store.logKey('c1'))).toBe(10);
    const page = await store.read('c1', '295');
    expect(page.activities.map((a) => a.text)).toEqual(['295', '296', '297', '298', '299']);
    // Activity n keeps its number after the oldest are dropped; asking from the start gives the kept ones.
    expect(page.activities[0].id).toBe('c1|0000296');
    const all = await store.read('c1', null);
    expect(all.activities.map((a) => a.text)).toEqual(['290', '291', '292', '293', '294', '295', '296', '297', '298', '299']);
    expect(all.watermark).toBe('300');
    await store.close();
  });

  it('wakes a subscriber in another process (a second store on its own connections)', async () => {
    const prefix = uniquePrefix('hub');
    const other = createRedisClient(testRedisUrl());
    await whenReady(other);
    const a = new RedisActivityStore(redis, { url: testRedisUrl(), prefix, ttlSeconds: 60 });
    const b = new RedisActivityStore(other, { url: testRedisUrl(), prefix, ttlSeconds: 60 });
    await a.create({ conversationId: 'c2', userId: 'dl_u', createdAt: 1, serviceUrl: 'http://x', started: false });
    const woke = new Promise<void>((resolve) => {
      const off = b.subscribe('c2', null, () => {
        off();
        resolve();
      });
    });
    await a.append('c2', { type: 'message', text: 'hello from A' });
    await woke;
    expect((await b.read('c2', null)).activities[0].text).toBe('hello from A');
    await Promise.all([a.close(), b.close()]);
    await other.quit();
  });

  it("start takes the greeting's queue place with the start, once, and reads its state when nobody is ahead", async () => {
    const prefix = uniquePrefix('start');
    const store = new RedisActivityStore(redis, { url: testRedisUrl(), prefix, ttlSeconds: 60 });
    const k = conversationKeys(prefix, 'c3');
    await store.create({ conversationId: 'c3', userId: 'dl_u', createdAt: 1, serviceUrl: 'http://x', started: false });
    await redis.set(k.state('directline', STATE_NAMESPACES[0]), '{"kept":1}');
    const first = await store.start('c3', { turnTicket: 'greeting', prefetchState: 'directline' });
    expect(first.started).toBe(true);
    expect(first.acquired?.get(k.state('directline', STATE_NAMESPACES[0]))).toBe('{"kept":1}');
    expect(first.acquired?.get(k.handoff)).toBeNull();
    expect(await redis.lrange(k.turnQueue, 0, -1)).toEqual(['greeting']);
    expect(await redis.hexists(k.turnLeases, 'greeting')).toBe(1);
    // A second start (another process, a client's retry) queues nothing and owns nothing.
    const again = await store.start('c3', { turnTicket: 'late', prefetchState: 'directline' });
    expect(again).toEqual({ record: { conversationId: 'c3', userId: 'dl_u', createdAt: 1, serviceUrl: 'http://x', started: true }, started: false });
    expect(await redis.lrange(k.turnQueue, 0, -1)).toEqual(['greeting']);
    await store.close();
  });

  it('start queues the greeting behind a turn already queued, without reading for it', async () => {
    const prefix = uniquePrefix('start-behind');
    const store = new RedisActivityStore(redis, { url: testRedisUrl(), prefix, ttlSeconds: 60 });
    const k = conversationKeys(prefix, 'c4');
    await store.create({ conversationId: 'c4', userId: 'dl_u', createdAt: 1, serviceUrl: 'http://x', started: false });
    await store.append('c4', { type: 'message', text: 'ennen alkua' }, { turnTicket: 'post', prefetchState: 'directline' });
    const started = await store.start('c4', { turnTicket: 'greeting', prefetchState: 'directline' });
    expect(started.started).toBe(true);
    expect(started.acquired).toBeUndefined();
    expect(await redis.lrange(k.turnQueue, 0, -1)).toEqual(['post', 'greeting']);
    await store.close();
  });
});
