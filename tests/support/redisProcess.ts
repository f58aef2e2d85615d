/**
 * Starts one `redis-server` (plain, cluster node or sentinel) on a free loopback port.
 *
 * Why a retry: a free port is found by binding port 0 and closing it, so another process (a
 * parallel test worker, an outgoing connection) can take it before redis-server binds it. CI saw
 * exactly that ("bind: Address already in use"), and the nodes already started then kept the
 * test run alive after it had finished, until CI's time limit. So a start that loses the race
 * retries on new ports, and a start that fails for good leaves no process behind.
 */
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisProcess {
  child: ChildProcess;
  /** The ports the process was started on, in the order `portsNeeded` asked for them. */
  ports: number[];
  output: () => string;
}

export interface RedisProcessOptions {
  /** The arguments for the given ports (a cluster node needs two: client and bus). */
  args: (ports: number[]) => string[];
  portsNeeded?: number;
  /** Given ports are used as they are, with no retry (the caller chose them). */
  fixedPorts?: number[];
  cwd?: string;
  ready?: RegExp;
  attempts?: number;
  /** How long one start may take before it counts as failed. */
  startTimeoutMs?: number;
  /** Picks the ports of one attempt; free loopback ports unless a test needs to lose the race. */
  choosePorts?: (count: number) => Promise<number[]>;
}

const PORT_TAKEN = /Address already in use|bind: /;

function startOnce(args: string[], cwd: string | undefined, ready: RegExp, timeoutMs: number): Promise<RedisProcess & { lostRace?: boolean }> {
  const child = spawn('redis-server', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server ${args.join(' ')} not ready within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ child, ports: [], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const error = new Error(`redis-server ${args.join(' ')} exited (${code}): ${out}`) as Error & { lostRace?: boolean };
      error.lostRace = PORT_TAKEN.test(out);
      reject(error);
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function startRedisProcess(options: RedisProcessOptions): Promise<RedisProcess> {
  const ready = options.ready ?? /Ready to accept connections/;
  const attempts = options.fixedPorts ? 1 : options.attempts ?? 5;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const ports = options.fixedPorts ?? (await (options.choosePorts ?? distinctFreePorts)(options.portsNeeded ?? 1));
    try {
      const started = await startOnce(options.args(ports), options.cwd, ready, options.startTimeoutMs ?? 15_000);
      return { ...started, ports };
    } catch (err) {
      lastError = err;
      if (!(err as { lostRace?: boolean }).lostRace) throw err;
    }
  }
  throw lastError;
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** Stops a process and resolves when it has exited (at once when it already has). */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
