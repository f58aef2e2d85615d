/**
 * Which queued turn the running code belongs to, carried by AsyncLocalStorage from the turn queue
 * down to the state storage: a state write checks that its turn still owns the conversation (a
 * process that stalled past its lease may have been taken over) and, in the same script, retires
 * the turn's pending entry, so a turn whose state write landed is never run a second time.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface TurnScope {
  conversationId: string;
  token: string;
  /**
   * What the turn queue read in the same script that made this turn the conversation's owner
   * (Redis key → raw value, null = absent): the state and handoff stores take each once instead
   * of reading it again, so acquire + read is one round trip. Read under the turn's ownership, so
   * it is what a read right after would have given.
   */
  prefetched?: Map<string, string | null>;
  /**
   * Set by the queue when the turn's state write may wait for the end of the turn: the state
   * storage leaves it here and the queue does it in the script that releases the turn (write +
   * release + wake-up: one round trip).
   */
  deferredWrite?: DeferredWrite | null;
  /** Set by an upper layer: more for the end-of-turn script to do (the turn's replies). */
  endExtra?: EndOfTurnExtra;
}

/**
 * More for the end of a turn to do in its script (END_TURN), after the state write and only when
 * the turn still owns the conversation: the Direct Line store appends the turn's replies there,
 * so state, replies and release are one round trip and land together or not at all. `lua` reads
 * its keys as KEYS[KX + i] and its arguments as ARGV[AX + i] and leaves its answer in the Lua
 * local `extra`; `done` gets that answer once the script has run.
 */
export interface EndOfTurnExtra {
  lua: string;
  keys: string[];
  args: (string | Buffer)[];
  done(extra: unknown): void;
}

/** A fenced state write waiting for the end of its turn (redisStorage.ts builds it). */
export interface DeferredWrite {
  ttlSeconds: number;
  /** Redis key → the write of that key; the first write's expected eTag is kept. */
  items: Map<string, { storageKey: string; expected: string; eTag: string; json: string }>;
}

/** A value the turn's acquire read already, taken once; undefined when there is none for `key`. */
export function takePrefetched(key: string): string | null | undefined {
  const prefetched = turnScope.getStore()?.prefetched;
  if (!prefetched?.has(key)) return undefined;
  const value = prefetched.get(key)!;
  prefetched.delete(key);
  return value;
}

export const turnScope = new AsyncLocalStorage<TurnScope>();

/** The turn lost its place (its lease ran out and another process took the turn over). */
export class TurnSupersededError extends Error {
  constructor() {
    super('The turn lost its place in the queue to another process; its state was not written.');
    this.name = 'TurnSupersededError';
  }
}
