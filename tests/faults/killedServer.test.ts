/**
 * Two server processes on one Redis; one is SIGKILLed in the middle of a turn (its reply is on
 * its way to a serviceUrl that never answers). The other process answers that conversation's next
 * message normally within 5 s: the dead turn's lease (3 s) runs out instead of the 30 s it was.
 */
import net from 'node:net';
import { startRedisServer, RedisServerHandle } from '../support/redisServer';
import { uniquePrefix } from '../support/redisTest';
import { APOLOGY, say, ServerProcess, startServer } from './support';

jest.setTimeout(120_000);

let redis: RedisServerHandle;
let a: ServerProcess;
let b: ServerProcess;
let blackHole: net.Server;
const held: net.Socket[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
  const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('kill') };
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
  blackHole = net.createServer((socket) => held.push(socket)); // accepts, never answers
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  held.forEach((s) => s.destroy());
  blackHole.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

it('the other process answers within 5 s after one is killed mid-turn', async () => {
  const conversationId = 'killed-mid-turn';
  expect((await say(b.url, conversationId, 'hei')).text).not.toMatch(APOLOGY);
  const port = (blackHole.address() as net.AddressInfo).port;
  const delivering = new Promise<void>((resolve) => blackHole.once('connection', () => resolve()));
  // A normal (not expectReplies) turn on A: its reply goes to the black hole, so the turn hangs.
  void fetch(`${a.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: 'stuck', channelId: 'test', serviceUrl: `http://127.0.0.1:${port}`,
      conversation: { id: conversationId }, from: { id: 'resident' }, recipient: { id: 'opastin' }, text: 'hei', locale: 'fi-FI',
    }),
  }).catch(() => undefined);
  await delivering;
  a.child.kill('SIGKILL');
  const killed = Date.now();
  const reply = await say(b.url, conversationId, 'hei');
  expect(reply.status).toBe(200);
  expect(reply.text).not.toMatch(APOLOGY);
  expect(Date.now() - killed).toBeLessThan(5000); // lease 3 s + one backstop poll + the turn
});
