/**
 * Real Opastin processes for tests across processes (fault runs, races, exact counting): started
 * as `npm start` would (`src/main.ts`) on free ports, ready once /readyz answers 200.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './redisServer';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts `node --import tsx src/main.ts` with the test's environment on top of this one. Not the
 * tsx CLI: it runs the server in a child process, so a SIGKILL sent to it would leave the real
 * server running. `readyMs` allows for a slow start on a shared machine.
 */
export async function startServer(env: Record<string, string>, readyMs = 30_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', CONTENT_WATCH: 'false', PORT: String(port), ...env },
    stdio: ['ignore', process.env.FAULT_DEBUG ? 'inherit' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + readyMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > until) throw new Error(`server not ready in ${readyMs / 1000} s: ${stderr.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
