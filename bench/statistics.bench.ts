/**
 * Statistics benchmark, imported by bench/run.ts: what observing costs a turn (the same bot turn
 * through the pipeline with and without the observer, in-memory state and statistics), and how
 * long the statistics page takes to build and render for a full year of busy days.
 */
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OpastinBot } from '../src/bot/opastinBot';
import { createTurnPipeline } from '../src/bot/turnPipeline';
import { ContentStore } from '../src/engine/contentStore';
import { createLogger } from '../src/logging/logger';
import { OpastinMetrics } from '../src/metrics/registry';
import { addDays } from '../src/statistics/dates';
import { TurnObserver } from '../src/statistics/observe/observer';
import { renderStatistics } from '../src/statistics/page/render';
import { buildReport } from '../src/statistics/report';
import { MemoryStatisticsStore } from '../src/statistics/store/memoryStore';
import type { DayCounts } from '../src/statistics/store/store';
import { MemoryTurnQueue } from '../src/state/memoryTurnQueue';
import type { BenchResult } from './nlu.bench';

const ROOT = path.resolve(__dirname, '..');
const CONVERSATIONS = 120;
const PATH = ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän', 'Kyllä, oli'];

function summary(name: string, unit: string, samples: number[]): BenchResult {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, unit, median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))], samples: sorted.length };
}

async function turnTimes(observed: boolean, content: ContentStore): Promise<number[]> {
  const log = createLogger('silent');
  const state = new ConversationState(new MemoryStorage());
  const bot = new OpastinBot(state, content, log, null);
  const logic = (c: TurnContext) => bot.run(c);
  const observer = new TurnObserver({
    metrics: new OpastinMetrics({ defaultMetrics: false }), store: new MemoryStatisticsStore(), content, conversationState: state,
    regions: ['demo'], defaultRegion: 'demo', timeZone: 'Europe/Helsinki', log,
  });
  const queue = new MemoryTurnQueue(15000);
  const pipeline = observed ? observer.aroundPipeline(createTurnPipeline(queue, observer.aroundLogic(logic), log)) : createTurnPipeline(queue, logic, log);
  const times: number[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const adapter = new TestAdapter(pipeline);
    adapter.conversation.conversation.id = `bench-${observed}-${i}`;
    for (const text of PATH) {
      const t0 = performance.now();
      await adapter.send(text);
      times.push(performance.now() - t0);
    }
  }
  return times.slice(PATH.length * 20); // the first conversations warm the caches
}

/** A year of busy days: every counter the demo content can produce, with large counts. */
function yearOfDays(content: ContentStore): { days: string[]; counts: Map<string, DayCounts> } {
  const bundle = content.current()!;
  const fields: string[] = [];
  for (const d of bundle.program.dialogs.values()) for (const s of d.steps.keys()) fields.push(`reached|demo|${d.id}|${s}`, `moved|demo|${d.id}|${s}`);
  for (const s of bundle.catalogue.services.keys()) fields.push(`route|demo|fi|mental-health|${s}|mental-health`, `route|demo|sv|elderly|${s}|elderly`);
  for (const q of bundle.catalogue.queues.keys()) for (const o of ['requested', 'queued', 'accepted', 'unavailable']) fields.push(`handoff|demo|${q}|${o}`);
  fields.push('started|demo|fi|directline', 'started|demo|sv|directline', 'crisis|demo|fi|suicide', 'checkin|demo|fi');
  const days = Array.from({ length: 366 }, (_, i) => addDays('2026-01-01', i));
  return { days, counts: new Map(days.map((day, i) => [day, new Map(fields.map((f, j) => [f, 5 + ((i * 31 + j * 7) % 90)]))])) };
}

export async function run(): Promise<BenchResult[]> {
  const content = new ContentStore(ROOT, 'demo', createLogger('silent'));
  content.reload();
  // Alternating rounds, so a busy machine slows both alike.
  const plain: number[] = [];
  const observed: number[] = [];
  for (let round = 0; round < 3; round++) {
    plain.push(...(await turnTimes(false, content)));
    observed.push(...(await turnTimes(true, content)));
  }
  const { days, counts } = yearOfDays(content);
  const render: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const report = buildReport(counts, { days, region: 'all' });
    renderStatistics({ lang: 'fi', cssHref: '/x.css', queryWithoutLang: '' }, {
      report, from: days[0], to: days[days.length - 1], regions: [{ id: 'demo', name: 'Demo' }], dialogs: [...content.current()!.program.dialogs.values()],
      nameOf: () => null, who: 'bench', csrfToken: 'x', rangeError: false,
    });
    render.push(performance.now() - t0);
  }
  content.close();
  return [
    summary('turn without observer (memory)', 'ms', plain),
    summary('turn with metrics + statistics (memory)', 'ms', observed),
    summary('statistics page, 366 busy days', 'ms', render),
  ];
}
