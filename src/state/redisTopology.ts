/**
 * Where Redis is: one server (REDIS_URL), a Sentinel-managed primary (REDIS_SENTINELS), or a
 * Redis Cluster (REDIS_CLUSTER_NODES). Parsed from the environment into plain data; connecting is
 * redisClient.ts's job. Every key of one conversation shares the hash tag `{<conversation id>}`,
 * so the Lua scripts and MULTIs of a conversation always run on one cluster slot.
 *
 * Settings (docs/operations.md):
 * - REDIS_URL=redis://[user:password@]host:port[/db]   (rediss:// for TLS)
 * - REDIS_SENTINELS=host:port,host:port  with REDIS_SENTINEL_MASTER (default `mymaster`)
 * - REDIS_CLUSTER_NODES=host:port,host:port  (any reachable subset; the rest is discovered)
 * - REDIS_USERNAME / REDIS_PASSWORD (ACL user) and REDIS_TLS=true for Sentinel and Cluster;
 *   REDIS_SENTINEL_PASSWORD when the sentinels themselves require one.
 */
export interface RedisNode {
  host: string;
  port: number;
}

export interface RedisAuth {
  username?: string;
  password?: string;
  tls: boolean;
}

export type RedisTopology =
  | { kind: 'single'; url: string }
  | { kind: 'sentinel'; sentinels: RedisNode[]; masterName: string; sentinelPassword?: string; auth: RedisAuth }
  | { kind: 'cluster'; nodes: RedisNode[]; auth: RedisAuth };

type Env = Record<string, string | undefined>;

/** `host:port`, `[::1]:port` or a `redis://host:port` URL; the port defaults to `fallbackPort`. */
export function parseNodeList(raw: string, fallbackPort: number, name: string, problems: string[]): RedisNode[] {
  const nodes: RedisNode[] = [];
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(/^[a-z]+:\/\//i.test(entry) ? entry : `redis://${entry}`);
    } catch {
      problems.push(`${name}: "${entry}" is not host:port`);
      continue;
    }
    const port = url.port ? Number(url.port) : fallbackPort;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!host || !Number.isInteger(port) || port <= 0 || port > 65535) {
      problems.push(`${name}: "${entry}" is not host:port`);
      continue;
    }
    nodes.push({ host, port });
  }
  if (nodes.length === 0) problems.push(`${name} is set but names no host:port`);
  return nodes;
}

export function readRedisTopology(env: Env, problems: string[]): RedisTopology | null {
  const given = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'].filter((name) => env[name]);
  if (given.length > 1) {
    problems.push(`Set only one of REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES (found ${given.join(', ')}).`);
  }
  const auth: RedisAuth = {
    ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
    ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
    tls: env.REDIS_TLS === 'true',
  };
  if (env.REDIS_CLUSTER_NODES) {
    return { kind: 'cluster', nodes: parseNodeList(env.REDIS_CLUSTER_NODES, 6379, 'REDIS_CLUSTER_NODES', problems), auth };
  }
  if (env.REDIS_SENTINELS) {
    return {
      kind: 'sentinel',
      sentinels: parseNodeList(env.REDIS_SENTINELS, 26379, 'REDIS_SENTINELS', problems),
      masterName: env.REDIS_SENTINEL_MASTER || 'mymaster',
      ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
      auth,
    };
  }
  if (env.REDIS_URL) {
    if (!/^rediss?:\/\//.test(env.REDIS_URL)) problems.push(`REDIS_URL must start with redis:// or rediss://, found "${env.REDIS_URL}"`);
    return { kind: 'single', url: env.REDIS_URL };
  }
  return null;
}
