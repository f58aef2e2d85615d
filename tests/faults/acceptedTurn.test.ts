/**
 * A message a process had accepted is answered by another after the first is SIGKILLed mid-turn
 * (src/state/turnRecovery.ts). Two real server processes on one real Redis; A reaches Redis
 * through a proxy that freezes A's connection right after the script that accepted the post
 * (numbered it, stored it, queued its turn), so A is killed provably inside that turn. The
 * resident's WebSocket is on B: the reply must arrive there within 5 s of the kill, once.
 */
import WebSocket from 'ws';
import { startRedisServer, RedisServerHandle } from '../support/redisServer';
import { uniquePrefix } from '../support/redisTest';
import { startHoldingProxy, HoldingProxy } from '../support/redisProxy';
import { APOLOGY, ServerProcess, startServer } from './support';

jest.setTimeout(180_000);

interface Activity { id: string; type: string; text?: string; from: { role?: string }; replyToId?: string }

let redis: RedisServerHandle;
let proxy: HoldingProxy;
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startHoldingProxy(redis.port);
  const env = { REDIS_KEY_PREFIX: uniquePrefix('accepted'), DIRECT_LINE_SECRET: 'fault-secret-0123456789abcdefghijklmnopqrstuvwxyz' };
  [a, b] = await Promise.all([startServer({ ...env, REDIS_URL: proxy.url }, 120_000), startServer({ ...env, REDIS_URL: redis.url }, 120_000)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await proxy?.close();
  await redis?.stop();
});

/** A started conversation on B, with the resident's WebSocket open on B. */
async function residentOnB(): Promise<{ id: string; token: string; received: Activity[]; next: (match: (a: Activity) => boolean) => Promise<Activity>; close: () => void }> {
  const issued = (await (await fetch(`${b.url}/api/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const headers = { Authorization: `Bearer ${issued.token}`, 'Content-Type': 'application/json' };
  const started = (await (await fetch(`${b.url}/v3/directline/conversations`, { method: 'POST', headers, body: '{"locale":"fi-FI"}' })).json()) as { streamUrl: string };
  const ws = new WebSocket(started.streamUrl);
  const received: Activity[] = [];
  const waiting = new Set<() => void>();
  ws.on('message', (data) => {
    const text = data.toString();
    if (!text) return; // keep-alive
    received.push(...(JSON.parse(text) as { activities: Activity[] }).activities);
    waiting.forEach((check) => check());
  });
  await new Promise((resolve) => ws.once('open', resolve));
  const next = (match: (x: Activity) => boolean) =>
    new Promise<Activity>((resolve) => {
      const check = (): void => {
        const found = received.find(match);
        if (found) {
          waiting.delete(check);
          resolve(found);
        }
      };
      waiting.add(check);
      check();
    });
  await next((x) => x.from.role === 'bot'); // the greeting
  return { id: issued.conversationId, token: issued.token, received, next, close: () => ws.close() };
}

function post(url: string, conversation: { id: string; token: string }, text: string): Promise<Response> {
  return fetch(`${url}/v3/directline/conversations/${conversation.id}/activities`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${conversation.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, locale: 'fi-FI' }),
  });
}

const isReplyTo = (id: string) => (x: Activity) => x.from.role === 'bot' && x.replyToId === id && x.type === 'message';

it('a post A accepted is answered on the resident\'s stream by B within 5 s of killing A mid-turn, once', async () => {
  // The same message in a conversation nobody kills: how many replies one run of the turn gives.
  const reference = await residentOnB();
  const refPosted = (await (await post(b.url, reference, 'hei')).json()) as { id: string };
  await reference.next(isReplyTo(refPosted.id));
  const expectedReplies = reference.received.filter(isReplyTo(refPosted.id)).length;
  reference.close();

  const resident = await residentOnB();
  // The APPEND script (src/channels/directline/redisActivityStore.ts) accepts the post.
  const frozen = proxy.holdAfter("'HINCRBY', KEYS[1], 'seq'");
  const answer = post(a.url, resident, 'hei').catch(() => null);
  await frozen;
  a.child.kill('SIGKILL');
  const killed = Date.now();
  expect(await answer).toBeNull(); // A never answered the HTTP request

  const own = await resident.next((x) => x.from.role === 'user');
  const reply = await Promise.race([
    resident.next(isReplyTo(own.id)),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reply 15 s after the kill')), 15_000)),
  ]);
  const ms = Date.now() - killed;
  expect(reply.text ?? '').not.toMatch(APOLOGY);
  expect(ms).toBeLessThan(5000);

  // Once: B's next turn on the conversation queues behind the recovered one, so when it is
  // answered the recovered turn has finished; it gave exactly as many replies as one run does.
  const afterPosted = (await (await post(b.url, resident, 'hei')).json()) as { id: string };
  await resident.next(isReplyTo(afterPosted.id));
  expect(resident.received.filter(isReplyTo(own.id))).toHaveLength(expectedReplies);
  resident.close();
  console.log(`accepted turn answered ${ms} ms after the kill`);
});
