/**
 * Where a Direct Line conversation lives: its record (user id, when it started) and its ordered
 * activities. Watermarks are sequence numbers (1, 2, 3, …) as strings; "activities after
 * watermark 3" are those numbered 4 and up. Memory and Redis implement the same contract and run
 * the same behaviour suite (tests/channels/activityStoreBehaviour.ts).
 */
import type { Activity } from 'botbuilder';

export interface ConversationRecord {
  conversationId: string;
  userId: string;
  createdAt: number;
  /** The base address activities carry as `serviceUrl`. */
  serviceUrl: string;
  /** Set once the client has started the conversation (conversationUpdate sent to the bot). */
  started: boolean;
}

export interface ActivityPage {
  activities: Activity[];
  /** Sequence number of the last activity returned, or the one asked for when nothing is new. */
  watermark: string;
}

export class ConversationNotFoundError extends Error {
  constructor() {
    super('Conversation not found (it never existed, expired or was deleted).');
    this.name = 'ConversationNotFoundError';
  }
}

export interface ActivityStore {
  /** Creates the record; the conversation then exists (with no activities) for `ttlSeconds`. */
  create(record: ConversationRecord): Promise<void>;
  get(conversationId: string): Promise<ConversationRecord | null>;
  /** Marks the conversation started; resolves true only for the call that changed it. */
  markStarted(conversationId: string): Promise<boolean>;
  /**
   * Appends one activity and gives it its id (`<conversationId>|<seq, 7 digits>`). Throws
   * ConversationNotFoundError when the conversation is gone, so a late reply cannot resurrect it.
   */
  append(conversationId: string, activity: Partial<Activity>, options?: AppendOptions): Promise<Appended>;
  /** Activities after `watermark` (all when null), oldest first, at most `limit`. */
  read(conversationId: string, watermark: string | null, limit?: number): Promise<ActivityPage>;
  /**
   * Calls `onChange` (possibly more often than needed) after activities beyond `watermark`
   * appear, from any process. Returns the unsubscribe function.
   */
  subscribe(conversationId: string, watermark: string | null, onChange: () => void): () => void;
  /**
   * True the first time a stream token (its `jti`) opens a WebSocket, false after: one socket
   * per stream token, across processes. Forgotten with the conversation.
   */
  claimStreamToken(conversationId: string, jti: string, ttlSeconds: number): Promise<boolean>;
  /** Removes the record and every activity (the channel's eraser removes the rest). */
  delete(conversationId: string): Promise<void>;
  /** Wakes this process's listeners of a conversation that was erased, so its WebSockets close. */
  notifyDeleted(conversationId: string): void;
  close(): Promise<void>;
}

export interface AppendOptions {
  /**
   * Takes the bot's turn-queue place for this activity in the same atomic step that gives it its
   * sequence number, so the transcript order is the order turns are processed in, across processes.
   */
  turnTicket?: string;
  /**
   * The client's own id for its post (channelData.clientActivityID). When it equals the id of the
   * conversation's latest client post, the activity is not stored again nor queued: a client that
   * re-sends after its POST failed (the process died mid-turn; another process answers the
   * accepted one) gets the first one's id back with `repeated`.
   */
  clientActivityId?: string;
}

export interface Appended {
  id: string;
  watermark: string;
  /** Set when `clientActivityId` named the latest post: nothing was stored. */
  repeated?: true;
}

/** The client's id for a post, when it gives a usable one (Web Chat, DirectLineJS and our client do). */
export function clientActivityIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as Record<string, unknown> | undefined;
  const id = data?.clientActivityID ?? data?.clientActivityId;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

export const DEFAULT_PAGE_LIMIT = 100;

/** How a Direct Line post's turn is described for recovery: `dl:<seq>` (channel.ts resumes it). */
export const DIRECT_LINE_TURN = 'dl:';

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** "12" → 12; null, "", "-" or garbage → 0 (everything). */
export function parseWatermark(watermark: string | null | undefined): number {
  if (!watermark) return 0;
  const n = Number(watermark);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}
