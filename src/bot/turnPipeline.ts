/**
 * Everything that wraps one turn, whatever the channel: per-conversation ordering, and an honest
 * apology (with crisis numbers) when something below fails. Channels call `handle`.
 */
import { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { TurnQueue } from '../state/turnQueue';
import { langFromLocale } from '../lang';
import { serviceUnavailableText } from './serviceUnavailable';

export type TurnLogic = (context: TurnContext) => Promise<void>;

export function createTurnPipeline(queue: TurnQueue, logic: TurnLogic, log: Logger): TurnLogic {
  return async function handleTurn(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    const started = Date.now();
    try {
      if (!conversationId) throw new Error('activity has no conversation id');
      await queue.run(conversationId, () => logic(context));
      log.debug({ event: 'turn', type: context.activity.type, ms: Date.now() - started }, 'turn done');
    } catch (err) {
      // Never log the activity itself: it holds what the resident typed.
      log.error({ event: 'turn_failed', err, type: context.activity.type }, 'turn failed');
      const lang = langFromLocale(context.activity.locale) ?? 'fi';
      try {
        await context.sendActivity({ type: 'message', text: serviceUnavailableText(lang), textFormat: 'markdown' });
      } catch (sendErr) {
        log.error({ event: 'apology_failed', err: sendErr }, 'could not send the apology');
      }
    }
  };
}
