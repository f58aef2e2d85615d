/** Per-conversation FIFO inside one process: each turn chains onto the previous one's promise. */
import { TurnQueue, TurnWaitTimeoutError } from './turnQueue';

export class MemoryTurnQueue implements TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly waitTimeoutMs = 15000) {}

  async run<T>(conversationId: string, task: () => Promise<T>, onQueued?: () => void): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(conversationId, tail);
    onQueued?.();
    try {
      await this.waitFor(previous);
      return await task();
    } finally {
      release();
      // Forget the conversation once nothing is queued behind this turn.
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }

  private waitFor(previous: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TurnWaitTimeoutError(this.waitTimeoutMs)), this.waitTimeoutMs);
    });
    return Promise.race([previous, timeout]).finally(() => clearTimeout(timer));
  }
}
