/**
 * The "active conversations" gauge keeps one small entry per conversation seen in the last five
 * minutes. Without a scrape of /metrics they must still be forgotten (a process nobody scraped
 * kept every id for ever: heap growth under fuzz and in the bench's memory phase, and ids of
 * deleted conversations held in memory), and it stays bounded however many arrive at once.
 */
import { ACTIVE_WINDOW_MS, MAX_TRACKED_CONVERSATIONS, OpastinMetrics } from '../../src/metrics/registry';

async function active(metrics: OpastinMetrics): Promise<number> {
  const all = await metrics.registry.getMetricsAsJSON();
  return all.find((m) => m.name === 'opastin_active_conversations')!.values[0].value;
}

function tracked(metrics: OpastinMetrics): number {
  return (metrics as unknown as { lastTurnAt: Map<unknown, number> }).lastTurnAt.size;
}

afterEach(() => jest.restoreAllMocks());

it('counts each conversation once however many turns it has', async () => {
  const metrics = new OpastinMetrics();
  for (let turn = 0; turn < 5; turn++) for (const id of ['a', 'b', 'c']) metrics.sawConversation(id);
  expect(await active(metrics)).toBe(3);
});

it('forgets conversations silent for five minutes without waiting for a scrape', () => {
  let now = Date.UTC(2026, 11, 1);
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const metrics = new OpastinMetrics({ defaultMetrics: false });
  for (let i = 0; i < 100; i++) metrics.sawConversation(`c${i}`);
  now += ACTIVE_WINDOW_MS + 61_000;
  metrics.sawConversation('recent');
  expect(tracked(metrics)).toBe(1);
});

it('never tracks more than MAX_TRACKED_CONVERSATIONS, scraped or not', async () => {
  const metrics = new OpastinMetrics();
  for (let i = 0; i < MAX_TRACKED_CONVERSATIONS + 500; i++) metrics.sawConversation(`conversation-${i}`);
  expect(await active(metrics)).toBe(MAX_TRACKED_CONVERSATIONS);
});
