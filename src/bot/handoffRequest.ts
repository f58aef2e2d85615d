/**
 * Asking for a counsellor. First the resident sees what the counsellor will see (a structured
 * summary: topic and the answers given; never the free-text transcript), then the request goes
 * to the handoff service, which posts the queue status (`handoff` events, place in the queue).
 * When no queue is open or no handoff service can reach this channel, the resident is told
 * honestly, shown the phone and walk-in alternatives with their hours, and the bot carries on.
 */
import { ActionTypes, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { serviceCardFor } from '../content/catalogue';
import type { ContentBundle } from '../engine/contentBundle';
import type { ScriptDialogState } from '../engine/scriptDialog';
import { cardsMessage, CONTACT_REQUEST_ACTION, event, HANDOFF_CANCEL_ACTION, message, text } from '../engine/render';
import type { HandoffPort, HandoffSummary } from './handoffPort';
import type { Lang } from './language';

const DEFAULT_QUEUE_HINT = 'general';
/** turnState key: a summary taken before the dialogs were cleared (the "talk to a person" command). */
export const HANDOFF_SUMMARY_KEY = 'opastin.handoffSummary';

/** The answers given so far, as question → chosen label (choices only: no free text). */
export function summarise(dc: DialogContext, bundle: ContentBundle, lang: Lang): HandoffSummary {
  const answers: HandoffSummary['answers'] = [];
  for (const instance of dc.stack) {
    const script = bundle.program.dialogs.get(instance.id);
    const frame = (instance.state as ScriptDialogState | undefined)?.frame;
    if (!script || !frame) continue;
    for (const step of script.steps.values()) {
      if (step.kind !== 'ask' || step.type !== 'choice' || !step.remember) continue;
      const chosen = step.choices.find((c) => c.id === frame.vars[step.remember!]);
      if (chosen) answers.push({ question: step.text[lang], answer: chosen.label[lang] });
    }
  }
  const topicDialog = [...dc.stack].reverse().find((i) => i.id !== 'main')?.id ?? 'human';
  return { topic: bundle.program.dialogs.get(topicDialog)?.topic ?? 'human', answers };
}

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
    await context.sendActivities([event('handoff', { status: 'unavailable', queue: null }), message(text(bundle, 'handoffUnavailable', lang))]);
    return;
  }
  const summary = (context.turnState.get(HANDOFF_SUMMARY_KEY) as HandoffSummary | undefined) ?? summarise(dc, bundle, lang);
  const result = port
    ? await port.request({ conversationId: context.activity.conversation.id, queueId: queue.id, lang, summary })
    : { status: 'unavailable' as const, reason: 'no-handoff-service', alternatives: queue.services };
  if (!port) await context.sendActivity(event('handoff', { status: 'unavailable', queue: queue.id }));
  if (result.status === 'queued') {
    // What the counsellor will see, and a way to cancel while waiting.
    const shown = summary.answers.map((a) => `- ${a.question} **${a.answer}**`).join('\n');
    await context.sendActivity({
      ...message([text(bundle, 'handoffSummaryIntro', lang), shown].filter(Boolean).join('\n\n')),
      suggestedActions: { to: [], actions: [{ type: ActionTypes.PostBack, title: text(bundle, 'handoffCancelLabel', lang), value: { action: HANDOFF_CANCEL_ACTION } }] },
    });
    return;
  }
  const cards = (result.alternatives ?? queue.services)
    .map((id) => bundle.catalogue.services.get(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => serviceCardFor(s, lang, new Date(), bundle.catalogue));
  const reply = cardsMessage(text(bundle, 'handoffUnavailable', lang), cards, lang);
  if (port && result.status === 'unavailable' && result.acceptsContactRequests) {
    // The team calls back: offered, never asked for by default.
    reply.suggestedActions = {
      to: [],
      actions: [{ type: ActionTypes.PostBack, title: text(bundle, 'contactOffer', lang), value: { action: CONTACT_REQUEST_ACTION, queue: queue.id } }],
    };
  }
  await context.sendActivity(reply);
}
