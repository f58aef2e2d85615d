/** Runtimes for the statistics tests: handoff wired in (queues open around the clock), real Redis by default. */
import { loadDirectLineConfig } from '../../src/channels/directline';
import { createRuntime } from '../../src/server/runtime';
import type { InsightConfig } from '../../src/statistics/config';
import { TEST_SECRET } from '../channels/helpers';
import { alwaysOpenCatalogue } from '../handoff/helpers';
import type { TestRuntime } from '../handoff/runtime';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { capturingLogger, testConfig } from '../support/runtime';

export const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
export const DEMO_STATISTICS = { username: 'demo.tilastot', password: 'tilastot-demo-2026' };

export function statisticsRuntime(options: { redis?: boolean; prefix?: string; insight?: Partial<InsightConfig> } = {}): TestRuntime {
  const prefix = options.prefix ?? uniquePrefix('stats-rt');
  const env: Record<string, string> = { REDIS_KEY_PREFIX: prefix, ...(options.redis === false ? {} : { REDIS_URL: testRedisUrl() }) };
  const { config: directLine } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET, DIRECT_LINE_KEEPALIVE_MS: '200', CHAT_TOKEN_RATE_LIMIT: '10000' });
  const { log, lines } = capturingLogger();
  const runtime = createRuntime(testConfig(env), log, {
    directLine,
    handoff: { catalogue: alwaysOpenCatalogue() },
    insight: { insightConfig: { metricsToken: METRICS_TOKEN, ...options.insight } },
  });
  return Object.assign(runtime, { lines, prefix });
}
