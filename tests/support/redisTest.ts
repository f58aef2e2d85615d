/** Connects to the test run's throwaway redis-server (started in globalSetup), never to 6379. */
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

export function testRedisUrl(): string {
  const url = process.env.REDIS_TEST_URL;
  if (!url) throw new Error('REDIS_TEST_URL is not set: run the tests through jest (globalSetup starts redis-server)');
  return url;
}

export function testRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
}

/** A key prefix unique to one test, so test files running in parallel never share keys. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomUUID().slice(0, 8)}:`;
}

/** Test connections that one `afterAll(closeAll)` quits: `open()` is testRedis() kept for closing. */
export function trackedRedis(): { open(): Redis; closeAll(): Promise<unknown> } {
  const connections: Redis[] = [];
  return {
    open: () => {
      const r = testRedis();
      connections.push(r);
      return r;
    },
    closeAll: () => Promise.all(connections.map((c) => c.quit())),
  };
}
