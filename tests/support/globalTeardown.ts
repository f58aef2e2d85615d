import type { RedisServerHandle } from './redisServer';

export default async function globalTeardown(): Promise<void> {
  const redis = (globalThis as Record<string, unknown>).__OPASTIN_REDIS__ as RedisServerHandle | undefined;
  await redis?.stop();
}
