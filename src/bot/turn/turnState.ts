/**
 * What the bot remembers about a conversation besides the dialog stack: plain, versioned JSON in
 * conversation state (Redis, with its TTL). Every field is a fact the turn policy needs to read
 * the next message right; none holds what the resident typed except `crisisCheck.resume`, which
 * lives for one turn only.
 */
import type { AnswerRef } from '../../engine/answers';
import type { Lang } from '../../lang';
import type { CrisisKind } from '../../nlu';

export type HandoffStatus = 'none' | 'queued' | 'accepted';

/** What a handoff request carries: the topic and the choices made, never free text. */
export interface HandoffContext {
  topic: string;
  answers: AnswerRef[];
  /** The service routed to, if any: its queue is the first choice. */
  service?: string;
}

export interface PendingHandoff extends HandoffContext {
  /** The queue the content named; null = choose from the topic. */
  queue: string | null;
  /** True when the topic should choose the queue even though the content named one (the generic "talk to a person"). */
  byTopic: boolean;
}

export interface TurnState {
  v: 3;
  /** Message turns processed; lets tests prove no turn's state was lost. */
  turns: number;
  lang: Lang | null;
  /** The locale the client last sent: a change (the page's language switch) is followed. */
  locale: string | null;
  contentVersion: string | null;
  /** The open one-tap feedback question: a dialog id, or 'handoff' after a counsellor chat. */
  feedbackFor: string | null;
  /** The queue a call-back request is being left for (the next message is the contact). */
  contactFor: string | null;
  /** The summary the resident is looking at, before they choose "send" or "don't send". */
  pendingHandoff: PendingHandoff | null;
  /** "Are you having thoughts of ending your life?" is open; `resume` is the message that raised it. */
  crisisCheck: { resume: string; asked?: number } | null;
  /**
   * The crisis response's "would you like to chat with a staff member?" is open: a typed yes opens
   * the chat; anything else but a command or a tap stays with the crisis (the lines again, the
   * offer again), never the menu's "I can't help with that". `kind` picks the lines (violence →
   * Nollalinja); `aboutOther` the words for someone worried about another person.
   */
  crisisOffer: { kind: CrisisKind | null; aboutOther?: boolean } | null;
  /** The 112 answer was given: follow-ups ("what do I do", "I already called") stay with the emergency. */
  afterEmergency: boolean;
  /** A crisis was detected or confirmed: "no one is available" then comes with the crisis contacts. */
  inCrisis: boolean;
  /** The handoff status at the end of the last turn: accepted → none means the counsellor ended it. */
  handoffSeen: HandoffStatus;
  /** A command typed while with a counsellor, waiting for "yes, end the chat". */
  confirmEnd: 'restart' | 'stop' | 'back' | null;
  /** Topic, service and answers of the last route, so a later "talk to a person" still has them. */
  lastRoute: HandoffContext | null;
  /** Taken when "talk to a person" cleared the dialogs, for the summary its handoff step makes. */
  personContext: HandoffContext | null;
}

export const TURN_STATE_VERSION = 3;

/** Reads any earlier version (v2 had no handoff or crisis fields) into the current one. */
export function upgradeTurnState(stored: (Partial<TurnState> & { v?: number }) | undefined): TurnState {
  const s = stored ?? {};
  return {
    v: 3,
    turns: s.turns ?? 0,
    lang: s.lang ?? null,
    locale: s.locale ?? null,
    contentVersion: s.contentVersion ?? null,
    feedbackFor: s.feedbackFor ?? null,
    contactFor: s.contactFor ?? null,
    pendingHandoff: s.pendingHandoff ?? null,
    crisisCheck: s.crisisCheck ?? null,
    crisisOffer: s.crisisOffer ?? null,
    afterEmergency: s.afterEmergency ?? false,
    inCrisis: s.inCrisis ?? false,
    handoffSeen: s.handoffSeen ?? 'none',
    confirmEnd: s.confirmEnd ?? null,
    lastRoute: s.lastRoute ?? null,
    personContext: s.personContext ?? null,
  };
}

/** What is stored of a TurnState: `v` and the fields that differ from what upgradeTurnState fills in. */
export type StoredTurnState = Partial<TurnState> & { v: 3 };

/**
 * The stored form: defaults (null, false, "none", 0) are left out, since upgradeTurnState gives
 * them back; about a third of a conversation state's bytes in Redis, on every turn's write.
 */
export function storedTurnState(state: TurnState): StoredTurnState {
  const defaults = upgradeTurnState(undefined) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { v: TURN_STATE_VERSION };
  for (const [key, value] of Object.entries(state)) if (value !== defaults[key]) out[key] = value;
  return out as StoredTurnState;
}
