/**
 * Two real server processes (`tsx src/main.ts`, as `npm start` runs it) on one real Redis: the
 * counsellor accepts through the console API of process A while the resident cancels through
 * their chat on process B, at the same moment, 50 rounds. Each round has exactly one winner of
 * the waiting conversation, and the counsellor (HTTP answer) and the resident (what their chat
 * received) are told the same outcome: accept 409 and the wait cancelled, or accept 200, the
 * resident told a counsellor joined, and then the cancel (never lost) ending that chat.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TEST_SECRET } from '../channels/helpers';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { alwaysOpenCatalogue, buildService, Built, GENERAL, SUMMARY } from './helpers';
import { DEMO_COUNSELLOR } from './runtime';

const ROUNDS = 50;

/** NODE_ENV test as before; 50 residents from one test address: the per-address limits are not under test here. */
function startOpastin(prefix: string): Promise<ServerProcess> {
  return startServer({
    NODE_ENV: 'test', LOG_LEVEL: 'info', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, DIRECT_LINE_SECRET: TEST_SECRET,
    CHAT_TOKEN_RATE_LIMIT: '1000', DIRECT_LINE_POST_RATE_LIMIT: '1000',
  }, 120_000);
}

describe('two server processes: accept on one, cancel on the other', () => {
  jest.setTimeout(180000);
  const prefix = uniquePrefix('handoff-procs');
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let setup: Built;
  beforeAll(async () => {
    [a, b] = await Promise.all([startOpastin(prefix), startOpastin(prefix)]);
    // Queues the resident in the shared Redis (the request is set-up here, not under test).
    setup = buildService('redis', { prefix, catalogue: alwaysOpenCatalogue() });
  });
  afterAll(async () => {
    await setup?.close();
    await Promise.all([a?.stop(), b?.stop()]);
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
