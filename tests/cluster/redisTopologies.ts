/**
 * Real Redis topologies for tests, started on free loopback ports and torn down afterwards:
 * - a Redis Cluster of three masters (`redis-server --cluster-enabled yes` ×3, slots assigned
 *   with `redis-cli --cluster create … --cluster-yes`);
 * - a Sentinel setup: a primary, one replica and one sentinel watching them (quorum 1).
 * No persistence; everything lives in a temporary folder.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { freePort } from '../support/redisServer';

const run = promisify(execFile);

export interface Topology {
  /** host:port list for REDIS_CLUSTER_NODES or REDIS_SENTINELS. */
  nodes: { host: string; port: number }[];
  stop(): Promise<void>;
}

function startProcess(args: string[], cwd: string, ready: RegExp): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (ready.test(out)) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server ${args.join(' ')} exited (${code}): ${out}`)));
    child.once('error', reject);
  });
}

function stopAll(children: ChildProcess[], dir: string): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  ).then(() => fs.rmSync(dir, { recursive: true, force: true }));
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
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) ports.push(await freePort());
  const children = await Promise.all(
    ports.map((port) =>
      startProcess(
        ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`,
          '--cluster-node-timeout', '2000', '--save', '', '--appendonly', 'no'],
        dir,
        /Ready to accept connections/,
      ),
    ),
  );
  try {
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
  const [primaryPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
  const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const children: ChildProcess[] = [];
  try {
    children.push(await startProcess(['--port', String(primaryPort), ...common], dir, /Ready to accept connections/));
    children.push(await startProcess(['--port', String(replicaPort), ...common, '--replicaof', '127.0.0.1', String(primaryPort)], dir, /Ready to accept connections/));
    const replica = new Redis({ port: replicaPort, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    await until(async () => /master_link_status:up/.test(await replica.info('replication')), 'replica in sync');
    replica.disconnect();
    const conf = path.join(dir, 'sentinel.conf');
    fs.writeFileSync(conf, [
      `port ${sentinelPort}`, 'bind 127.0.0.1', `dir ${dir}`,
      `sentinel monitor ${masterName} 127.0.0.1 ${primaryPort} 1`,
      `sentinel down-after-milliseconds ${masterName} 2000`,
      `sentinel failover-timeout ${masterName} 10000`,
    ].join('\n'));
    children.push(await startProcess([conf, '--sentinel'], dir, /Sentinel ID is|monitor master/));
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
