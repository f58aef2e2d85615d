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
}

export const turnScope = new AsyncLocalStorage<TurnScope>();

/** The turn lost its place (its lease ran out and another process took the turn over). */
export class TurnSupersededError extends Error {
  constructor() {
    super('The turn lost its place in the queue to another process; its state was not written.');
    this.name = 'TurnSupersededError';
  }
}
