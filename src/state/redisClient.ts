/**
 * ioredis set up to fail fast: when Redis is down a command errors within `commandTimeout`
 * instead of queueing forever, so a resident gets an apology instead of a hang. The client keeps
 * reconnecting in the background and recovers by itself when Redis returns.
 */
import Redis, { RedisOptions } from 'ioredis';

export const FAIL_FAST_OPTIONS: RedisOptions = {
  connectTimeout: 2000,
  commandTimeout: 2000,
  // A command issued while disconnected waits for at most one reconnect attempt and never longer
  // than commandTimeout: the offline queue is bounded in time, so nothing piles up while Redis is
  // away, yet commands sent in the first milliseconds after start-up are not refused.
  maxRetriesPerRequest: 1,
  enableOfflineQueue: true,
  retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
  lazyConnect: false,
};

export function createRedisClient(url: string, overrides: RedisOptions = {}): Redis {
  const client = new Redis(url, { ...FAIL_FAST_OPTIONS, ...overrides });
  // Without a listener ioredis prints every reconnect error; callers log state changes themselves.
  client.on('error', () => undefined);
  return client;
}

/** Resolves when the client is ready, or rejects after `timeoutMs`. */
export function whenReady(client: Redis, timeoutMs = 5000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`Redis not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}
