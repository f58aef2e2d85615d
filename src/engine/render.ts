/**
 * Turns the interpreter's outputs into activities (plain objects in the Bot Framework activity
 * shape, so no SDK type is needed here): messages with suggested actions, service cards, and the
 * machine-readable `route` event (docs/events.md).
 */
import type { Lang } from '../lang';
import { serviceCardFor, serviceCardText, type ServiceCardData } from '../content/catalogue';
import type { ContentBundle } from './contentBundle';
import type { Output } from './interpreter';

export interface Button {
  type: 'imBack' | 'postBack';
  title: string;
  value: unknown;
}

export interface OutgoingActivity {
  type: 'message' | 'event';
  text?: string;
  textFormat?: 'markdown';
  inputHint?: 'expectingInput' | 'acceptingInput';
  name?: string;
  value?: unknown;
  suggestedActions?: { to: string[]; actions: Button[] };
  /** `{ opastin: … }` for our chat page (service cards as data, urgent choices); others ignore it. */
  channelData?: Record<string, unknown>;
}

/** postBack values the engine recognises when a suggested action is clicked. */
export const HANDOFF_ACTION = 'opastin.handoff';
export const HANDOFF_CANCEL_ACTION = 'opastin.handoff.cancel';
export const CONTACT_REQUEST_ACTION = 'opastin.contact';
/** "Send" under the summary a counsellor will see: only then is the resident queued. */
export const HANDOFF_SEND_ACTION = 'opastin.handoff.send';

export function message(text: string, choices?: string[]): OutgoingActivity {
  const activity: OutgoingActivity = { type: 'message', text, textFormat: 'markdown', inputHint: choices ? 'expectingInput' : 'acceptingInput' };
  if (choices && choices.length > 0) {
    activity.suggestedActions = { to: [], actions: choices.map((c) => ({ type: 'imBack', title: c, value: c })) };
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

/** A message whose buttons may carry post-back values (handoff, send, cancel). */
export function messageWithButtons(text: string, buttons: Button[]): OutgoingActivity {
  return { ...message(text), inputHint: 'expectingInput', suggestedActions: { to: [], actions: buttons } };
}

export function event(name: string, value: unknown): OutgoingActivity {
  return { type: 'event', name, value };
}

export function text(bundle: ContentBundle, key: string, lang: Lang): string {
  return bundle.program.texts[key]?.[lang] ?? '';
}

export function renderOutputs(outputs: Output[], bundle: ContentBundle, lang: Lang, dialogId: string, now = new Date()): OutgoingActivity[] {
  const activities: OutgoingActivity[] = [];
  // A counsellor offer followed by the feedback question becomes one question with three buttons:
  // chat clients show only the last message's buttons, and two questions at once are ambiguous.
  let offer: { button: Button; activity: OutgoingActivity } | undefined;
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
        const listed = bundle.catalogue.services.get(output.service);
        if (!listed) break;
        const service = output.withoutOmaolo ? { ...listed, channels: listed.channels.filter((c) => c.type !== 'omaolo') } : listed;
        const topic = output.topic ?? service.topic;
        activities.push(cardsMessage(text(bundle, 'routeIntro', lang), [serviceCardFor(service, lang, now, bundle.catalogue)], lang));
        activities.push(event('route', { topic, service: service.id, dialog: dialogId }));
        if (output.offerHandoff && service.queue && bundle.catalogue.queues.has(service.queue)) {
          const button: Button = { type: 'postBack', title: text(bundle, 'handoffOfferLabel', lang), value: { action: HANDOFF_ACTION, queue: service.queue } };
          offer = { button, activity: messageWithButtons(text(bundle, 'handoffOffer', lang), [button]) };
          activities.push(offer.activity);
        }
        break;
      }
      case 'feedback': {
        const answers: Button[] = [text(bundle, 'feedbackYes', lang), text(bundle, 'feedbackNo', lang)].map((t) => ({ type: 'imBack', title: t, value: t }));
        // One question, not two: "would you like to chat?" without buttons followed by "was this
        // helpful?" made a typed "joo" the feedback when the resident meant the chat.
        if (offer) activities.splice(activities.indexOf(offer.activity), 1);
        activities.push(messageWithButtons(text(bundle, offer ? 'feedbackQuestionWithOffer' : 'feedbackQuestion', lang), offer ? [...answers, offer.button] : answers));
        offer = undefined;
        break;
      }
      case 'handoff':
        // Handled by the bot (it needs the handoff service); see bot/handoffPort.ts.
        break;
    }
  }
  return activities;
}
