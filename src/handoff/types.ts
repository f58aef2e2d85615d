/**
 * The handoff's public contract: what the bot calls when a resident asks for a person, and what
 * the counsellor console calls. Everything here is plain data so it can live in Redis as JSON.
 */
import type { Lang } from '../lang';

export type { Lang };

/** What the bot learned before the handoff, structured so a counsellor reads it at a glance. */
export interface HandoffSummary {
  topic: string;
  route?: { service: string; dialog: string };
  answers: { question: string; answer: string }[];
}

export type UnavailableReason = 'closed' | 'nobody-online' | 'unknown-queue';

export type RequestResult =
  /**
   * Waiting (position 1 = next). A repeated request while already with a counsellor changes
   * nothing and answers position 0, estimate 0.
   */
  | { status: 'queued'; queueId: string; position: number; /** null = no honest estimate yet */ estimateMinutes: number | null }
  | {
      status: 'unavailable';
      reason: UnavailableReason;
      /** Service ids of the queue's services, for the bot to offer instead. */
      alternatives: string[];
      acceptsContactRequests: boolean;
    };

export interface HandoffRequest {
  conversationId: string;
  queueId: string;
  lang: Lang;
  summary: HandoffSummary;
  /** Free-text transcript: only when the resident agreed to share it. */
  transcript?: string[];
  now?: Date;
}

export interface HandoffStatus {
  status: 'none' | 'queued' | 'accepted';
  queueId?: string;
  position?: number;
  counsellor?: string;
  /** queued: it came back to the queue because the counsellor's console went away. */
  returnedBecause?: 'console-gone';
  /** none: a counsellor ended it a moment ago (kept briefly, for the feedback answer). */
  ended?: { mode: EndMode; feedbackDue: boolean };
}

/**
 * The resident's cancel, and what really happened (docs/handoff.md, "For the bot"):
 * `cancelled` a wait was withdrawn; `ended` it was already with a counsellor (perhaps accepted a
 * moment before) and that chat ended, the counsellor told; `lost-to-accept` (only with
 * `onlyWaiting`) a counsellor accepted first, nothing was cancelled and the resident was told so.
 */
export type CancelResult =
  | { status: 'cancelled' }
  | { status: 'ended'; counsellor: string }
  | { status: 'lost-to-accept'; counsellor: string }
  | { status: 'none' };

export interface CancelOptions {
  /** Withdraw a wait only: if a counsellor accepted first, keep the chat (`lost-to-accept`). */
  onlyWaiting?: boolean;
}

export interface ContactRequest {
  conversationId: string;
  queueId: string;
  lang: Lang;
  /** How the resident wants to be reached (phone number or e-mail): personal data, kept with a TTL. */
  contact: string;
  summary: HandoffSummary;
  now?: Date;
}

export type Presence = 'online' | 'away';
export type EndMode = 'back-to-bot' | 'close';

/** A waiting conversation as the console lists it. */
export interface WaitingItem {
  conversationId: string;
  queueId: string;
  lang: Lang;
  queuedAt: number;
  waitingSeconds: number;
  position: number;
  summary: HandoffSummary;
  transcript?: string[];
  /** Back in the queue (at its old place) because the counsellor's console went away. */
  returnedBecause?: 'console-gone';
}

export type AcceptResult = { ok: true } | { ok: false; reason: 'not-waiting' | 'taken' };
export type TransferResult =
  | { status: 'queued'; queueId: string; position: number }
  | { status: 'unavailable'; reason: UnavailableReason }
  | { status: 'same-queue' }
  | { status: 'not-found' };

/** Resident's `residentMessage` outcome, so the bot knows whether to handle the turn itself. */
export type ResidentMessageResult = 'delivered' | 'waiting' | 'none';

export interface HandoffService {
  request(req: HandoffRequest): Promise<RequestResult>;
  /** Ends the handoff from the resident's side (a wait, or a chat); says which, and who won a race with accept. */
  cancel(conversationId: string, options?: CancelOptions): Promise<CancelResult>;
  /** "End and delete": the handoff goes, and the counsellor's console is told. */
  residentDeleted(conversationId: string): Promise<void>;
  /** The answer to "did you get help?" after a counsellor ended back to the bot; false when none was due. */
  recordFeedback(conversationId: string, helpful: boolean): Promise<boolean>;
  statusOf(conversationId: string): Promise<HandoffStatus>;
  /**
   * Forwards to the counsellor when accepted; while waiting it only keeps the wait alive.
   * (`StoreHandoffService.relayResidentMessage` says which of the two happened.)
   */
  residentMessage(conversationId: string, text: string): Promise<void>;
  residentTyping(conversationId: string): Promise<void>;
  /** Kept with a TTL, only if the queue accepts contact requests; returns whether it was kept. */
  leaveContactRequest(req: ContactRequest): Promise<boolean>;

  setPresence(counsellorId: string, presence: Presence, queues: string[]): Promise<void>;
  listWaiting(queues: string[] | 'all'): Promise<WaitingItem[]>;
  /** Atomic: of concurrent accepts exactly one wins, across processes. */
  accept(conversationId: string, counsellorId: string): Promise<AcceptResult>;
  send(conversationId: string, counsellorId: string, text: string): Promise<boolean>;
  typing(conversationId: string, counsellorId: string): Promise<boolean>;
  /** Private: stored for counsellors, never delivered to the resident. */
  note(conversationId: string, counsellorId: string, text: string): Promise<boolean>;
  transfer(conversationId: string, toQueue: string, by?: string): Promise<TransferResult>;
  end(conversationId: string, counsellorId: string, mode: EndMode): Promise<boolean>;
  /** Ends waits with no resident activity and no accept for the wait timeout; returns how many. */
  expireAbandoned(now?: Date): Promise<number>;
  /** Puts chats whose counsellor's console went quiet back in their queue; returns how many. */
  returnOrphaned(now?: Date): Promise<number>;
}

/** Something to show in the resident's chat (a Bot Framework activity, partial). */
export type Deliver = (conversationId: string, activity: Record<string, unknown>) => Promise<unknown>;
