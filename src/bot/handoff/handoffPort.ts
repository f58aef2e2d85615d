/**
 * What the bot needs from counsellor handoff. The handoff module implements it; without one
 * (or when nobody is online) the resident is told honestly and shown the alternatives.
 */
import type { Lang } from '../../lang';

export interface HandoffSummary {
  /** The topic in words, in the resident's language (what the resident was shown). */
  topic: string;
  /** The topic's id, for routing and statistics. */
  topicId?: string;
  route?: { service: string; dialog: string };
  answers: { question: string; answer: string }[];
}

export type HandoffRequestResult =
  | { status: 'queued'; position?: number; estimateMinutes?: number | null }
  | { status: 'unavailable'; reason: string; alternatives?: string[]; acceptsContactRequests?: boolean };

export interface HandoffPort {
  request(req: { conversationId: string; queueId: string; lang: Lang; summary: HandoffSummary }): Promise<HandoffRequestResult>;
  statusOf(conversationId: string): Promise<{ status: 'none' | 'queued' | 'accepted'; queueId?: string }>;
  residentMessage(conversationId: string, text: string): Promise<void>;
  /** The resident is typing (shown to the counsellor while accepted). */
  residentTyping(conversationId: string): Promise<void>;
  /** The resident is still here (using the bot while waiting): keeps the wait from timing out. Never carries text. */
  keepWaiting(conversationId: string): Promise<void>;
  cancel(conversationId: string): Promise<void>;
  /** Keeps a call-back request (with a TTL) when the queue's team accepts them; false when it does not. */
  leaveContactRequest(req: { conversationId: string; queueId: string; lang: Lang; contact: string; summary: HandoffSummary }): Promise<boolean>;
}
