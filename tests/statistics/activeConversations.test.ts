/**
 * The "active conversations" gauge keeps conversation ids for five minutes. Without a scrape of
 * /metrics they must still be forgotten (a process nobody scrapes kept every id for ever: heap
 * growth under fuzz, and ids of deleted conversations held in memory).
 */
import { ACTIVE_WINDOW_MS, OpastinMetrics } from '../../src/metrics/registry';

afterEach(() => jest.restoreAllMocks());

it('forgets conversations silent for five minutes without waiting for a scrape', () => {
  let now = Date.UTC(2026, 11, 1);
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const metrics = new OpastinMetrics({ defaultMetrics: false });
  for (let i = 0; i < 100; i++) metrics.sawConversation(`c${i}`);
  now += ACTIVE_WINDOW_MS + 61_000; // past the window, and past the sweep's once-a-minute
  metrics.sawConversation('recent');
  expect([...(metrics as unknown as { lastTurnAt: Map<string, number> }).lastTurnAt.keys()]).toEqual(['recent']);
});
