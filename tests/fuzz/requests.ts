/**
 * What the fuzzer sends: one request description per call, over every public surface —
 * /api/messages, /v3/directline/*, /api/chat/* and the console API — and the one rule every
 * answer must keep: 2xx, or a 4xx with a JSON `{ error }` body; never 5xx, never a hang.
 */
import fc from 'fast-check';
import request from 'supertest';
import type { Express } from 'express';
import { anyValue, locale, looseRecord, oddString, rawBody } from './arbitraries';

export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  /** JSON value to send, or a raw string sent as application/json. */
  body?: unknown;
  raw?: string;
}

export interface FuzzContext {
  secret: string;
  /** Conversations started before the run (token and id). */
  conversations: { conversationId: string; token: string }[];
  consoleCookie: string;
  csrf: string;
}

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send them). */
const seg = (s: string): string =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');

function activity(): fc.Arbitrary<Record<string, unknown>> {
  return looseRecord({
    type: fc.constantFrom('message', 'event', 'typing', 'conversationUpdate', 'invoke', 'endOfConversation', 'installationUpdate'),
    text: oddString,
    locale,
    value: anyValue,
    name: fc.constantFrom('webchat/join', 'x', ''),
    entities: fc.array(fc.object({ maxDepth: 2 }), { maxLength: 3 }),
    channelData: fc.object({ maxDepth: 2 }),
    textFormat: fc.constantFrom('plain', 'markdown', 'xml'),
    attachments: fc.array(fc.object({ maxDepth: 2 }), { maxLength: 2 }),
    suggestedActions: fc.object({ maxDepth: 3 }),
  });
}

/** Bot Framework: an activity with every field possibly of the wrong type. */
export function botFrameworkRequest(): fc.Arbitrary<FuzzRequest> {
  const body = fc.tuple(activity(), looseRecord({
    id: oddString,
    channelId: fc.constantFrom('test', 'emulator', 'msteams'),
    serviceUrl: fc.constantFrom('http://localhost:9', 'http://127.0.0.1:9', 'https://evil.example', 'javascript:alert(1)'),
    conversation: looseRecord({ id: fc.oneof(fc.uuid(), oddString) }),
    from: looseRecord({ id: oddString, name: oddString, role: fc.constantFrom('user', 'bot') }),
    recipient: looseRecord({ id: oddString }),
    deliveryMode: fc.constantFrom('expectReplies', 'normal'),
    membersAdded: fc.array(looseRecord({ id: oddString }), { maxLength: 3 }),
  })).map(([a, b]) => ({ ...a, ...b }));
  return fc.oneof(
    { arbitrary: body.map((b): FuzzRequest => ({ method: 'POST', path: '/api/messages', headers: {}, body: b })), weight: 5 },
    { arbitrary: rawBody.map((raw): FuzzRequest => ({ method: 'POST', path: '/api/messages', headers: {}, raw })), weight: 1 },
  );
}

export function directLineRequest(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const conv = fc.constantFrom(...ctx.conversations);
  const auth = fc.oneof(
    { arbitrary: conv.map((c) => `Bearer ${c.token}`), weight: 4 },
    { arbitrary: fc.constant(`Bearer ${ctx.secret}`), weight: 1 },
    { arbitrary: oddString.map((s) => `Bearer ${s}`), weight: 1 },
    { arbitrary: oddString, weight: 1 },
  );
  const id = fc.oneof(conv.map((c) => c.conversationId), oddString);
  return fc.oneof(
    fc.tuple(id, auth, activity()).map(([c, a, b]): FuzzRequest => ({ method: 'POST', path: `/v3/directline/conversations/${seg(c)}/activities`, headers: { Authorization: a }, body: b })),
    fc.tuple(id, auth, rawBody).map(([c, a, raw]): FuzzRequest => ({ method: 'POST', path: `/v3/directline/conversations/${seg(c)}/activities`, headers: { Authorization: a }, raw })),
    fc.tuple(id, auth, fc.oneof(fc.nat().map(String), oddString)).map(([c, a, w]): FuzzRequest => ({ method: 'GET', path: `/v3/directline/conversations/${seg(c)}/activities?watermark=${seg(String(w))}`, headers: { Authorization: a } })),
    fc.tuple(id, auth).map(([c, a]): FuzzRequest => ({ method: 'GET', path: `/v3/directline/conversations/${seg(c)}?watermark=${seg('1')}`, headers: { Authorization: a } })),
    fc.tuple(auth, anyValue).map(([a, b]): FuzzRequest => ({ method: 'POST', path: '/v3/directline/conversations', headers: { Authorization: a }, body: { x: b } })),
    fc.tuple(auth, looseRecord({ user: looseRecord({ id: oddString }) })).map(([a, b]): FuzzRequest => ({ method: 'POST', path: '/v3/directline/tokens/generate', headers: { Authorization: a }, body: b })),
    auth.map((a): FuzzRequest => ({ method: 'POST', path: '/v3/directline/tokens/refresh', headers: { Authorization: a } })),
    fc.tuple(id, auth).map(([c, a]): FuzzRequest => ({ method: 'POST', path: `/v3/directline/conversations/${seg(c)}/upload`, headers: { Authorization: a }, raw: 'x' })),
    fc.tuple(oddString, auth).map(([p, a]): FuzzRequest => ({ method: 'GET', path: `/v3/directline/${seg(p)}`, headers: { Authorization: a } })),
  );
}

