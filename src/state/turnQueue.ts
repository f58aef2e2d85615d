/**
 * Turns of one conversation run one at a time, in arrival order.
 *
 * Why: botbuilder's BotState.saveChanges writes with eTag "*", so two turns of one conversation
 * running at once would silently lose one turn's state. Serialising turns per conversation
 * (across server processes, when Redis is shared) closes that hole before any reply leaves.
 */
/**
 * How long a turn's place is held without a sign of life from its process (renewed every quarter
 * of it). Short, so a killed process's accepted turns are taken over by another within seconds.
 */
export const DEFAULT_LEASE_MS = 3000;

export interface TurnRunOptions {
  /** Called once the turn has its place in the queue (tests and metrics use it; order is fixed from then). */
  onQueued?: () => void;
  /**
   * A place already taken for this turn (see `reserve`, or the Direct Line store's append, which
   * takes the place in the same atomic step as the activity's sequence number).
   */
  ticket?: string;
  /**
   * What another process needs to run this turn if this one dies first (see turnRecovery.ts);
   * unset = not recoverable (an /api/messages caller waits for its own HTTP answer).
   */
  recoverable?: string;
  /**
   * The channel of the turn's activity: the queue reads the conversation's state (and handoff
   * record) in the script that makes the turn the owner, for the stores to take (turnScope.ts).
   */
  prefetchState?: string;
  /**
   * With `ticket`: the place was taken at the head of the queue, and these values read (Redis key
   * → raw value), in the same script (the Direct Line append): the turn owns the conversation
   * already, nothing to acquire or read.
   */
  acquired?: Map<string, string | null>;
}

/**
 * Runs a turn another process accepted and then died on: `ticket` is the place now held for it
 * (pass it to `run`), `recoverable` what that process stored with the turn.
 */
export type OrphanHandler = (conversationId: string, ticket: string, recoverable: string) => Promise<void>;

export interface TurnQueue {
  /** Runs `task` when every earlier turn of the conversation has finished. */
  run<T>(conversationId: string, task: () => Promise<T>, options?: TurnRunOptions | (() => void)): Promise<T>;
  /**
   * Takes a place in the queue now for a turn that will `run` later with `{ ticket }`. A place
   * nobody claims is given up after the lease time, so it cannot block the conversation.
   */
  reserve(conversationId: string, ticket: string, recoverable?: string): Promise<void>;
  /**
   * Where orphaned turns go (Redis only: in memory a dead process takes its turns with it). Also
   * starts the periodic sweep for conversations that get no further message.
   */
  recoverWith(handler: OrphanHandler): void;
  close(): Promise<void>;
}

/** Where a turn's pre-taken place travels with its TurnContext (turnState key). */
export const TURN_TICKET = Symbol('opastin.turnTicket');
/** …and what its taking read, when it made the turn the owner at once (TurnRunOptions.acquired). */
export const TURN_ACQUIRED = Symbol('opastin.turnAcquired');

export function runOptions(options: TurnRunOptions | (() => void) | undefined): TurnRunOptions {
  return typeof options === 'function' ? { onQueued: options } : options ?? {};
}

export class TurnWaitTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(`Gave up waiting for the previous turn of the conversation after ${waitedMs} ms.`);
    this.name = 'TurnWaitTimeoutError';
  }
}

/** The conversation was deleted ("end and delete") while this turn waited: it must not run. */
export class TurnCancelledError extends Error {
  constructor() {
    super('The conversation was deleted while this turn waited.');
    this.name = 'TurnCancelledError';
  }
}
