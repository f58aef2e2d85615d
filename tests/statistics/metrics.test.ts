/**
 * GET /metrics: refused without the bearer token, and what it answers parses with a real
 * Prometheus text-format parser, carrying the turn, latency, Redis, crisis, handoff and content
 * families with the right values after scripted conversations. Failed turns count as errors and
 * apologies.
 */
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import request from 'supertest';
import { createTurnPipeline } from '../../src/bot/turnPipeline';
import { ContentStore } from '../../src/engine/contentStore';
import { OpastinMetrics } from '../../src/metrics/registry';
import { TurnObserver } from '../../src/statistics/observe/observer';
import { MemoryStatisticsStore } from '../../src/statistics/store/memoryStore';
import { MemoryTurnQueue } from '../../src/state/memoryTurnQueue';
import { createInsight } from '../../src/statistics';
import type { TestRuntime } from '../handoff/runtime';
import { capturingLogger, testConfig } from '../support/runtime';
import { converse } from './helpers';
import { METRICS_TOKEN, statisticsRuntime } from './runtime';

interface Family {
  name: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string; sum?: string }[];
}

/**
 * The parser keeps counters and gauges with their labels; of a labelled histogram it keeps the
 * buckets only (its known limit), so histogram counts are read from the `+Inf` bucket.
 */
