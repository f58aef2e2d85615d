/**
 * One behaviour suite for every TurnQueue: turns of one conversation never overlap and run in
 * the order they were queued; other conversations are not held up; a stuck turn makes the next
 * one give up after its wait timeout instead of hanging.
 */
import { TurnQueue, TurnWaitTimeoutError } from '../../src/state/turnQueue';

/** A promise with its resolve function, so a test controls exactly when a task finishes. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export function turnQueueBehaviour(
  name: string,
  make: (waitTimeoutMs: number) => Promise<{ a: TurnQueue; b: TurnQueue; close(): Promise<void> }>,
): void {
  describe(`TurnQueue behaviour: ${name}`, () => {
    it('runs 20 turns of one conversation one at a time, in queue order', async () => {
      const { a, b, close } = await make(10000);
      const order: number[] = [];
      let running = 0;
      let maxRunning = 0;
      const runs: Promise<void>[] = [];
      for (let i = 0; i < 20; i++) {
        // Alternate between the two queue instances (two "processes" when they share Redis).
        const queue = i % 2 === 0 ? a : b;
        const queued = gate();
        runs.push(
          queue.run(
            'conv-order',
            async () => {
              running++;
              maxRunning = Math.max(maxRunning, running);
              await new Promise((r) => setImmediate(r));
              order.push(i);
              running--;
            },
            queued.open,
          ),
        );
        // Arrival order: the next turn arrives once this one has its place in the queue.
        await queued.promise;
      }
      await Promise.all(runs);
      await close();
      expect(maxRunning).toBe(1);
      expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('keeps strict FIFO order when each turn is queued after the previous was queued', async () => {
      const { a, b, close } = await make(10000);
      const first = gate();
      const started = gate();
      const secondQueued = gate();
      const order: string[] = [];
      const p1 = a.run('conv-fifo', async () => {
        started.open();
        await first.promise;
        order.push('first');
      });
      await started.promise;
      const p2 = b.run('conv-fifo', async () => void order.push('second'), secondQueued.open);
      await secondQueued.promise;
      const p3 = a.run('conv-fifo', async () => void order.push('third'));
      first.open();
      await Promise.all([p1, p2, p3]);
      await close();
      expect(order).toEqual(['first', 'second', 'third']);
    });

    it('does not hold up other conversations', async () => {
      const { a, close } = await make(10000);
      const blocker = gate();
      const blocked = a.run('conv-x', () => blocker.promise);
      const other = await a.run('conv-y', async () => 'done');
      expect(other).toBe('done');
      blocker.open();
      await blocked;
      await close();
    });

    it('gives up waiting after the wait timeout, and the conversation works again afterwards', async () => {
      const { a, b, close } = await make(200);
      const blocker = gate();
      const queued = gate();
      const stuck = a.run('conv-stuck', () => blocker.promise, queued.open);
      await queued.promise;
      await expect(b.run('conv-stuck', async () => 'never')).rejects.toBeInstanceOf(TurnWaitTimeoutError);
      blocker.open();
      await stuck;
      expect(await b.run('conv-stuck', async () => 'again')).toBe('again');
      await close();
    });

    it('a place reserved earlier runs first, whichever turn calls run first', async () => {
      const { a, b, close } = await make(10000);
      const order: string[] = [];
      await a.reserve('conv-ticket', 'ticket-1');
      await b.reserve('conv-ticket', 'ticket-2');
      const second = b.run('conv-ticket', async () => void order.push('second'), { ticket: 'ticket-2' });
      await new Promise((r) => setTimeout(r, 50));
      const first = a.run('conv-ticket', async () => void order.push('first'), { ticket: 'ticket-1' });
      await Promise.all([first, second]);
      await close();
      expect(order).toEqual(['first', 'second']);
    });

    it('passes errors of a turn to its caller and lets the next turn run', async () => {
      const { a, close } = await make(10000);
      await expect(a.run('conv-err', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await a.run('conv-err', async () => 42)).toBe(42);
      await close();
    });
  });
}

