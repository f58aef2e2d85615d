/**
 * One throwaway redis-server for the whole test run; each test file uses its own key prefix.
 * Its URL reaches the test workers as REDIS_TEST_URL.
 */
import { startRedisServer } from './redisServer';

export default async function globalSetup(): Promise<void> {
  const redis = await startRedisServer();
  process.env.REDIS_TEST_URL = redis.url;
  (globalThis as Record<string, unknown>).__OPASTIN_REDIS__ = redis;
}