async function scrape(rt: TestRuntime): Promise<Map<string, Family> & { text: string }> {
  const res = await request(rt.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  const families = new Map((parsePrometheusTextFormat(res.text) as Family[]).map((f) => [f.name, f]));
  return Object.assign(families, { text: res.text as string });
}

const infBucket = (f: Family | undefined): number => Number(f?.metrics.find((m) => m.buckets)?.buckets?.['+Inf'] ?? NaN);

const value = (f: Family | undefined, labels: Record<string, string> = {}): number =>
  Number(f?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? NaN);

describe('GET /metrics', () => {
  jest.setTimeout(60000);
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = statisticsRuntime();
    await converse(rt.app, ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän']);
    await converse(rt.app, ['en halua enää elää']);
  });
  afterAll(() => rt.close());

  it('is refused without the token or with a wrong one', async () => {
    const none = await request(rt.app).get('/metrics').expect(401);
    expect(none.body.error.code).toBe('Unauthorized');
    await request(rt.app).get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token-000').expect(401);
    await request(rt.app).get('/metrics').set('Authorization', METRICS_TOKEN).expect(401);
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const off = statisticsRuntime({ redis: false, insight: { metricsToken: null } });
    await request(off.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
    await off.close();
  });

  it('parses as Prometheus text and counts turns, latency, Redis, crisis, queues and content', async () => {
    const families = await scrape(rt);
    // Two conversations: a conversationUpdate and a join event each, then 4 + 1 messages.
    expect(value(families.get('opastin_turns_total'), { channel: 'directline', type: 'message' })).toBe(5);
    expect(value(families.get('opastin_turns_total'), { channel: 'directline', type: 'event' })).toBe(2);
    expect(value(families.get('opastin_turns_total'), { channel: 'directline', type: 'conversationUpdate' })).toBe(2);
    const latency = families.get('opastin_turn_duration_seconds')!;
    expect(latency.type).toBe('HISTOGRAM');
    expect(infBucket(latency)).toBe(9);
    expect(Number(families.get('opastin_turn_queue_wait_seconds')!.metrics[0].count)).toBe(9); // unlabelled: count kept
    expect(families.get('opastin_redis_command_duration_seconds')!.type).toBe('HISTOGRAM');
    // Each of the 9 turns is two scripts (take the turn and read its state; write it, release):
    // at least 18 script calls, sent by digest (EVALSHA; EVAL only when Redis lacks the script),
    // and the state is never read on its own (no MGET).
    const scriptCalls = (command: string): number => Number(new RegExp(`^opastin_redis_command_duration_seconds_count\\{command="${command}"\\} (\\d+)$`, 'm').exec(families.text)?.[1] ?? 0);
    expect(scriptCalls('evalsha') + scriptCalls('eval')).toBeGreaterThanOrEqual(18);
    expect(scriptCalls('evalsha')).toBeGreaterThan(0);
    expect(families.text).not.toMatch(/command_duration_seconds_count\{command="mget"\} [1-9]/);
    expect(value(families.get('opastin_crisis_responses_total'), { kind: 'suicide' })).toBe(1);
    expect(value(families.get('opastin_active_conversations'))).toBe(2);
    expect(value(families.get('opastin_websockets_open'))).toBe(0);
    expect(value(families.get('opastin_content_info'), { version: rt.content.current()!.version })).toBe(1);
    const queues = [...rt.content.current()!.catalogue.queues.keys()];
    for (const queue of queues) {
      expect(value(families.get('opastin_handoff_queue_length'), { queue })).toBe(0);
      expect(value(families.get('opastin_counsellors_online'), { queue })).toBe(0);
    }
    expect(families.has('opastin_turn_errors_total')).toBe(true);
    expect(families.has('opastin_content_reload_failures_total')).toBe(true);
  });

  it('queue lengths and counsellors online are read at scrape time', async () => {
    const queue = [...rt.content.current()!.catalogue.queues.keys()][0];
    await rt.handoff.service.setPresence('c-metrics', 'online', [queue]);
    const c = await converse(rt.app, []);
    await rt.handoff.service.request({ conversationId: c.conversationId, queueId: queue, lang: 'fi', summary: { topic: 'human', answers: [] } });
    const families = await scrape(rt);
    expect(value(families.get('opastin_handoff_queue_length'), { queue })).toBe(1);
    expect(value(families.get('opastin_counsellors_online'), { queue })).toBe(1);
    await rt.handoff.service.accept(c.conversationId, 'c-metrics');
    const after = await scrape(rt);
    expect(value(after.get('opastin_handoff_queue_length'), { queue })).toBe(0);
    expect(infBucket(after.get('opastin_handoff_wait_seconds'))).toBe(1);
  });
});

describe('failed turns', () => {
  it('count as errors, and the apology that follows as an apology', async () => {
    const metrics = new OpastinMetrics({ defaultMetrics: false });
    const { log } = capturingLogger();
    const content = new ContentStore(process.cwd(), 'demo', log);
    content.reload();
    const observer = new TurnObserver({
      metrics, store: new MemoryStatisticsStore(), content, conversationState: new ConversationState(new MemoryStorage()),
      regions: ['demo'], defaultRegion: 'demo', timeZone: 'Europe/Helsinki', log,
    });
    const broken = async (): Promise<void> => {
      throw new Error('boom');
    };
    const logic = observer.aroundPipeline(createTurnPipeline(new MemoryTurnQueue(1000), observer.aroundLogic(broken), log));
    const adapter = new TestAdapter(logic);
    await adapter.send('hei');
    await adapter.send('hei');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/opastin_turn_errors_total\{channel="test"\} 2/);
    expect(text).toMatch(/opastin_apologies_total\{channel="test"\} 2/);
  });
});

describe('content reloads', () => {
  it('a refused reload counts as a failure; the version in service stays the last good one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-metrics-'));
    for (const sub of ['content', 'dialogs']) fs.cpSync(path.join(process.cwd(), sub), path.join(dir, sub), { recursive: true });
    const { log } = capturingLogger();
    const content = new ContentStore(dir, 'demo', log);
    const insight = createInsight({ config: testConfig({ CONTENT_DIR: dir }), redis: null, content, conversationState: new ConversationState(new MemoryStorage()), log });
    insight.attach({});
    content.reload();
    const good = content.current()!.version;
    fs.appendFileSync(path.join(dir, 'dialogs', 'main.yaml'), '\n  - id: [broken\n');
    expect(content.reload().ok).toBe(false);
    const families = new Map((parsePrometheusTextFormat(await insight.metrics.registry.metrics()) as Family[]).map((f) => [f.name, f]));
    expect(value(families.get('opastin_content_reload_failures_total'))).toBe(1);
    expect(value(families.get('opastin_content_reloads_total'), { outcome: 'ok' })).toBe(1);
    expect(value(families.get('opastin_content_info'), { version: good })).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
