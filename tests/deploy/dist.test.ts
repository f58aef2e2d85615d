/**
 * The production build, run the way the image runs it: `npm run build`, then plain `node` on
 * dist/ (NODE_ENV=production, no TypeScript at run time) against a real Redis. A resident chats over
 * the Direct Line WebSocket; SIGTERM with that socket open closes it with 1012 ("service restart",
 * the chat reconnects elsewhere) and the process exits 0 well within SHUTDOWN_GRACE_MS.
 */
import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocket } from 'ws';
import { freePort } from '../support/redisServer';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';

const ROOT = path.resolve(__dirname, '../..');
const GRACE_MS = 8000;
jest.setTimeout(90_000);

let child: ChildProcess;
let base: string;
let output = '';

beforeAll(async () => {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // What the Dockerfile's CMD runs, with the settings compose.yaml gives it.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts['start:prod']).toMatch(/^NODE_ENV=production node .*dist\/src\/main\.js$/);
  child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: uniquePrefix('dist'),
      DIRECT_LINE_SECRET: 'dist-test-secret-0123456789abcdefghijkl',
      COUNSELLORS_FILE: 'config/counsellors.example.json',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await waitFor(async () => (await fetch(`${base}/readyz`).catch(() => null))?.status === 200, 20_000);
});

afterAll(() => {
  if (process.env.SHOW_SERVER_LOG) console.log(output);
  if (child.exitCode === null) child.kill('SIGKILL');
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > until) throw new Error(`not ready within ${timeoutMs} ms:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('refuses to start with NODE_ENV=staging: exit code 1 and the reason on stderr', () => {
  for (const env of [{ NODE_ENV: 'staging' }]) {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: 'pipe', timeout: 30_000 });
    } catch (err) {
      ({ status, stderr } = err as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(String(stderr)).toMatch(/Opastin cannot start:[\s\S]*NODE_ENV/);
  }
});

describe('dist/ under plain node in the production profile', () => {
  let ws: WebSocket;
  const frames: { activities: { from: { role?: string }; text?: string }[] }[] = [];
  let token = '';
  let conversationId = '';

  it('serves the chat page and its assets, and says once that /api/messages is off', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const src of html.match(/\/(?:static|console|vendor)[^"' ]+\.(?:js|css)/g) ?? []) {
      expect((await fetch(`${base}${src}`)).status).toBe(200);
    }
    expect((await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
    expect(output.match(/"messages_disabled"/g)).toHaveLength(1);
  });

  it('answers a resident over the Direct Line WebSocket', async () => {
    const issued = (await (await fetch(`${base}/api/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    ({ token, conversationId } = issued);
    const started = (await (await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { streamUrl: string };
    ws = new WebSocket(started.streamUrl);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text) frames.push(JSON.parse(text));
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const post = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'resident' }, text: 'hei', locale: 'fi-FI' }),
    });
    expect(post.status).toBe(200);
    await waitFor(async () => frames.some((f) => f.activities.some((a) => a.from.role === 'bot' && a.text)), 10_000);
  });

  it('on SIGTERM closes the open socket with 1012 and exits 0 within the grace period', async () => {
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await closed).toBe(1012);
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(GRACE_MS);
    expect(output).toMatch(/"event":"stopped"/);
  });
});
