/**
 * Graceful shutdown with a resident mid-turn: Redis is paused (SIGSTOP) so the resident's post is
 * provably in flight when the shutdown starts. The open WebSocket is asked to reconnect (1012) at
 * once, the post still gets its answer once Redis is back, and the shutdown then completes well
 * inside the grace period.
 */
import { WebSocket } from 'ws';
import { loadDirectLineConfig } from '../../src/channels/directline';
import { createRuntime, Runtime } from '../../src/server/runtime';
import { shutdownGracefully } from '../../src/server/shutdown';
import { eventually, listen, Listening, TEST_SECRET } from '../channels/helpers';
import { RedisServerHandle, startRedisServer } from '../support/redisServer';
import { capturingLogger, testConfig } from '../support/runtime';

const GRACE_MS = 8000;
let redis: RedisServerHandle;
let runtime: Runtime;
let http: Listening;

beforeAll(async () => {
  redis = await startRedisServer(); // its own server: this test pauses it
  const { config: directLine } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET });
  runtime = createRuntime(testConfig({ REDIS_URL: redis.url, TURN_WAIT_TIMEOUT_MS: '10000' }), capturingLogger('silent').log, { directLine });
  http = await listen(runtime);
});

afterAll(async () => {
  process.kill(redis.pid, 'SIGCONT');
  await redis.stop();
});

it('finishes the turn in flight, closes sockets with 1012 and stops within the grace period', async () => {
  const issued = (await (await fetch(`${http.url}/api/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const auth = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
  const started = (await (await fetch(`${http.url}/v3/directline/conversations`, { method: 'POST', headers: auth })).json()) as { streamUrl: string };
  const ws = new WebSocket(started.streamUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const closeCode = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

  process.kill(redis.pid, 'SIGSTOP');
  const post = fetch(`${http.url}/v3/directline/conversations/${issued.conversationId}/activities`, {
    method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id: 'resident' }, text: 'hei' }),
  });
  await eventually(async () => runtime.turnsInFlight() > 0);

  const t0 = Date.now();
  let stopped = false;
  const shutdown = shutdownGracefully(http.server, runtime, GRACE_MS, capturingLogger('silent').log).then(() => (stopped = true));
  expect(await closeCode).toBe(1012);
  expect(stopped).toBe(false); // still waiting for the resident's turn
  process.kill(redis.pid, 'SIGCONT');
  const res = await post;
  expect(res.status).toBe(200);
  expect((await res.json()) as { id: string }).toHaveProperty('id');
  await shutdown;
  expect(runtime.turnsInFlight()).toBe(0);
  expect(Date.now() - t0).toBeLessThan(GRACE_MS);
});
