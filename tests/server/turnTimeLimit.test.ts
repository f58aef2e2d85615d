/**
 * The turn pipeline's time limit: a turn that hangs (a delivery that never answers, a stuck
 * store) gets the apology with crisis numbers after TURN_TIME_LIMIT_MS, and the next turn of the
 * conversation does not overlap it.
 */
import { TestAdapter, TurnContext } from 'botbuilder';
import { createTurnPipeline } from '../../src/bot/turnPipeline';
import { MemoryTurnQueue } from '../../src/state/memoryTurnQueue';
import { capturingLogger } from '../support/runtime';

it('apologises after the time limit and keeps the next turn from overlapping the late one', async () => {
  const { log, lines } = capturingLogger();
  let release!: () => void;
  const hung = new Promise<void>((resolve) => (release = resolve));
  let running = 0;
  let overlapped = false;
  const logic = async (context: TurnContext): Promise<void> => {
    running++;
    if (running > 1) overlapped = true;
    if (context.activity.text === 'hang') await hung;
    else await context.sendActivity('vastaus');
    running--;
  };
  const pipeline = createTurnPipeline(new MemoryTurnQueue(10_000), logic, log, { turnTimeLimitMs: 200 });
  const adapter = new TestAdapter(pipeline);
  const started = Date.now();
  // The late turn settles at 300 ms: after the apology (200 ms), within the hold (another 200 ms).
  setTimeout(release, 300);
  await adapter.send({ type: 'message', text: 'hang', locale: 'sv-FI' }).assertReply((reply) => {
    expect(reply.text).toMatch(/Tyvärr/);
    expect(reply.text).toMatch(/112/);
  });
  expect(Date.now() - started).toBeLessThan(1000);
  await adapter.send('seuraava').assertReply('vastaus');
  expect(overlapped).toBe(false);
  expect(lines.join('\n')).toMatch(/turn_time_limit/);
});
