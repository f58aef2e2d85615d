/**
 * Turns of one conversation run one at a time, in arrival order.
 *
 * Why: botbuilder's BotState.saveChanges writes with eTag "*", so two turns of one conversation
 * running at once would silently lose one turn's state. Serialising turns per conversation
 * (across server processes, when Redis is shared) closes that hole before any reply leaves.
 */
export interface TurnQueue {
  /**
   * Runs `task` when every earlier turn of the conversation has finished. `onQueued` is called
   * once the turn has its place in the queue (tests and metrics use it; order is fixed from then).
   */
  run<T>(conversationId: string, task: () => Promise<T>, onQueued?: () => void): Promise<T>;
  close(): Promise<void>;
}

export class TurnWaitTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(`Gave up waiting for the previous turn of the conversation after ${waitedMs} ms.`);
    this.name = 'TurnWaitTimeoutError';
  }
}
