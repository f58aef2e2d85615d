/**
 * Turns the interpreter's outputs into Bot Framework activities: messages with suggested actions,
 * service cards, and the machine-readable `route` event (docs/events.md).
 */
import { Activity, ActionTypes, ActivityTypes } from 'botbuilder';
import type { Lang } from '../bot/language';
import { serviceCardFor, serviceCardText, type ServiceCardData } from '../content/catalogue';
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

/**
 * `channelData.opastin` on a message that carries service cards: the same facts as the text, as
 * data, so a rich client (our chat page) shows each way of contact on its own line with tap-to-call
 * links. Other clients ignore it and show `text`. Versioned, documented in docs/web-chat.md.
 */
export interface RichMessageData {
  v: 1;
  /** The message without the cards ("Tässä palvelu, joka sopii tilanteeseesi:"). */
  text: string;
  cards: ServiceCardData[];
  /** A crisis answer: announced assertively by screen readers. */
  crisis?: boolean;
}

/** A message with service cards: text for every channel, `channelData.opastin` for rich ones. */
export function cardsMessage(intro: string, cards: ServiceCardData[], lang: Lang, options: { crisis?: boolean } = {}): OutgoingActivity {
  const rich: RichMessageData = { v: 1, text: intro, cards, ...(options.crisis ? { crisis: true } : {}) };
  const parts = [intro, ...cards.map((c) => serviceCardText(c, lang))].filter(Boolean);
  return { ...message(parts.join('\n\n')), channelData: { opastin: rich } };
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
      case 'text': {
        const m = message(output.text, output.choices);
        // For a client that shows a long menu shortened: these choices are never hidden.
        if (output.urgentChoices) m.channelData = { opastin: { v: 1, urgentChoices: output.urgentChoices } };
        activities.push(m);
        break;
      }
      case 'route': {
        const service = bundle.catalogue.services.get(output.service);
        if (!service) break;
        const topic = output.topic ?? service.topic;
        activities.push(cardsMessage(text(bundle, 'routeIntro', lang), [serviceCardFor(service, lang, now, bundle.catalogue)], lang));
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
