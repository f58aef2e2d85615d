/**
 * Real Redis topologies for tests, started on free loopback ports and torn down afterwards:
 * - a Redis Cluster of three masters (`redis-server --cluster-enabled yes` ×3, slots assigned
 *   with `redis-cli --cluster create … --cluster-yes`);
 * - a Sentinel setup: a primary, one replica and one sentinel watching them (quorum 1).
 * No persistence; everything lives in a temporary folder.
 */
import { ChildProcess, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { startRedisProcess, stopProcess } from '../support/redisProcess';

const run = promisify(execFile);

export interface Topology {
  /** host:port list for REDIS_CLUSTER_NODES or REDIS_SENTINELS. */
  nodes: { host: string; port: number }[];
  stop(): Promise<void>;
}

async function stopAll(children: ChildProcess[], dir: string): Promise<void> {
  await Promise.all(children.map(stopProcess));
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Waits by re-asking Redis (no fixed sleeps): `check` resolves true when the state is reached. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startCluster(masters = 3): Promise<Topology> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  try {
    // One node at a time, so a node that fails to start leaves the others in `children` to stop.
    // The bus port is chosen free as well: the default (port + 10000) may be taken, or above 65535.
    for (let i = 0; i < masters; i++) {
      const node = await startRedisProcess({
        portsNeeded: 2,
        args: ([port, bus]) => ['--port', String(port), '--cluster-port', String(bus), '--bind', '127.0.0.1',
          '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`,
          '--cluster-node-timeout', '2000', '--save', '', '--appendonly', 'no'],
        cwd: dir,
      });
      children.push(node.child);
      ports.push(node.ports[0]);
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    // Every node must agree that all 16384 slots are served before clients connect.
    for (const port of ports) {
      const node = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await until(async () => /cluster_state:ok/.test((await node.cluster('INFO')) as string), `cluster state on ${port}`);
      } finally {
        node.disconnect();
      }
    }
  } catch (err) {
    await stopAll(children, dir);
    throw err;
  }
  return { nodes: ports.map((port) => ({ host: '127.0.0.1', port })), stop: () => stopAll(children, dir) };
}

export interface SentinelTopology extends Topology {
  masterName: string;
  primaryPort: number;
  replicaPort: number;
  /** Asks the sentinel to fail over to the replica and waits until it reports the new primary. */
  failover(): Promise<void>;
}

export async function startSentinel(masterName = 'opastin'): Promise<SentinelTopology> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-sentinel-'));
  const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const children: ChildProcess[] = [];
  let primaryPort = 0;
  let replicaPort = 0;
  let sentinelPort = 0;
  try {
    const primary = await startRedisProcess({ args: ([port]) => ['--port', String(port), ...common], cwd: dir });
    children.push(primary.child);
    primaryPort = primary.ports[0];
    const replicaNode = await startRedisProcess({
      args: ([port]) => ['--port', String(port), ...common, '--replicaof', '127.0.0.1', String(primaryPort)], cwd: dir,
    });
    children.push(replicaNode.child);
    replicaPort = replicaNode.ports[0];
    const replica = new Redis({ port: replicaPort, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    await until(async () => /master_link_status:up/.test(await replica.info('replication')), 'replica in sync');
    replica.disconnect();
    const conf = path.join(dir, 'sentinel.conf');
    fs.writeFileSync(conf, [
      'bind 127.0.0.1', `dir ${dir}`,
      `sentinel monitor ${masterName} 127.0.0.1 ${primaryPort} 1`,
      `sentinel down-after-milliseconds ${masterName} 2000`,
      `sentinel failover-timeout ${masterName} 10000`,
    ].join('\n'));
    // The port goes on the command line (it overrides the file), so a retry needs no new file.
    const sentinelNode = await startRedisProcess({
      args: ([port]) => [conf, '--sentinel', '--port', String(port)], cwd: dir, ready: /Sentinel ID is|monitor master/,
    });
    children.push(sentinelNode.child);
    sentinelPort = sentinelNode.ports[0];
  } catch (err) {
    await stopAll(children, dir);
    throw err;
  }
  const sentinel = new Redis({ port: sentinelPort, host: '127.0.0.1', maxRetriesPerRequest: 1, lazyConnect: true });
  const primaryNow = async (): Promise<number> => Number(((await sentinel.call('SENTINEL', 'get-master-addr-by-name', masterName)) as string[])[1]);
  // The sentinel must have discovered the replica before a failover can pick it.
  await until(async () => ((await sentinel.call('SENTINEL', 'replicas', masterName)) as unknown[]).length > 0, 'sentinel sees the replica');
  return {
    masterName,
    primaryPort,
    replicaPort,
    nodes: [{ host: '127.0.0.1', port: sentinelPort }],
    async failover() {
      const before = await primaryNow();
      await sentinel.call('SENTINEL', 'failover', masterName);
      await until(async () => (await primaryNow()) !== before, 'sentinel failover');
      const promoted = new Redis({ port: await primaryNow(), host: '127.0.0.1', maxRetriesPerRequest: 1 });
      await until(async () => /role:master/.test(await promoted.info('replication')), 'promoted replica is primary');
      promoted.disconnect();
    },
    stop: async () => {
      sentinel.disconnect();
      await stopAll(children, dir);
    },
  };
}