/** The page's own endpoints; the delete uses a fresh conversation's token or odd ids with the secret. */
export function chatRequest(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    fc.constant<FuzzRequest>({ method: 'POST', path: '/api/chat/token', headers: {} }),
    fc.tuple(oddString, fc.boolean()).map(([id, secret]): FuzzRequest => ({
      method: 'DELETE', path: `/api/chat/conversation?conversationId=${seg(id)}`, headers: secret ? { Authorization: `Bearer ${ctx.secret}` } : {},
    })),
    oddString.map((t): FuzzRequest => ({ method: 'DELETE', path: '/api/chat/conversation', headers: { Authorization: `Bearer ${t}` } })),
  );
}

export function consoleRequest(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const signed = { Cookie: ctx.consoleCookie, 'X-CSRF-Token': ctx.csrf };
  const id = fc.oneof(fc.constantFrom(...ctx.conversations.map((c) => c.conversationId)), oddString);
  const action = fc.constantFrom('messages', 'notes', 'end', 'transfer', 'accept', 'typing');
  return fc.oneof(
    looseRecord({ username: fc.constantFrom('demo.ohjaaja', 'nobody'), password: oddString }).map((b): FuzzRequest => ({ method: 'POST', path: '/counsellor/api/session', headers: {}, body: b })),
    rawBody.map((raw): FuzzRequest => ({ method: 'POST', path: '/counsellor/api/session', headers: {}, raw })),
    looseRecord({ status: fc.constantFrom('online', 'away'), queues: fc.array(oddString, { maxLength: 3 }) }).map((b): FuzzRequest => ({ method: 'PUT', path: '/counsellor/api/presence', headers: signed, body: b })),
    fc.tuple(id, action, looseRecord({ text: oddString, mode: fc.constantFrom('close', 'back-to-bot'), queueId: oddString })).map(([c, a, b]): FuzzRequest => ({
      method: 'POST', path: `/counsellor/api/conversations/${seg(c)}/${a}`, headers: signed, body: b,
    })),
    fc.tuple(id, fc.constantFrom('', '/messages')).map(([c, s]): FuzzRequest => ({ method: 'GET', path: `/counsellor/api/conversations/${seg(c)}${s}`, headers: signed })),
    fc.constantFrom('waiting', 'queues', 'mine', 'session').map((p): FuzzRequest => ({ method: 'GET', path: `/counsellor/api/${p}`, headers: signed })),
    oddString.map((l): FuzzRequest => ({ method: 'GET', path: `/counsellor/api/audit?limit=${seg(l)}`, headers: signed })),
    oddString.map((l): FuzzRequest => ({ method: 'GET', path: `/counsellor/api/canned-replies?lang=${seg(l)}`, headers: signed })),
  );
}

export interface FuzzAnswer {
  status: number;
  ok: boolean;
  why?: string;
}

/** Sends one request in-process and checks the rule. */
export async function sendAndCheck(app: Express, r: FuzzRequest): Promise<FuzzAnswer> {
  let req = request(app)[r.method === 'DELETE' ? 'delete' : (r.method.toLowerCase() as 'get' | 'post' | 'put')](r.path).timeout(15_000);
  for (const [k, v] of Object.entries(r.headers)) {
    // Header values with control characters cannot even be sent; the client refuses them.
    if (/^[\t\x20-\x7e\x80-\xff]*$/.test(v)) req = req.set(k, v);
  }
  let res: request.Response;
  if (r.raw !== undefined) res = await req.set('Content-Type', 'application/json').send(r.raw);
  else if (r.body !== undefined) res = await req.send(r.body as object);
  else res = await req;
  if (res.status >= 500) return { status: res.status, ok: false, why: `${res.status}: ${res.text.slice(0, 200)}` };
  if (res.status >= 400) {
    const json = /json/.test(String(res.headers['content-type'])) && res.body && typeof res.body.error === 'object';
    if (!json) return { status: res.status, ok: false, why: `${res.status} without a JSON error: ${String(res.headers['content-type'])} ${res.text.slice(0, 200)}` };
  }
  return { status: res.status, ok: true };
}
