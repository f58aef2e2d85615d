/**
 * The active-conversations gauge keeps one small entry per recent conversation and stays bounded:
 * it used to keep every conversation id it ever saw until /metrics was scraped, so a process no
 * one scraped grew with every conversation.
 */
import { MAX_TRACKED_CONVERSATIONS, OpastinMetrics } from '../../src/metrics/registry';

async function active(metrics: OpastinMetrics): Promise<number> {
  const all = await metrics.registry.getMetricsAsJSON();
  return all.find((m) => m.name === 'opastin_active_conversations')!.values[0].value;
}

it('counts each conversation once however many turns it has', async () => {
  const metrics = new OpastinMetrics();
  for (let turn = 0; turn < 5; turn++) for (const id of ['a', 'b', 'c']) metrics.sawConversation(id);
  expect(await active(metrics)).toBe(3);
});

it('never tracks more than MAX_TRACKED_CONVERSATIONS, scraped or not', async () => {
  const metrics = new OpastinMetrics();
  for (let i = 0; i < MAX_TRACKED_CONVERSATIONS + 500; i++) metrics.sawConversation(`conversation-${i}`);
  expect(await active(metrics)).toBe(MAX_TRACKED_CONVERSATIONS);
});
