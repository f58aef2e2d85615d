/**
 * Two runtimes (two "server processes") sharing the test Redis: a resident posts on A and reads
 * the reply through B, over REST and over B's WebSocket; deleting on B removes it for A too.
 */
import request from 'supertest';
import WebSocket from 'ws';
import { uniquePrefix } from '../support/redisTest';
import { dlRuntime, listen, Listening, startConversation } from './helpers';

describe('two server processes, one Redis', () => {
  const prefix = uniquePrefix('two');
  const a = dlRuntime({ redis: true, prefix });
  const b = dlRuntime({ redis: true, prefix });
  let serverB: Listening;
  beforeAll(async () => {
    serverB = await listen(b);
  });
  afterAll(async () => {
    await serverB.close();
    await Promise.all([a.close(), b.close()]);
  });
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('post on A, read the reply via B (REST)', async () => {
    const c = await startConversation(a.app);
    const posted = await request(a.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    const { body } = await request(b.app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${c.watermark}`).set(auth(c.token)).expect(200);
    // After the greeting: the resident's message, then every bot reply to it.
    expect(body.activities[0].id).toBe(posted.body.id);
    expect(body.activities.length).toBeGreaterThan(1);
    for (const reply of body.activities.slice(1)) expect(reply).toMatchObject({ from: { role: 'bot' }, replyToId: posted.body.id });
  });

  it('20 quick posts alternating between A and B are answered in transcript order', async () => {
    const c = await startConversation(a.app);
    const words = ['hei', 'mielenterveys', 'omasta', 'en tiedä', 'kyllä'];
    await Promise.all(Array.from({ length: 20 }, (_, i) =>
      request((i % 2 === 0 ? a : b).app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token))
        .send({ type: 'message', text: words[i % words.length], locale: 'fi-FI' }).expect(200)));
    const all: { id: string; from: { role?: string }; replyToId?: string }[] = [];
    let watermark = '';
    for (;;) {
      const { body } = await request(b.app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${watermark}`).set(auth(c.token)).expect(200);
      if (body.activities.length === 0) break;
      all.push(...body.activities);
      watermark = body.watermark;
    }
    const residentIds = all.filter((x) => x.from.role === 'user').map((x) => x.id);
    expect(residentIds).toHaveLength(20);
    // Each bot reply answers a resident message; in transcript order, those must not go back.
    const answered = all.filter((x) => x.from.role === 'bot' && x.replyToId && residentIds.includes(x.replyToId)).map((x) => residentIds.indexOf(x.replyToId!));
    expect(answered.length).toBeGreaterThanOrEqual(20);
    expect(answered).toEqual([...answered].sort((x, y) => x - y));
  });

  it("post on A, the reply is pushed on B's WebSocket", async () => {
    const c = await startConversation(a.app);
    const reconnect = await request(b.app).get(`/v3/directline/conversations/${c.conversationId}?watermark=${c.watermark}`).set(auth(c.token)).expect(200);
    const streamUrl = reconnect.body.streamUrl.replace(/^ws:\/\/[^/]+/, serverB.wsUrl);
    const ws = new WebSocket(streamUrl);
    const received: { id: string; from: { role: string } }[] = [];
    const gotReply = new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        const text = data.toString();
        if (!text) return; // keep-alive
        const frame = JSON.parse(text) as { activities: typeof received; watermark: string };
        received.push(...frame.activities);
        if (received.some((x) => x.from.role === 'bot' && (x as { replyToId?: string }).replyToId)) resolve();
      });
    });
    await new Promise((resolve) => ws.once('open', resolve));
    await request(a.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    await gotReply;
    expect(received[0].from.role).toBe('user');
    ws.close();
  });

  it("B's socket opened after B's start gets what A appended meanwhile, not only the greeting B kept", async () => {
    const c = await startConversation(b.app);
    await request(a.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    const { body: all } = await request(a.app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).expect(200);
    expect(Number(all.watermark)).toBeGreaterThan(Number(c.watermark));
    const ws = new WebSocket(c.streamUrl.replace(/^ws:\/\/[^/]+/, serverB.wsUrl));
    const received: unknown[] = [];
    await new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        if (!data.toString()) return; // keep-alive
        const frame = JSON.parse(data.toString()) as { activities: unknown[]; watermark: string };
        received.push(...frame.activities);
        if (frame.watermark === all.watermark) resolve();
      });
    });
    ws.close();
    expect(received).toEqual(all.activities);
  });

  it('end and delete on B removes the conversation for A', async () => {
    const c = await startConversation(a.app);
    await request(a.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    await request(b.app).delete('/api/chat/conversation').set(auth(c.token)).expect(200);
    expect(await a.redis!.keys(`*${c.conversationId}*`)).toEqual([]);
    await request(a.app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).expect(404);
  });
});

describe('WebSocket stream (ws client, memory state)', () => {
  const runtime = dlRuntime();
  let server: Listening;
  beforeAll(async () => {
    server = await listen(runtime);
  });
  afterAll(async () => {
    await server.close();
    await runtime.close();
  });

  function open(url: string): Promise<{ ws: WebSocket; frames: string[] }> {
    const ws = new WebSocket(url);
    const frames: string[] = [];
    ws.on('message', (d) => frames.push(d.toString()));
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve({ ws, frames }));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  it('sends the backlog after the watermark, then new activities, and empty keep-alive frames', async () => {
    const c = await startConversation(runtime.app);
    await request(runtime.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set('Authorization', `Bearer ${c.token}`).send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    const mine = Number(c.watermark) + 1; // the greeting, then the resident's own message
    const url = c.streamUrl.replace(/^ws:\/\/[^/]+/, server.wsUrl).replace('watermark=', `watermark=${mine}`);
    const { ws, frames } = await open(url);
    await new Promise<void>((resolve) => ws.on('message', (d) => d.toString() === '' && resolve()));
    const first = JSON.parse(frames.find((f) => f !== '')!);
    // Everything after the resident's own message: the bot's replies, numbered on.
    expect(first.activities[0].id).toBe(`${c.conversationId}|${String(mine + 1).padStart(7, '0')}`);
    expect(first.watermark).toBe(String(mine + first.activities.length));
    ws.close();
  });

  it.each([
    ['no token', (u: string) => u.replace(/&t=[^&]+/, ''), 401],
    ['a conversation token of another conversation', (u: string, other: string) => u.replace(/&t=[^&]+/, `&t=${other}`), 403],
    ['an unknown path', (u: string) => u.replace('/stream', '/streamx'), 404],
  ])('refuses the upgrade with %s', async (_name, change, status) => {
    const c = await startConversation(runtime.app);
    const other = await startConversation(runtime.app);
    const otherStream = new URL(other.streamUrl).searchParams.get('t')!;
    const url = change(c.streamUrl.replace(/^ws:\/\/[^/]+/, server.wsUrl), otherStream);
    await expect(open(url)).rejects.toThrow(`HTTP ${status}`);
  });
});
