/**
 * Two real server processes (`tsx src/main.ts`, as `npm start` runs it) on one real Redis: the
 * counsellor accepts through the console API of process A while the resident cancels through
 * their chat on process B, at the same moment, 50 rounds. Each round has exactly one winner of
 * the waiting conversation, and the counsellor (HTTP answer) and the resident (what their chat
 * received) are told the same outcome: accept 409 and the wait cancelled, or accept 200, the
 * resident told a counsellor joined, and then the cancel (never lost) ending that chat.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { TEST_SECRET } from '../channels/helpers';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { alwaysOpenCatalogue, buildService, Built, GENERAL, SUMMARY } from './helpers';
import { DEMO_COUNSELLOR } from './runtime';

const ROOT = path.resolve(__dirname, '../..');
const ROUNDS = 50;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts `src/main.ts` and resolves once it logs that it listens. */
async function startServer(prefix: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: String(port), LOG_LEVEL: 'info',
      REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, DIRECT_LINE_SECRET: TEST_SECRET,
      // 50 residents from one test address: the per-address limits are not under test here.
      CHAT_TOKEN_RATE_LIMIT: '1000', DIRECT_LINE_POST_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.slice(-2000)}`)), 120000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"event":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output.slice(-2000)}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

describe('two server processes: accept on one, cancel on the other', () => {
  jest.setTimeout(180000);
  const prefix = uniquePrefix('handoff-procs');
  let a: Server | undefined;
  let b: Server | undefined;
  let setup: Built;
  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(prefix), startServer(prefix)]);
    // Queues the resident in the shared Redis (the request is set-up here, not under test).
    setup = buildService('redis', { prefix, catalogue: alwaysOpenCatalogue() });
  });
  afterAll(async () => {
    await setup?.close();
    await Promise.all([stop(a), stop(b)]);
  });

  it(`${ROUNDS} rounds: one winner each time, both sides told the same outcome`, async () => {
    const signIn = await request(a!.url).post('/counsellor/api/session').send(DEMO_COUNSELLOR).expect(200);
    const console = { Cookie: String(signIn.headers['set-cookie']).split(';')[0], 'X-CSRF-Token': signIn.body.csrfToken as string };
    await request(a!.url).put('/counsellor/api/presence').set(console).send({ status: 'online', queues: [GENERAL] }).expect(200);
    const wins = { accept: 0, cancel: 0 };

    for (let round = 0; round < ROUNDS; round++) {
      const token = await request(b!.url).post('/api/chat/token').expect(200);
      const id = token.body.conversationId as string;
      const resident = { Authorization: `Bearer ${token.body.token}` };
      await request(b!.url).post('/v3/directline/conversations').set(resident).expect(201);
      expect(await setup.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY })).toMatchObject({ status: 'queued' });

      const accept = () => request(a!.url).post(`/counsellor/api/conversations/${id}/accept`).set(console);
      // The resident's "cancel" tap (a post-back without text), handled by the bot on B.
      const cancel = () => request(b!.url).post(`/v3/directline/conversations/${id}/activities`).set(resident)
        .send({ type: 'message', locale: 'fi-FI', from: { id: `u-${randomUUID()}` }, value: { action: 'opastin.handoff.cancel' } });
      const [accepted, cancelled] = round % 2 ? await Promise.all([accept(), cancel()]) : await Promise.all([cancel(), accept()]).then(([c, x]) => [x, c]);
      expect(cancelled.status).toBe(200);

      const activities = (await request(b!.url).get(`/v3/directline/conversations/${id}/activities`).set(resident).expect(200)).body.activities as { type: string; name?: string; text?: string; value?: { status?: string } }[];
      const handoff = activities.filter((x) => x.type === 'event' && x.name === 'handoff').map((x) => x.value?.status);
      const state = await setup.service.statusOf(id);
      if (accepted.status === 200) {
        wins.accept++;
        // The counsellor had it first; the resident's cancel then ended that chat (it is never
        // lost): the resident's chat shows both, and the handoff is gone.
        // Both were told to the chat. Their order is not guaranteed: A delivers "accepted" after its
        // commit while B may already be delivering "closed" (a known gap, docs/handoff.md).
        expect({ round, handoff: [...handoff].sort() }).toEqual({ round, handoff: ['accepted', 'closed'] });
        expect(activities.find((x) => x.name === 'handoff' && x.value?.status === 'closed')?.value).toMatchObject({ reason: 'resident' });
      } else {
        wins.cancel++;
        expect(accepted.status).toBe(409);
        expect(accepted.body.error.code).toBe('NotWaiting');
        expect({ round, handoff }).toEqual({ round, handoff: ['closed'] });
      }
      expect({ round, state: state.status }).toEqual({ round, state: 'none' });
    }
    expect(wins.accept + wins.cancel).toBe(ROUNDS);
    if (process.env.SHOW_RACE) process.stdout.write(`race winners: ${JSON.stringify(wins)}\n`);
  });
});
