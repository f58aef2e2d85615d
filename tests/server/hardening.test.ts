/**
 * Requests crafted to crash, hold or overload the server (issue #12): each gets a JSON 4xx and
 * the process keeps serving. The listener is a real one where the wire matters (upgrade, trickle).
 */
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/server/httpServer';
import { messageActivity } from '../support/activities';
import { dlRuntime, startConversation } from '../channels/helpers';

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Sends raw bytes and resolves with everything the server answered before closing. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('crafted requests get a JSON 4xx and the process lives', () => {
  const runtime = dlRuntime();
  let server: { url: string; wsUrl: string; http: http.Server };
  let port: number;
  beforeAll(async () => {
    // As main.ts wires it, with a shorter request timeout.
    const s = createHttpServer(runtime.app, { requestTimeoutMs: 1000, headersTimeoutMs: 800, keepAliveTimeoutMs: 500 });
    s.on('upgrade', (req, socket, head) => {
      if (!runtime.directLine.streams.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    port = (s.address() as AddressInfo).port;
    server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, http: s };
  });
  afterAll(async () => {
    server.http.closeAllConnections();
    await new Promise((r) => server.http.close(r));
    await runtime.close();
  });

  it.each(['//[', 'http://[', '/v3/directline/conversations/%/stream'])('GET %s with Upgrade: websocket and no token: 4xx, still serving', async (target) => {
    const answer = await raw(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('a body trickled slower than the request timeout is cut off with 408, not held for minutes', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
      });
      const drip = setInterval(() => socket.writable && socket.write(' '), 200);
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve(text);
      });
      socket.on('error', () => undefined);
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('one WebSocket per stream token: the second connection with the same token is refused', async () => {
    const started = await startConversation(runtime.app);
    const url = started.streamUrl.replace(/^ws:\/\/[^/]+/, server.wsUrl);
    const first = new WebSocket(url);
    await new Promise((resolve, reject) => first.once('open', resolve).once('error', reject));
    const second = new WebSocket(url);
    const status = await new Promise<number>((resolve) => second.once('unexpected-response', (_req, res: http.IncomingMessage) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(409);
    first.close();
  });
});

describe('malformed activities get 400/413 JSON, never 500', () => {
  const runtime = dlRuntime();
  afterAll(() => runtime.close());

  it.each([
    ['a number as locale', { locale: 42 }],
    ['an object as locale', { locale: { a: 1 } }],
    ['a string as from', { from: 'resident' }],
    ['a number as from.id', { from: { id: 7 } }],
    ['from nested 5,000 levels', { from: nested(5000) }],
    ['value nested 5,000 levels', { value: nested(5000) }],
    ['entities that are not an array', { entities: { a: 1 } }],
    ['type invoke (the SDK would answer a bare 501)', { type: 'invoke' }],
  ])('/api/messages with %s', async (_name, extra) => {
    const res = await request(runtime.app).post('/api/messages').send({ ...messageActivity('conv-bad', 'hei'), ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBeDefined();
  });

  it('/api/messages: a value over 8 kB is refused', async () => {
    const res = await request(runtime.app).post('/api/messages').send({ ...messageActivity('conv-big', 'hei'), value: 'x'.repeat(9000) });
    expect(res.status).toBe(400);
  });

  it.each([
    ['value nested 5,000 levels', { type: 'message', value: nested(5000) }, 400],
    ['a 5 kB value', { type: 'message', value: 'x'.repeat(5000) }, 413],
    ['5 kB of entities', { type: 'message', entities: [{ type: 'x'.repeat(5000) }] }, 413],
    ['a number as name', { type: 'event', name: 5 }, 400],
    ['a non-string locale', { type: 'message', text: 'hei', locale: ['fi'] }, 400],
  ])('Direct Line activity with %s', async (_name, body, status) => {
    const started = await startConversation(runtime.app);
    const res = await request(runtime.app)
      .post(`/v3/directline/conversations/${started.conversationId}/activities`)
      .set('Authorization', `Bearer ${started.token}`)
      .send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBeDefined();
  });

  it('HSTS only when the request came over TLS through a trusted proxy', async () => {
    const tls = dlRuntime({ env: { TRUST_PROXY: 'loopback' } });
    const over = await request(tls.app).get('/healthz').set('X-Forwarded-Proto', 'https');
    expect(over.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = await request(tls.app).get('/healthz');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    await tls.close();
  });
});

describe('the Host header is never reflected', () => {
  const runtime = dlRuntime();
  afterAll(() => runtime.close());

  it('a crafted Host does not reach the page CSP or the streamUrl', async () => {
    const crafted = "evil.example; script-src 'unsafe-inline'";
    const page = await request(runtime.app).get('/').set('Host', crafted);
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['content-security-policy']).not.toContain('evil');
    const plain = await request(runtime.app).get('/').set('Host', 'chat.example.fi:8443');
    expect(plain.headers['content-security-policy']).toContain('ws://chat.example.fi:8443');
    const issued = await request(runtime.app).post('/api/chat/token').set('Host', crafted).expect(200);
    expect(JSON.stringify(issued.body)).not.toContain('evil');
  });
});
