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
