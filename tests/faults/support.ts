/**
 * Real processes for fault tests: a redis-server we can pause (SIGSTOP/SIGCONT) and kill, and
 * Opastin servers started as `npm start` would (tsx src/main.ts) on free ports.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/redisServer';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** Starts `tsx src/main.ts`; resolves once /readyz answers 200. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // `node --import tsx`, not the tsx CLI: the CLI runs the server in a child process, so a
  // SIGKILL sent to it would leave the real server running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', CONTENT_WATCH: 'false', PORT: String(port), ...env },
    stdio: ['ignore', process.env.FAULT_DEBUG ? 'inherit' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > until) throw new Error(`server not ready in 30 s: ${stderr}`);
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

/** POST /api/messages with expectReplies; resolves with the reply texts joined (or the status on failure). */
export async function say(url: string, conversationId: string, text: string, timeoutMs = 20_000): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `${conversationId}-${started}`, channelId: 'test', serviceUrl: 'http://localhost:9',
      conversation: { id: conversationId }, from: { id: 'resident' }, recipient: { id: 'opastin' },
      text, locale: 'fi-FI', deliveryMode: 'expectReplies',
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json().catch(() => ({}))) as { activities?: { text?: string }[] };
  return { status: res.status, text: (body.activities ?? []).map((a) => a.text ?? '').join('\n'), ms: Date.now() - started };
}

export const APOLOGY = /Pahoittelut, Opastin ei juuri nyt toimi/;
