/** Runtimes with the Direct Line channel for tests: in-process (supertest) or listening on a free port. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { loadDirectLineConfig } from '../../src/channels/directline';
import { createRuntime, Runtime } from '../../src/server/runtime';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { capturingLogger, testConfig } from '../support/runtime';

export const TEST_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * `env` configures the Direct Line channel, `appEnv` the rest (loadConfig: STATE_TTL_SECONDS, …);
 * `keepLogLines` bounds the captured log to its newest lines.
 */
export function dlRuntime(options: { redis?: boolean; prefix?: string; env?: Record<string, string>; appEnv?: Record<string, string>; keepLogLines?: number } = {}): Runtime & { lines: string[]; prefix: string } {
  const prefix = options.prefix ?? uniquePrefix('dl');
  const env: Record<string, string> = { REDIS_KEY_PREFIX: prefix, ...(options.redis ? { REDIS_URL: testRedisUrl() } : {}), ...options.appEnv };
  const { config: directLine, problems } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET, DIRECT_LINE_KEEPALIVE_MS: '200', ...options.env });
  if (problems.length > 0) throw new Error(problems.join('; '));
  const { log, lines } = capturingLogger('debug', options.keepLogLines);
  return Object.assign(createRuntime(testConfig(env), log, { directLine }), { lines, prefix });
}

/** A Direct Line runtime on a Redis of the test's own (fault tests stop and kill it). */
export function dlRuntimeOn(redisUrl: string, prefix = uniquePrefix('dl')): Runtime & { lines: string[]; prefix: string } {
  const { config: directLine, problems } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET, DIRECT_LINE_KEEPALIVE_MS: '200' });
  if (problems.length > 0) throw new Error(problems.join('; '));
  const { log, lines } = capturingLogger();
  return Object.assign(createRuntime(testConfig({ REDIS_KEY_PREFIX: prefix, REDIS_URL: redisUrl }), log, { directLine }), { lines, prefix });
}

export interface Listening {
  url: string;
  wsUrl: string;
  server: Server;
  close(): Promise<void>;
}

/** `app.listen(0)` plus the WebSocket upgrade handler, as main.ts wires it. */
export async function listen(runtime: Runtime): Promise<Listening> {
  const server = await new Promise<Server>((resolve) => {
    const s = runtime.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!runtime.directLine.streams.handleUpgrade(req, socket, head)) socket.destroy();
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Started {
  conversationId: string;
  token: string;
  userId: string;
  streamUrl: string;
  /** After the greeting the bot sent on conversationUpdate: what the test itself adds comes after it. */
  watermark: string;
}

/** Gets a page token and starts the conversation, as the page and directlinejs do. */
export async function startConversation(app: Runtime['app'], locale?: string): Promise<Started> {
  const issued = await request(app).post('/api/chat/token').expect(200);
  // The locale in the start body reaches the bot's conversationUpdate, so it greets in that language.
  const started = await request(app).post('/v3/directline/conversations').set('Authorization', `Bearer ${issued.body.token}`).send(locale ? { locale } : {}).expect(201);
  const greeted = await request(app).get(`/v3/directline/conversations/${issued.body.conversationId}/activities`).set('Authorization', `Bearer ${issued.body.token}`).expect(200);
  return { conversationId: issued.body.conversationId, token: issued.body.token, userId: issued.body.userId, streamUrl: started.body.streamUrl, watermark: greeted.body.watermark };
}

/** Waits for a condition by re-checking after each event-loop turn, up to `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
