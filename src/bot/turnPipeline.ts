/**
 * Everything that wraps one turn, whatever the channel: per-conversation ordering, a time limit,
 * and an honest apology (with crisis numbers) when something below fails or takes too long.
 * Channels call `handle`.
 */
import { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { TURN_ACQUIRED, TURN_TICKET, TurnQueue } from '../state/turnQueue';
import { langFromLocale } from '../lang';
import { serviceUnavailableText } from './serviceUnavailable';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * turnState key of a channel's "deliver what this turn has said" (the Direct Line adapter
 * collects a turn's replies and appends them in one step): called before the turn's place in the
 * conversation's queue is given up, so the replies of consecutive turns keep their order.
 */
export const FLUSH_REPLIES = Symbol('opastin.flushReplies');

/** `now`: deliver at once (an apology), not with the end of the turn. */
async function flushReplies(context: TurnContext, now = false): Promise<void> {
  const flush = context.turnState.get(FLUSH_REPLIES) as ((now?: boolean) => Promise<void>) | undefined;
  await flush?.(now);
}

export interface TurnPipelineOptions {
  /** After this long the resident gets the apology; the turn is then given as long again to finish. */
  turnTimeLimitMs?: number;
}

export class TurnTimeLimitError extends Error {
  constructor(ms: number) {
    super(`The turn took longer than ${ms} ms.`);
    this.name = 'TurnTimeLimitError';
  }
}

/** Resolves with `promise`, or rejects with TurnTimeLimitError after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TurnTimeLimitError(ms)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export function createTurnPipeline(queue: TurnQueue, logic: TurnLogic, log: Logger, options: TurnPipelineOptions = {}): TurnLogic {
  const limitMs = options.turnTimeLimitMs ?? 10000;

  async function apologise(context: TurnContext): Promise<void> {
    const locale = context.activity.locale;
    const lang = (typeof locale === 'string' ? langFromLocale(locale) : null) ?? 'fi';
    try {
      // Delivery itself may hang (a serviceUrl that never answers): it gets a limit too.
      await within(context.sendActivity({ type: 'message', text: serviceUnavailableText(lang), textFormat: 'markdown' }), 5000);
    } catch (sendErr) {
      log.error({ event: 'apology_failed', err: sendErr }, 'could not send the apology');
    }
  }

  return async function handleTurn(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    const started = Date.now();
    const ticket = context.turnState.get(TURN_TICKET) as string | undefined;
    const acquired = context.turnState.get(TURN_ACQUIRED) as Map<string, string | null> | undefined;
    try {
      if (!conversationId) throw new Error('activity has no conversation id');
      await queue.run(conversationId, async () => {
        const running = logic(context);
        try {
          await within(running, limitMs);
        } catch (err) {
          if (!(err instanceof TurnTimeLimitError)) throw err;
          log.error({ event: 'turn_time_limit', ms: limitMs, type: context.activity.type }, 'turn over its time limit');
          await apologise(context);
          await flushReplies(context, true); // the apology now, not after the late turn
          // Keep the conversation's place until the late turn settles (so the next turn cannot
          // overlap it or a delete be overwritten by it), but not for ever.
          await within(running, limitMs).catch(() => undefined);
        } finally {
          await flushReplies(context);
        }
      }, { ticket, acquired, prefetchState: context.activity.channelId });
      log.debug({ event: 'turn', type: context.activity.type, ms: Date.now() - started }, 'turn done');
    } catch (err) {
      // The conversation was deleted while this turn waited: nobody is left to answer.
      if ((err as Error).name === 'TurnCancelledError') {
        log.info({ event: 'turn_cancelled' }, 'turn cancelled: conversation deleted');
        return;
      }
      // This process stalled past its lease and another one took the turn over (it answers).
      if ((err as Error).name === 'TurnSupersededError') {
        log.warn({ event: 'turn_superseded' }, 'turn taken over by another process; this one did not write its state');
        return;
      }
      // Never log the activity itself: it holds what the resident typed.
      log.error({ event: 'turn_failed', err, type: context.activity.type }, 'turn failed');
      await apologise(context);
    }
  };
}
