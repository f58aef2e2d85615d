/** Per-conversation FIFO inside one process: each turn chains onto the previous one's promise. */
import { DEFAULT_LEASE_MS, runOptions, TurnQueue, TurnRunOptions, TurnWaitTimeoutError } from './turnQueue';

interface Place {
  previous: Promise<void>;
  tail: Promise<void>;
  release: () => void;
  /** Gives the place up when nobody claims a reservation. */
  expiry?: NodeJS.Timeout;
}

export class MemoryTurnQueue implements TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly reserved = new Map<string, Place>();

  constructor(
    private readonly waitTimeoutMs = 15000,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  /** Synchronous inside: the place is taken before the returned promise settles. */
  async reserve(conversationId: string, ticket: string): Promise<void> {
    const place = this.take(conversationId);
    place.expiry = setTimeout(() => {
      if (this.reserved.get(ticket) !== place) return;
      this.reserved.delete(ticket);
      this.leave(conversationId, place);
    }, this.leaseMs);
    place.expiry.unref();
    this.reserved.set(ticket, place);
  }

  async run<T>(conversationId: string, task: () => Promise<T>, options?: TurnRunOptions | (() => void)): Promise<T> {
    const { onQueued, ticket } = runOptions(options);
    const reservedPlace = ticket ? this.reserved.get(ticket) : undefined;
    if (ticket) this.reserved.delete(ticket);
    if (reservedPlace?.expiry) clearTimeout(reservedPlace.expiry);
    const place = reservedPlace ?? this.take(conversationId);
    onQueued?.();
    try {
      await this.waitFor(place.previous);
      return await task();
    } finally {
      this.leave(conversationId, place);
    }
  }

  /** Nothing to recover: turns live and die with this one process. */
  recoverWith(): void {}

  async close(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }

  private take(conversationId: string): Place {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(conversationId, tail);
    return { previous, tail, release };
  }

  private leave(conversationId: string, place: Place): void {
    place.release();
    // Forget the conversation once nothing is queued behind this turn.
    if (this.tails.get(conversationId) === place.tail) this.tails.delete(conversationId);
  }

  private waitFor(previous: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TurnWaitTimeoutError(this.waitTimeoutMs)), this.waitTimeoutMs);
    });
    return Promise.race([previous, timeout]).finally(() => clearTimeout(timer));
  }
}
