/**
 * Where a Direct Line conversation lives: its record (user id, when it started) and its ordered
 * activities. Watermarks are sequence numbers (1, 2, 3, …) as strings; "activities after
 * watermark 3" are those numbered 4 and up. Memory and Redis implement the same contract and run
 * the same behaviour suite (tests/channels/activityStoreBehaviour.ts).
 */
import type { Activity } from 'botbuilder';
import type { StreamListener } from './streamHub';
import type { Envelope } from './storedActivity';

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
  /**
   * POST /conversations: the record, and `started` true only for the call that started the
   * conversation (once, across processes). With `turnTicket` that call also takes the greeting
   * turn's place in the turn queue in the same atomic step (nothing can be queued between the
   * start and its greeting) and, with `prefetchState`, reads the turn's state when nobody is
   * ahead (`acquired`): the start is one round trip. ConversationNotFoundError when it is gone.
   */
  start(conversationId: string, options?: StartOptions): Promise<Started>;
  /**
   * Appends one activity and gives it its id (`<conversationId>|<seq, 7 digits>`). Throws
   * ConversationNotFoundError when the conversation is gone, so a late reply cannot resurrect it.
   */
  append(conversationId: string, activity: Partial<Activity>, options?: AppendOptions): Promise<Appended>;
  /**
   * A turn's replies to be appended by the script that ends the current queued turn of the
   * conversation (Redis: with its state write and release); false when that is not possible here.
   */
  deferAppend?(conversationId: string, activities: Partial<Activity>[], options?: AppendOptions): boolean;
  /** Appends several activities in one atomic step (a turn's replies), numbered in order. */
  appendMany(conversationId: string, activities: Partial<Activity>[], options?: AppendOptions): Promise<AppendedIds>;
  /** Activities after `watermark` (all when null), oldest first, at most `limit`. */
  read(conversationId: string, watermark: string | null, limit?: number): Promise<ActivityPage>;
  /**
   * Calls `onChange` (possibly more often than needed) after activities beyond `watermark`
   * appear, from any process; for appends made in this process with those activities, so a
   * listener whose watermark they follow need not read them back. Returns the unsubscribe function.
   */
  subscribe(conversationId: string, watermark: string | null, onChange: StreamListener): () => void;
  /**
   * A WebSocket's opening. Claims its stream token (`jti`): `claimed` is true the first time the
   * token opens a socket, false after (one socket per stream token, across processes; forgotten
   * with the conversation). When claimed, `page` is what follows `watermark` (as `read`), or null
   * when nothing follows `known`, the number up to which the caller holds those activities itself
   * (the greeting this process just stored). ConversationNotFoundError when it is gone.
   */
  openStream(conversationId: string, jti: string, ttlSeconds: number, watermark: string | null, known?: number): Promise<OpenedStream>;
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
   * The conversation's resident and serviceUrl (its record): what the stored form may leave out
   * because a read restores it (storedActivity.ts). Without it the activity is kept whole.
   */
  envelope?: Pick<Envelope, 'userId' | 'serviceUrl'>;
  /**
   * With `turnTicket`: the channel of the turn, so the append can also take the conversation when
   * nobody is ahead and read its state for the turn (`acquired`, see TurnRunOptions.acquired).
   */
  prefetchState?: string;
  /**
   * The client's own id for its post (channelData.clientActivityID). When it equals the id of the
   * conversation's latest client post, the activity is not stored again nor queued: a client that
   * re-sends after its POST failed (the process died mid-turn; another process answers the
   * accepted one) gets the first one's id back with `repeated`.
   */
  clientActivityId?: string;
  /**
   * For deferAppend: the post the turn answers, as its append stored it (Appended.post), so the
   * store may keep the post and its replies as one entry.
   */
  post?: StoredPost;
}

export interface OpenedStream {
  claimed: boolean;
  page: ActivityPage | null;
}

export interface StartOptions {
  /** The greeting turn's place in the turn queue, taken only by the call that starts the conversation. */
  turnTicket?: string;
  /** With `turnTicket`: the turn's channel, as AppendOptions.prefetchState. */
  prefetchState?: string;
}

export interface Started {
  /** As it was before this call: `started` false when this call started it. */
  record: ConversationRecord;
  /** This call started the conversation (and took `turnTicket`'s place). */
  started: boolean;
  /** With StartOptions.prefetchState, when the greeting turn became the owner at once. */
  acquired?: Acquired;
}

/** A post as the store kept it: its number and whatever the store needs to store it again with its replies. */
export interface StoredPost {
  seq: number;
  json: string;
}

export interface Appended {
  id: string;
  watermark: string;
  /** Set when `clientActivityId` named the latest post: nothing was stored. */
  repeated?: true;
  /** With AppendOptions.prefetchState, when the turn became the owner at once. */
  acquired?: Acquired;
  /** From a store that can keep a post with its replies (pass it to deferAppend as `post`). */
  post?: StoredPost;
}

/** The client's id for a post, when it gives a usable one (Web Chat, DirectLineJS and our client do). */
export function clientActivityIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as Record<string, unknown> | undefined;
  const id = data?.clientActivityID ?? data?.clientActivityId;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

/** What the turn queue's acquire would have read (Redis key → raw value): the turn owns the conversation. */
export type Acquired = Map<string, string | null>;

export interface AppendedIds {
  ids: string[];
  /** Sequence number of the last one. */
  watermark: string;
  /** With AppendOptions.prefetchState, when the turn became the owner at once. */
  acquired?: Acquired;
}

/**
 * Activities kept per conversation (DIRECT_LINE_MAX_ACTIVITIES): a reloaded page shows at most
 * these; ≈60 turns, far beyond a guidance conversation, and a bound on what one conversation holds.
 */
export const DEFAULT_MAX_ACTIVITIES = 200;

export function envelopeOf(conversationId: string, given?: Pick<Envelope, 'userId' | 'serviceUrl'>): Envelope {
  return { conversationId, userId: given?.userId ?? '', serviceUrl: given?.serviceUrl ?? '' };
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
