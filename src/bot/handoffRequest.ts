/**
 * Asking for a counsellor: the `handoff` event with status queued / unavailable, and an honest
 * message. When no queue is open or the handoff module is absent, the alternatives (phone,
 * walk-in) of the queue's services are shown with their hours, and the bot carries on.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { renderServiceCard } from '../content/catalogue';
import type { ContentBundle } from '../engine/contentBundle';
import { event, message, text } from '../engine/render';
import type { HandoffPort, HandoffSummary } from './handoffPort';
import type { Lang } from './language';

const DEFAULT_QUEUE_HINT = 'general';

export async function requestHandoff(
  context: TurnContext,
  bundle: ContentBundle,
  port: HandoffPort | null,
  queueId: string | null,
  lang: Lang,
  dc: DialogContext,
): Promise<void> {
  const queues = [...bundle.catalogue.queues.values()];
  const queue = (queueId && bundle.catalogue.queues.get(queueId)) || queues.find((q) => q.id.includes(DEFAULT_QUEUE_HINT)) || queues[0];
  if (!queue) {
    await context.sendActivities([event('handoff', { status: 'unavailable', queue: null }), message(text(bundle, 'outOfScope', lang))]);
    return;
  }
  const summary: HandoffSummary = { topic: dc.activeDialog?.id ?? 'human', answers: [] };
  const result = port
    ? await port.request({ conversationId: context.activity.conversation.id, queueId: queue.id, lang, summary })
    : { status: 'unavailable' as const, reason: 'no-handoff-service', alternatives: queue.services };
  await context.sendActivity(event('handoff', { status: result.status, queue: queue.id }));
  if (result.status === 'queued') return; // the handoff module tells the resident their place
  const cards = (result.alternatives ?? queue.services)
    .map((id) => bundle.catalogue.services.get(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => renderServiceCard(s, lang, new Date(), bundle.catalogue));
  await context.sendActivity(message([text(bundle, 'handoffUnavailable', lang), ...cards].filter(Boolean).join('\n\n')));
}
