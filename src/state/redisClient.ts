/**
 * ioredis set up to fail fast: when Redis is down a command errors within `commandTimeout`
 * instead of queueing forever, so a resident gets an apology instead of a hang. The client keeps
 * reconnecting in the background and recovers by itself when Redis returns.
 */
import Redis, { Cluster, RedisOptions } from 'ioredis';
import type { RedisTopology } from './redisTopology';

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

/**
 * A connection to Redis wherever it is: a URL, or a topology from configuration (single,
 * Sentinel, Cluster). A Cluster client is returned under the `Redis` type: it has the same
 * command methods, and every caller sends a conversation's multi-key commands on keys that share
 * its hash tag, which is what Cluster needs. (`monitor`, `CLIENT ID` and other per-connection
 * commands go to one node on a Cluster; only the Direct Line stream hub uses them.)
 */
export function createRedisClient(where: string | RedisTopology, overrides: RedisOptions = {}): Redis {
  const options: RedisOptions = { ...FAIL_FAST_OPTIONS, ...overrides };
  const client = connect(typeof where === 'string' ? { kind: 'single', url: where } : where, options);
  // Without a listener ioredis prints every reconnect error; callers log state changes themselves.
  client.on('error', () => undefined);
  return client;
}

function connect(topology: RedisTopology, options: RedisOptions): Redis {
  if (topology.kind === 'single') return new Redis(topology.url, options);
  const { username, password, tls } = topology.auth;
  const auth: RedisOptions = { ...(username ? { username } : {}), ...(password ? { password } : {}), ...(tls ? { tls: {} } : {}) };
  if (topology.kind === 'sentinel') {
    return new Redis({
      ...options,
      ...auth,
      sentinels: topology.sentinels,
      name: topology.masterName,
      ...(topology.sentinelPassword ? { sentinelPassword: topology.sentinelPassword } : {}),
      ...(tls ? { enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
      // After a failover the old primary may answer as a replica until it learns its new role.
      reconnectOnError: (err) => err.message.startsWith('READONLY'),
    });
  }
  const cluster = new Cluster(topology.nodes, {
    redisOptions: { ...options, ...auth },
    // The cluster client re-resolves slots on MOVED/ASK; commands wait briefly while it does.
    enableOfflineQueue: options.enableOfflineQueue,
    lazyConnect: options.lazyConnect,
    maxRedirections: 16,
    retryDelayOnFailover: 100,
    clusterRetryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
    ...(tls ? { dnsLookup: (address: string, callback: (err: Error | null, address: string) => void) => callback(null, address) } : {}),
  });
  return cluster as unknown as Redis;
}

/** Describes a topology for logs, without passwords. */
export function describeTopology(topology: RedisTopology): string {
  if (topology.kind === 'single') return `redis ${redactUrl(topology.url)}`;
  const list = (topology.kind === 'sentinel' ? topology.sentinels : topology.nodes).map((n) => `${n.host}:${n.port}`).join(',');
  return topology.kind === 'sentinel' ? `sentinel ${topology.masterName} via ${list}` : `cluster via ${list}`;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis (unparseable URL)';
  }
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
