/**
 * Direct Line 3.0 over HTTP, in-process (supertest), against memory and Redis state: tokens,
 * conversations, watermarks, the bad-input matrix, what the channel decides for the client,
 * and "end and delete".
 */
import request from 'supertest';
import { signToken } from '../../src/channels/directline/tokens';
import { dlRuntime, startConversation, TEST_SECRET } from './helpers';

describe.each([['memory', false], ['redis', true]])('Direct Line protocol (%s)', (_name, useRedis) => {
  const runtime = dlRuntime({ redis: useRedis as boolean });
  const app = runtime.app;
  afterAll(() => runtime.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('issues a page token bound to a new conversation and a server-chosen dl_ user', async () => {
    const res = await request(app).post('/api/chat/token').expect(200);
    expect(res.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
    expect(res.body.userId).toMatch(/^dl_/);
    expect(res.headers['cache-control']).toBe('no-store');
    const claims = JSON.parse(Buffer.from(res.body.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ conv: res.body.conversationId, user: res.body.userId });
  });

  it('generates tokens with the secret (tokens/generate) and refuses them without it', async () => {
    const res = await request(app).post('/v3/directline/tokens/generate').set(auth(TEST_SECRET)).send({}).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    const refused = await request(app).post('/v3/directline/tokens/generate').set(auth(res.body.token)).expect(401);
    expect(refused.body.error.code).toBe('Unauthorized');
  });

  it('a re-sent post (same clientActivityID, its first POST answer lost) is stored and answered once', async () => {
    const c = await startConversation(app, 'fi-FI');
    const post = { type: 'message', text: 'hei', locale: 'fi-FI', channelData: { clientActivityID: 'resent-1' } };
    const first = await request(app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send(post).expect(200);
    const again = await request(app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send(post).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const { body } = await request(app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${c.watermark}`).set(auth(c.token)).expect(200);
    const mine = body.activities.filter((x: { from: { role?: string } }) => x.from.role === 'user');
    expect(mine).toHaveLength(1);
    const replies = body.activities.filter((x: { replyToId?: string; type: string }) => x.replyToId === first.body.id && x.type === 'message');
    const greetingTurn = await startConversation(app, 'fi-FI'); // one normal run of the same turn, for the count
    const once = await request(app).post(`/v3/directline/conversations/${greetingTurn.conversationId}/activities`).set(auth(greetingTurn.token)).send({ ...post, channelData: {} }).expect(200);
    const reference = await request(app).get(`/v3/directline/conversations/${greetingTurn.conversationId}/activities?watermark=${greetingTurn.watermark}`).set(auth(greetingTurn.token)).expect(200);
    expect(replies.length).toBe(reference.body.activities.filter((x: { replyToId?: string; type: string }) => x.replyToId === once.body.id && x.type === 'message').length);
  });

  it('starts a conversation (201 with streamUrl and referenceGrammarId), then answers 200 again', async () => {
    const issued = await request(app).post('/api/chat/token');
    const first = await request(app).post('/v3/directline/conversations').set(auth(issued.body.token)).expect(201);
    expect(first.body).toMatchObject({ conversationId: issued.body.conversationId, token: issued.body.token, expires_in: 1800 });
    expect(first.body.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${issued.body.conversationId}/stream\\?watermark=&t=`));
    expect(first.body.referenceGrammarId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    await request(app).post('/v3/directline/conversations').set(auth(issued.body.token)).expect(200);
  });

  it('answers the POSTs of a conversation (token, start, post) as JSON without an ETag, which no POST answer uses', async () => {
    const token = await request(app).post('/api/chat/token').expect(200);
    const start = await request(app).post('/v3/directline/conversations').set(auth(token.body.token)).expect(201);
    const post = await request(app).post(`/v3/directline/conversations/${token.body.conversationId}/activities`).set(auth(token.body.token))
      .send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    for (const res of [token, start, post]) {
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers.etag).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    }
    expect(post.body).toEqual({ id: expect.stringMatching(new RegExp(`^${token.body.conversationId}\\|\\d{7}$`)) });
  });

  it('starts a conversation with the secret too (server-side callers)', async () => {
    const res = await request(app).post('/v3/directline/conversations').set(auth(TEST_SECRET)).expect(201);
    expect(res.body.token).not.toBe(TEST_SECRET);
    await request(app).get(`/v3/directline/conversations/${res.body.conversationId}/activities`).set(auth(res.body.token)).expect(200);
  });

  it('refreshes a token and reconnects with a fresh streamUrl carrying the watermark', async () => {
    const c = await startConversation(app);
    const refreshed = await request(app).post('/v3/directline/tokens/refresh').set(auth(c.token)).expect(200);
    expect(refreshed.body.conversationId).toBe(c.conversationId);
    expect(refreshed.body.token).not.toBe(c.token);
    const again = await request(app).get(`/v3/directline/conversations/${c.conversationId}?watermark=3`).set(auth(refreshed.body.token)).expect(200);
    expect(again.body.streamUrl).toContain('watermark=3&t=');
    expect(again.body.streamUrl).not.toBe(c.streamUrl);
  });

  it('stamps what the channel owns: from.id from the token, ids, timestamp; echoes channelData as sent', async () => {
    const c = await startConversation(app);
    const posted = await request(app)
      .post(`/v3/directline/conversations/${c.conversationId}/activities`)
      .set(auth(c.token))
      .send({
        type: 'message', text: 'hei', locale: 'fi-FI', from: { id: 'someone-else', name: 'Matti Meikäläinen', role: 'bot' },
        recipient: { id: 'x' }, conversation: { id: 'other' }, id: 'mine', channelId: 'evil', serviceUrl: 'https://attacker.example/',
        channelData: { clientActivityID: 'cid-1', clientActivityId: 'dljs-1', own: { n: 1 } }, attachments: [{ contentType: 'text/html', content: '<b>x</b>' }],
      })
      .expect(200);
    expect(posted.body).toEqual({ id: `${c.conversationId}|${String(Number(c.watermark) + 1).padStart(7, '0')}` });
    const { body } = await request(app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${c.watermark}`).set(auth(c.token)).expect(200);
    const [mine, reply] = body.activities; // the resident's message (after the greeting), then the bot's reply
    expect(mine).toMatchObject({
      id: posted.body.id, type: 'message', text: 'hei', channelId: 'directline', from: { id: c.userId, role: 'user' },
      conversation: { id: c.conversationId }, recipient: { id: 'opastin', role: 'bot' },
    });
    expect(mine.from.name).toBeUndefined();
    // channelData comes back as the client sent it (the real service does the same).
    expect(mine.channelData).toEqual({ clientActivityID: 'cid-1', clientActivityId: 'dljs-1', own: { n: 1 } });
    expect(mine.attachments).toBeUndefined();
    expect(mine.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\/directline$/);
    expect(new Date(mine.timestamp).getTime()).toBeGreaterThan(Date.now() - 60000);
    expect(reply).toMatchObject({ type: 'message', from: { id: 'opastin', role: 'bot' }, replyToId: posted.body.id, recipient: { id: c.userId } });
    expect(reply.text).toBeTruthy();
    expect(body.watermark).toBe(String(Number(c.watermark) + body.activities.length));
  });

  it('answers in the activity locale', async () => {
    const c = await startConversation(app);
    await request(app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'hej', locale: 'sv-SE' }).expect(200);
    const { body } = await request(app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${Number(c.watermark) + 1}`).set(auth(c.token));
    expect(body.activities[0].text).toMatch(/Hej|Vad/);
  });

  it('returns only activities after the watermark', async () => {
    const c = await startConversation(app);
    const post = (text: string) =>
      request(app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text, locale: 'fi-FI' }).expect(200);
    const read = (watermark?: string) =>
      request(app).get(`/v3/directline/conversations/${c.conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`).set(auth(c.token));
    await post('hei');
    const first = await read();
    const second = await post('Perhe ja lapset');
    const later = await read(first.body.watermark);
    expect(later.body.activities[0]).toMatchObject({ id: second.body.id, text: 'Perhe ja lapset' });
    expect(later.body.activities.length).toBeGreaterThan(1);
    for (const reply of later.body.activities.slice(1)) expect(reply.replyToId).toBe(second.body.id);
    const all = await read();
    expect(all.body.activities).toHaveLength(first.body.activities.length + later.body.activities.length);
    const none = await read(all.body.watermark);
    expect(none.body).toEqual({ activities: [], watermark: all.body.watermark });
  });

  describe('bad input: the proper 4xx with a JSON error, and nothing appended', () => {
    let c: Awaited<ReturnType<typeof startConversation>>;
    let other: Awaited<ReturnType<typeof startConversation>>;
    beforeAll(async () => {
      c = await startConversation(app);
      other = await startConversation(app);
    });
    const expired = () => signToken(TEST_SECRET, { conv: c.conversationId, user: c.userId }, 60, Date.now() - 3600_000);
    const forged = () => signToken('another-secret-of-at-least-32-characters', { conv: c.conversationId, user: c.userId }, 600);
    const cases: [string, () => { token?: string; conv?: string; body: string | object; type?: string }, number, string][] = [
      ['a body that is not JSON', () => ({ body: '{"type": "message",', type: 'application/json' }), 400, 'InvalidJson'],
      ['a JSON array', () => ({ body: '[]', type: 'application/json' }), 400, 'BadArgument'],
      ['a text/plain body', () => ({ body: 'hei', type: 'text/plain' }), 400, 'BadArgument'],
      ['an activity without a type', () => ({ body: { text: 'hei' } }), 400, 'MissingProperty'],
      ['a conversationUpdate from the client', () => ({ body: { type: 'conversationUpdate' } }), 400, 'BadArgument'],
      ['a text over 4,000 characters', () => ({ body: { type: 'message', text: 'x'.repeat(4001) } }), 413, 'MessageSizeTooBig'],
      ['a body over 64 kB', () => ({ body: { type: 'message', value: 'x'.repeat(70_000) } }), 413, 'PayloadTooLarge'],
      ['no token', () => ({ token: '', body: { type: 'message', text: 'hei' } }), 401, 'Unauthorized'],
      ['a forged token', () => ({ token: forged(), body: { type: 'message', text: 'hei' } }), 401, 'Unauthorized'],
      ['a garbage token', () => ({ token: 'not.a.jwt', body: { type: 'message', text: 'hei' } }), 401, 'Unauthorized'],
      ['an expired token', () => ({ token: expired(), body: { type: 'message', text: 'hei' } }), 403, 'TokenExpired'],
      ["another conversation's token", () => ({ token: other.token, body: { type: 'message', text: 'hei' } }), 403, 'Forbidden'],
      ['an unknown conversation (secret)', () => ({ token: TEST_SECRET, conv: 'no-such-conversation', body: { type: 'message', text: 'hei' } }), 404, 'NotFound'],
    ];
    it.each(cases)('%s', async (_name, make, status, code) => {
      const input = make();
      let req = request(app).post(`/v3/directline/conversations/${input.conv ?? c.conversationId}/activities`);
      const token = input.token ?? c.token;
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      if (input.type) req = req.set('Content-Type', input.type);
      const res = await req.send(input.body as string);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error).toEqual({ code, message: expect.any(String) });
      for (const conv of [c, other]) {
        const page = await request(app).get(`/v3/directline/conversations/${conv.conversationId}/activities?watermark=${conv.watermark}`).set(auth(conv.token)).expect(200);
        expect(page.body.activities).toEqual([]);
      }
    });

    it('GET on an unknown conversation is 404, and with another token 403', async () => {
      expect((await request(app).get('/v3/directline/conversations/nope/activities').set(auth(TEST_SECRET))).status).toBe(404);
      expect((await request(app).get(`/v3/directline/conversations/${other.conversationId}/activities`).set(auth(c.token))).status).toBe(403);
    });

    it('a stream token opens only the WebSocket', async () => {
      const t = new URL(c.streamUrl).searchParams.get('t')!;
      const res = await request(app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(t));
      expect(res.status).toBe(403);
    });
  });

  it('posts proactively with postToConversation (counsellor text sanitised, never as the resident)', async () => {
    const c = await startConversation(app);
    const { id } = await runtime.directLine.channel.postToConversation(c.conversationId, {
      text: 'Hei, olen ohjaaja. <img src=x onerror=alert(1)> [klikkaa](javascript:alert(1))',
      from: { id: c.userId, name: 'Ohjaaja' } as never,
    });
    const { body } = await request(app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${c.watermark}`).set(auth(c.token));
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0]).toMatchObject({ id, type: 'message', from: { id: 'opastin', name: 'Ohjaaja', role: 'bot' }, recipient: { id: c.userId } });
    expect(body.activities[0].text).toBe('Hei, olen ohjaaja. &lt;img src=x onerror=alert(1)> klikkaa');
    await expect(runtime.directLine.channel.postToConversation('no-such', { text: 'x' })).rejects.toThrow(/not found/);
  });

  it('end and delete: removes activities, state and the conversation; its token then gets 404', async () => {
    const c = await startConversation(app);
    await request(app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'hei', locale: 'fi-FI' }).expect(200);
    const stateKey = `directline/conversations/${c.conversationId}/`; // ConversationState's key (namespace "")
    expect(Object.keys(await runtime.storage.read([stateKey]))).toEqual([stateKey]);
    if (runtime.redis) expect((await runtime.redis.keys(`*${c.conversationId}*`)).length).toBeGreaterThanOrEqual(3);

    await request(app).delete('/api/chat/conversation').expect(401);
    const res = await request(app).delete('/api/chat/conversation').set(auth(c.token)).expect(200);
    expect(res.body).toEqual({ deleted: true, conversationId: c.conversationId });

    expect(await runtime.storage.read([stateKey])).toEqual({});
    if (runtime.redis) expect(await runtime.redis.keys(`*${c.conversationId}*`)).toEqual([]);
    expect((await request(app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token))).status).toBe(404);
    expect((await request(app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth(c.token)).send({ type: 'message', text: 'x' })).status).toBe(404);
    expect((await request(app).post('/v3/directline/conversations').set(auth(c.token))).status).toBe(404);
    expect((await request(app).delete('/api/chat/conversation').set(auth(c.token))).status).toBe(404);
  });

  it('end and delete accepts the resident\'s expired token', async () => {
    const c = await startConversation(app);
    const old = signToken(TEST_SECRET, { conv: c.conversationId, user: c.userId }, 60, Date.now() - 3600_000);
    await request(app).delete('/api/chat/conversation').set(auth(old)).expect(200);
  });
});

describe('rate limits', () => {
  const runtime = dlRuntime({ env: { CHAT_TOKEN_RATE_LIMIT: '2', DIRECT_LINE_POST_RATE_LIMIT: '2' } });
  afterAll(() => runtime.close());

  it('answers 429 JSON after too many new conversations from one address', async () => {
    await request(runtime.app).post('/api/chat/token').expect(200);
    await request(runtime.app).post('/api/chat/token').expect(200);
    const res = await request(runtime.app).post('/api/chat/token');
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('TooManyRequests');
    expect(res.headers['ratelimit-policy'] ?? res.headers.ratelimit).toBeDefined();
  });

  it('answers 429 JSON after too many posts in one conversation', async () => {
    const c = await request(runtime.app).post('/v3/directline/conversations').set('Authorization', `Bearer ${TEST_SECRET}`).expect(201);
    const post = () => request(runtime.app).post(`/v3/directline/conversations/${c.body.conversationId}/activities`).set('Authorization', `Bearer ${c.body.token}`).send({ type: 'typing' });
    await post().expect(200);
    await post().expect(200);
    const res = await post();
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('TooManyRequests');
  });
});
