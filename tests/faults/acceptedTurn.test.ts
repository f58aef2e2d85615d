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
import { NUMBERING_SCRIPT_DIGESTS } from '../../src/channels/directline/redisActivityStore';
import { APOLOGY, ServerProcess, startServer } from './support';

jest.setTimeout(180_000);

interface Activity { id: string; type: string; text?: string; from: { role?: string }; replyToId?: string }

let redis: RedisServerHandle;
let proxy: HoldingProxy;
let a: ServerProcess;
let b: ServerProcess;
const env = { REDIS_KEY_PREFIX: uniquePrefix('accepted'), DIRECT_LINE_SECRET: 'fault-secret-0123456789abcdefghijklmnopqrstuvwxyz' };
beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startHoldingProxy(redis.port);
  [a, b] = await Promise.all([startA(), startServer({ ...env, REDIS_URL: redis.url }, 120_000)]);
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

/** A on the proxy: a fresh process for each kill. */
function startA(): Promise<ServerProcess> {
  return startServer({ ...env, REDIS_URL: proxy.url }, 120_000);
}

/** How many replies one normal run of the turn gives (a conversation nobody kills, on B). */
async function repliesOfOneRun(text: string): Promise<number> {
  const reference = await residentOnB();
  const posted = (await (await post(b.url, reference, text)).json()) as { id: string };
  await reference.next(isReplyTo(posted.id));
  // B's next turn queues behind this one: once it is answered, every reply of the first is in.
  const next = (await (await post(b.url, reference, text)).json()) as { id: string };
  await reference.next(isReplyTo(next.id));
  reference.close();
  return reference.received.filter(isReplyTo(posted.id)).length;
}

/**
 * Posts on A, freezes A after its `frozenAfter`-th script that numbers and stores activities
 * (src/channels/directline/redisActivityStore.ts, sent by digest: 1 = the post's acceptance, 2 = also the script
 * that ends the turn, storing its state and replies together), kills it, and returns how long
 * after the kill B's reply came and how many replies the turn got in all.
 */
async function killMidTurn(frozenAfter: number, text: string): Promise<{ ms: number; replies: number; reply: Activity }> {
  const resident = await residentOnB();
  const frozen = proxy.holdAfter(NUMBERING_SCRIPT_DIGESTS, frozenAfter);
  const answer = post(a.url, resident, text).catch(() => null);
  await frozen;
  a.child.kill('SIGKILL');
  const killed = Date.now();
  // Frozen at acceptance, A never answered the HTTP request; frozen after the turn's end it may have.
  if (frozenAfter === 1) expect(await answer).toBeNull();

  const own = await resident.next((x) => x.from.role === 'user');
  const reply = await Promise.race([
    resident.next((x) => isReplyTo(own.id)(x) && resident.received.filter(isReplyTo(own.id)).length >= frozenAfter),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reply 15 s after the kill')), 15_000)),
  ]);
  const ms = Date.now() - killed;
  // B's next turn on the conversation queues behind the recovered one: once it is answered, the
  // recovered turn has finished.
  const afterPosted = (await (await post(b.url, resident, text)).json()) as { id: string };
  await resident.next(isReplyTo(afterPosted.id));
  resident.close();
  return { ms, replies: resident.received.filter(isReplyTo(own.id)).length, reply };
}

it("a post A accepted is answered on the resident's stream by B within 5 s of killing A mid-turn, once", async () => {
  const expected = await repliesOfOneRun('hei');
  const { ms, replies, reply } = await killMidTurn(1, 'hei');
  expect(reply.text ?? '').not.toMatch(APOLOGY);
  expect(ms).toBeLessThan(5000);
  expect(replies).toBe(expected);
  console.log(`accepted turn answered ${ms} ms after the kill`);
});

it('a turn killed right after the script that stored its state and replies is not run again by B', async () => {
  a = await startA();
  // "apua" (help) gets two messages, appended together with the turn's state write.
  const expected = await repliesOfOneRun('apua');
  expect(expected).toBeGreaterThan(1);
  const { ms, replies } = await killMidTurn(2, 'apua');
  expect(ms).toBeLessThan(5000);
  expect(replies).toBe(expected); // once: the state write retired the pending turn
});
