/**
 * Server processes for the benchmark: each target runs in its own Node process pinned to core 0
 * (`taskset`), while the load generator and Redis share core 1, so the server's figures are one
 * core's worth and the generator never competes with it.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const HAS_TASKSET = spawnSync('taskset', ['--version']).status === 0;

export function pinSelf(core: number): void {
  if (HAS_TASKSET) spawnSync('taskset', ['-cp', String(core), String(process.pid)], { stdio: 'ignore' });
}

export interface ServerProcess {
  pid: number;
  base: string;
  output(): string;
  /** Collects the server's output from now on (uncut); the returned function stops and gives it. */
  capture(): () => string;
  /** Resident set size of the server process, in bytes (from /proc). */
  rssBytes(): number;
  /** Heap in use after a full GC; needs the server started with `withGcProbe`. */
  heapAfterGc(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script>` and waits for `readyPattern` on its output, or for `readyPath` to answer 200. */
/** Node flags that let `heapAfterGc()` ask the server for its heap after a full collection. */
export const WITH_GC_PROBE = ['--expose-gc', '--require', path.join(__dirname, '../servers/gcProbe.cjs')];

export async function startServer(script: string, env: Record<string, string>, options: { core?: number; nodeArgs?: string[]; readyPattern?: RegExp; readyPath?: string } = {}): Promise<ServerProcess> {
  const nodeArgs = [...(options.nodeArgs ?? []), '--import', 'tsx', script];
  const [cmd, args] = HAS_TASKSET && options.core !== undefined
    ? ['taskset', ['-c', String(options.core), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child: ChildProcess = spawn(cmd, args, { cwd: REPO_ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const captures = new Set<{ text: string }>();
  const ready = options.readyPattern ?? (options.readyPath ? /(?!)/ : /listening/);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready in 60 s:\n${out.slice(-2000)}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      out += text;
      for (const c of captures) c.text += text;
      if (out.length > 200_000) out = out.slice(-100_000);
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    if (options.readyPath) {
      const poll = (): void => {
        fetch(`http://127.0.0.1:${env.PORT}${options.readyPath}`).then(
          (res) => (res.status === 200 ? (clearTimeout(timer), resolve()) : setTimeout(poll, 100)),
          () => setTimeout(poll, 100),
        );
      };
      poll();
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}):\n${out.slice(-2000)}`));
    });
  });
  child.removeAllListeners('exit');
  // A server that dies under load must say why, not just leave the generator with ECONNREFUSED.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`  ${script} exited during the bench (${code ?? signal}):\n${out.slice(-3000)}`);
  });
  return {
    pid: child.pid!,
    base: `http://127.0.0.1:${env.PORT}`,
    output: () => out,
    capture: () => {
      const c = { text: '' };
      captures.add(c);
      return () => {
        captures.delete(c);
        return c.text;
      };
    },
    rssBytes: () => {
      // With taskset the child is taskset's exec'd node: same pid.
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    },
    heapAfterGc: () =>
      new Promise<number>((resolve, reject) => {
        const from = out.length;
        const timer = setTimeout(() => reject(new Error('no gcProbe answer (start the server withGcProbe)')), 10_000);
        const check = (): void => {
          const m = /\{"gcProbe":\{"heapUsed":(\d+)/.exec(out.slice(from));
          if (!m) return;
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve(Number(m[1]));
        };
        child.stdout!.on('data', check);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}
