/**
 * What arrived, read once into one of a few kinds so the turn policy never looks at raw
 * activities: a message, a button's post-back, the resident joining (conversationUpdate, or Web
 * Chat's "webchat/join"), an editor's start event, typing, or something the bot ignores.
 */
import { CONTACT_REQUEST_ACTION, HANDOFF_ACTION, HANDOFF_CANCEL_ACTION, HANDOFF_SEND_ACTION } from '../../engine/render';

export type PostBack =
  | { action: 'handoff'; queue: string }
  | { action: 'send' }
  | { action: 'cancel' }
  | { action: 'contact'; queue: string };

export type TurnInput =
  | { kind: 'text'; text: string }
  | { kind: 'postBack'; postBack: PostBack }
  | { kind: 'join' }
  | { kind: 'start'; dialog: string }
  /** The resident is typing (Web Chat's typing indicator): the counsellor is shown it. */
  | { kind: 'typing' }
  | { kind: 'ignored' };

export interface ActivityLike {
  type?: string;
  name?: string;
  text?: string;
  value?: unknown;
  membersAdded?: { id: string }[];
  recipient?: { id: string };
}

const MAX_TEXT = 4000;

export function readInput(activity: ActivityLike, allowStartEvent: boolean): TurnInput {
  if (activity.type === 'event') {
    if (activity.name === 'webchat/join') return { kind: 'join' };
    if (activity.name === 'opastin.start' && allowStartEvent) return { kind: 'start', dialog: typeof activity.value === 'string' ? activity.value : 'main' };
    return { kind: 'ignored' };
  }
  // Direct Line's conversationUpdate when the resident joins: greet, as bots on the real service do.
  if (activity.type === 'conversationUpdate') {
    return (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id) ? { kind: 'join' } : { kind: 'ignored' };
  }
  if (activity.type === 'typing') return { kind: 'typing' };
  if (activity.type !== 'message') return { kind: 'ignored' };
  const value = (activity.value ?? {}) as { action?: unknown; queue?: unknown };
  const queue = typeof value.queue === 'string' ? value.queue : null;
  if (value.action === HANDOFF_ACTION && queue) return { kind: 'postBack', postBack: { action: 'handoff', queue } };
  if (value.action === HANDOFF_SEND_ACTION) return { kind: 'postBack', postBack: { action: 'send' } };
  if (value.action === HANDOFF_CANCEL_ACTION) return { kind: 'postBack', postBack: { action: 'cancel' } };
  if (value.action === CONTACT_REQUEST_ACTION && queue) return { kind: 'postBack', postBack: { action: 'contact', queue } };
  return { kind: 'text', text: (activity.text ?? '').trim().slice(0, MAX_TEXT) };
}
