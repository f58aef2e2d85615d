import { MemoryStatisticsStore } from '../../src/statistics/store/memoryStore';
import { RedisStatisticsStore } from '../../src/statistics/store/redisStore';
import { testRedis, uniquePrefix } from '../support/redisTest';
import { statisticsStoreBehaviour } from './storeBehaviour';

const redis = testRedis();
afterAll(async () => {
  await redis.quit();
});

statisticsStoreBehaviour('memory', () => new MemoryStatisticsStore());
statisticsStoreBehaviour('redis', () => new RedisStatisticsStore(redis, uniquePrefix('stats'), 400));

it('redis: a day hash expires after the retention period', async () => {
  const store = new RedisStatisticsStore(redis, uniquePrefix('stats-ttl'), 10);
  await store.add('2026-03-05', new Map([['a', 1]]));
  const ttl = await redis.ttl(store.key('2026-03-05'));
  expect(ttl).toBeGreaterThan(10 * 24 * 3600 - 5);
  expect(ttl).toBeLessThanOrEqual(10 * 24 * 3600);
});

it('memory: days past the retention period are dropped', async () => {
  const store = new MemoryStatisticsStore(10);
  await store.add('2026-03-01', new Map([['a', 1]]));
  await store.add('2026-03-11', new Map([['a', 1]]));
  await store.add('2026-03-12', new Map([['a', 1]]));
  const read = await store.read(['2026-03-01', '2026-03-11', '2026-03-12']);
  expect([...read.values()].map((d) => d.get('a') ?? 0)).toEqual([0, 1, 1]);
});

it('redis: with Redis away, adding fails at once', async () => {
  const gone = testRedis();
  await gone.quit();
  const store = new RedisStatisticsStore(gone, uniquePrefix('stats-gone'), 10);
  await expect(store.add('2026-03-06', new Map([['a', 1]]))).rejects.toThrow(/Redis is|closed/);
});
