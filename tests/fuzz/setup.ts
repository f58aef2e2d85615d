/** A runtime to fuzz (memory or Redis state), with conversations started and a counsellor signed in. */
import request from 'supertest';
import type { Runtime } from '../../src/server/runtime';
import { dlRuntime, startConversation, TEST_SECRET } from '../channels/helpers';
import type { FuzzContext } from './requests';

export async function fuzzTarget(options: { redis: boolean }): Promise<{ runtime: Runtime; ctx: FuzzContext }> {
  // Rate limits high: the fuzzer should reach the handlers, not stop at 429.
  // The state TTL reaches the runtime's config (not only process.env, which testConfig ignores):
  // runs before 2026-12-02 kept every fuzzed conversation for 24 h, and the heap rose with them.
  const runtime = dlRuntime({
    redis: options.redis,
    env: { CHAT_TOKEN_RATE_LIMIT: '10000000', DIRECT_LINE_POST_RATE_LIMIT: '10000000' },
    ...(process.env.STATE_TTL_SECONDS ? { appEnv: { STATE_TTL_SECONDS: process.env.STATE_TTL_SECONDS } } : {}),
    keepLogLines: 1000, // a long run would otherwise hold every log line it caused
  });
  const conversations = [];
  for (let i = 0; i < 4; i++) conversations.push(await startConversation(runtime.app));
  const signIn = await request(runtime.app).post('/counsellor/api/session').send({ username: 'demo.ohjaaja', password: 'ohjaaja-demo-2026' }).expect(200);
  const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? [])[0].split(';')[0];
  return { runtime, ctx: { secret: TEST_SECRET, conversations, consoleCookie: cookie, csrf: signIn.body.csrfToken } };
}
