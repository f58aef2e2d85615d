/**
 * Activities the resident's chat receives. Two event shapes, both sent:
 * - `handoff` {status, queue}: Opastin's own, simple for the page and the bot;
 * - `handoff.status` {state}: Bot Framework's handoff protocol (EventFactory.createHandoffStatus:
 *   "accepted" | "failed" | "completed", `message` for a failure), so standard clients follow.
 * Counsellor text is shown exactly as typed: Web Chat renders markdown, so every markdown
 * character is backslash-escaped here (no links, emphasis or HTML come alive), and the channel's
 * own sanitiser then escapes "<". textFormat "plain" would not do: Web Chat would show the
 * sanitiser's "&lt;" literally.
 */
export type HandoffEventStatus = 'queued' | 'accepted' | 'closed' | 'unavailable';
export type BfHandoffState = 'accepted' | 'failed' | 'completed';

type Activity = Record<string, unknown>;

export function handoffEvent(status: HandoffEventStatus, queue: string, extra: Record<string, unknown> = {}): Activity {
  return { type: 'event', name: 'handoff', value: { status, queue, ...extra } };
}

export function handoffStatusEvent(state: BfHandoffState, message?: string): Activity {
  return { type: 'event', name: 'handoff.status', value: { state, ...(message ? { message } : {}) } };
}

/** Makes markdown show `text` literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`).replace(/\n/g, '  \n');
}

export function counsellorMessage(text: string, name: string, lang: string): Activity {
  return { type: 'message', text: escapeMarkdown(text), textFormat: 'markdown', locale: lang, from: { id: 'counsellor', name } };
}

export function counsellorTyping(name: string): Activity {
  return { type: 'typing', from: { id: 'counsellor', name } };
}

export function noticeMessage(text: string, lang: string): Activity {
  return { type: 'message', text, locale: lang };
}

/** The one-tap feedback question after "back to the bot" (imBack: the tap is an ordinary message). */
export function feedbackQuestion(question: string, yes: string, no: string, lang: string): Activity {
  return {
    type: 'message',
    text: question,
    locale: lang,
    suggestedActions: { actions: [{ type: 'imBack', title: yes, value: yes }, { type: 'imBack', title: no, value: no }] },
    channelData: { handoffFeedback: true },
  };
}
