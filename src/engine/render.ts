/**
 * Turns the interpreter's outputs into Bot Framework activities: messages with suggested actions,
 * service cards, and the machine-readable `route` event (docs/events.md).
 */
import { Activity, ActionTypes, ActivityTypes } from 'botbuilder';
import type { Lang } from '../lang';
import { renderServiceCard } from '../content/catalogue';
import type { ContentBundle } from './contentBundle';
import type { Output } from './interpreter';

export type OutgoingActivity = Partial<Activity>;

/** postBack values the engine recognises when a suggested action is clicked. */
export const HANDOFF_ACTION = 'opastin.handoff';
export const HANDOFF_CANCEL_ACTION = 'opastin.handoff.cancel';
export const CONTACT_REQUEST_ACTION = 'opastin.contact';

export function message(text: string, choices?: string[]): OutgoingActivity {
  const activity: OutgoingActivity = { type: ActivityTypes.Message, text, textFormat: 'markdown', inputHint: choices ? 'expectingInput' : 'acceptingInput' };
  if (choices && choices.length > 0) {
    activity.suggestedActions = { to: [], actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: c, value: c })) };
  }
  return activity;
}

export function event(name: string, value: unknown): OutgoingActivity {
  return { type: ActivityTypes.Event, name, value };
}

export function text(bundle: ContentBundle, key: string, lang: Lang): string {
  return bundle.program.texts[key]?.[lang] ?? '';
}

export function renderOutputs(outputs: Output[], bundle: ContentBundle, lang: Lang, dialogId: string, now = new Date()): OutgoingActivity[] {
  const activities: OutgoingActivity[] = [];
  for (const output of outputs) {
    switch (output.type) {
      case 'text':
        activities.push(message(output.text, output.choices));
        break;
      case 'route': {
        const service = bundle.catalogue.services.get(output.service);
        if (!service) break;
        const topic = output.topic ?? service.topic;
        activities.push(message(`${text(bundle, 'routeIntro', lang)}\n\n${renderServiceCard(service, lang, now, bundle.catalogue)}`));
        activities.push(event('route', { topic, service: service.id, dialog: dialogId }));
        if (output.offerHandoff && service.queue && bundle.catalogue.queues.has(service.queue)) {
          activities.push({
            ...message(text(bundle, 'handoffOffer', lang)),
            suggestedActions: {
              to: [],
              actions: [{ type: ActionTypes.PostBack, title: text(bundle, 'yesLabel', lang), value: { action: HANDOFF_ACTION, queue: service.queue } }],
            },
          });
        }
        break;
      }
      case 'feedback':
        activities.push(message(text(bundle, 'feedbackQuestion', lang), [text(bundle, 'feedbackYes', lang), text(bundle, 'feedbackNo', lang)]));
        break;
      case 'handoff':
        // Handled by the bot (it needs the handoff service); see bot/handoffPort.ts.
        break;
    }
  }
  return activities;
}
