/** Turns the policy's `say` actions and button specs into messages in the resident's language. */
import type { ContentBundle } from '../engine/contentBundle';
import { Button, HANDOFF_CANCEL_ACTION, HANDOFF_SEND_ACTION, messageWithButtons, message, OutgoingActivity, text } from '../engine/render';
import type { Lang } from '../lang';
import type { ButtonSpec } from './turn/turnAction';

function button(bundle: ContentBundle, lang: Lang, spec: ButtonSpec): Button {
  switch (spec.kind) {
    case 'text': {
      const t = text(bundle, spec.text, lang);
      return { type: 'imBack', title: t, value: t };
    }
    case 'command': {
      // The label is a phrase of the command itself, so a tap (or typing it) runs the command.
      const t = spec.command === 'restart' ? text(bundle, 'restartLabel', lang) : bundle.program.commands.human[lang][0] ?? '';
      return { type: 'imBack', title: t, value: t };
    }
    case 'send':
      return { type: 'postBack', title: text(bundle, 'handoffSendLabel', lang), value: { action: HANDOFF_SEND_ACTION } };
    case 'dontSend':
      return { type: 'postBack', title: text(bundle, 'handoffDontSendLabel', lang), value: { action: HANDOFF_CANCEL_ACTION } };
    case 'cancelWait':
      return { type: 'postBack', title: text(bundle, 'handoffCancelLabel', lang), value: { action: HANDOFF_CANCEL_ACTION } };
  }
}

export function buttons(bundle: ContentBundle, lang: Lang, specs: ButtonSpec[]): Button[] {
  return specs.map((s) => button(bundle, lang, s)).filter((b) => b.title);
}

export function say(bundle: ContentBundle, lang: Lang, key: string, specs?: ButtonSpec[]): OutgoingActivity {
  const body = text(bundle, key, lang);
  return specs && specs.length > 0 ? messageWithButtons(body, buttons(bundle, lang, specs)) : message(body);
}
