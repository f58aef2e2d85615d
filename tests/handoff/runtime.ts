/** Runtimes with the handoff wired in, on real Redis, with the demo queues open around the clock. */
import request from 'supertest';
import { loadDirectLineConfig } from '../../src/channels/directline';
import type { HandoffConfig } from '../../src/handoff';
import { createRuntime, Runtime } from '../../src/server/runtime';
import { TEST_SECRET } from '../channels/helpers';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { capturingLogger, testConfig } from '../support/runtime';
import { alwaysOpenCatalogue } from './helpers';

export type TestRuntime = Runtime & { lines: string[]; prefix: string };

export function handoffRuntime(options: { prefix?: string; redis?: boolean; handoff?: Partial<HandoffConfig> } = {}): TestRuntime {
  const prefix = options.prefix ?? uniquePrefix('handoff-rt');
  const env: Record<string, string> = { REDIS_KEY_PREFIX: prefix, ...(options.redis === false ? {} : { REDIS_URL: testRedisUrl() }) };
  const { config: directLine } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET, DIRECT_LINE_KEEPALIVE_MS: '200' });
  const { log, lines } = capturingLogger();
  const runtime = createRuntime(testConfig(env), log, { directLine, handoff: { catalogue: alwaysOpenCatalogue(), handoffConfig: options.handoff } });
  return Object.assign(runtime, { lines, prefix });
}

export const DEMO_COUNSELLOR = { username: 'demo.ohjaaja', password: 'ohjaaja-demo-2026' };
export const DEMO_SUPERVISOR = { username: 'demo.esihenkilo', password: 'esihenkilo-demo-2026' };

export interface SignedIn {
  cookie: string;
  csrf: string;
  setCookie: string;
}

export async function signIn(app: Runtime['app'], who: { username: string; password: string }): Promise<SignedIn> {
  const res = await request(app).post('/counsellor/api/session').send(who).expect(200);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
  return { cookie: setCookie.split(';')[0], csrf: res.body.csrfToken, setCookie };
}
