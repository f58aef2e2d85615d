/**
 * The Direct Line channel's core, free of HTTP: conversations, tokens, client posts, bot replies,
 * proactive posts and "end and delete". routes.ts and webSocket.ts put the wire protocol on top.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from '../../logging/logger';
import type { TurnQueue } from '../../state/turnQueue';
import {
  ActivityStore, activityId, clientActivityIdOf, ConversationNotFoundError, ConversationRecord, DEFAULT_PAGE_LIMIT, DIRECT_LINE_TURN,
} from './activityStore';
import { BOT_ACCOUNT, DirectLineAdapter, prepareOutgoing } from './adapter';
import type { DirectLineConfig } from './config';
import { DirectLineError } from './errors';
import { newConversationId, newUserId, signToken, TokenClaims } from './tokens';
import { GreetingHandOff } from './greetingHandOff';
import { RecordCache } from './recordCache';
import { validateClientActivity } from './validate';

export const CHANNEL_ID = 'directline';

export interface ConversationToken {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

export interface DirectLineChannelOptions {
  config: DirectLineConfig;
  store: ActivityStore;
  turnLogic: (context: TurnContext) => Promise<void>;
  /** The bot's turn queue: posts take their place in it as they are numbered; deletes wait in it. */
  queue: TurnQueue;
  /**
   * Removes everything of the conversation in every store (Redis: one script over the keys of
   * src/state/keys.ts; memory: each store forgets it). Resolves true when it existed.
   */
  erase: (conversationId: string) => Promise<boolean>;
  /** The longest a conversation lives (STATE_TTL_SECONDS): older expired tokens cannot delete. */
  conversationTtlSeconds?: number;
  log: Logger;
}

export class DirectLineChannel {
  readonly config: DirectLineConfig;
  readonly store: ActivityStore;
  readonly adapter: DirectLineAdapter;
  readonly log: Logger;
  readonly conversationTtlSeconds: number;
  /** A stable id per secret, returned as `referenceGrammarId` like the real service. */
  readonly referenceGrammarId: string;
  private readonly records = new RecordCache();
  private readonly greetings = new GreetingHandOff();

  constructor(private readonly options: DirectLineChannelOptions) {
    this.config = options.config;
    this.store = options.store;
    this.log = options.log;
    this.conversationTtlSeconds = options.conversationTtlSeconds ?? 24 * 60 * 60;
    this.adapter = new DirectLineAdapter(options.store, (conversationId, activity) => this.localPush?.(conversationId, activity) ?? 0);
    const h = createHash('sha256').update(`grammar:${options.config.secret}`).digest('hex');
    this.referenceGrammarId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  /** A token for a new conversation (tokens/generate, or the page's /api/chat/token). */
  async createConversation(serviceUrl: string, userId: string = newUserId()): Promise<ConversationToken> {
    const conversationId = newConversationId();
    const record: ConversationRecord = { conversationId, userId, createdAt: Date.now(), serviceUrl, started: false };
    await this.store.create(record);
    this.options.log.info({ event: 'dl_conversation_created' }, 'Direct Line conversation created');
    return { conversationId, userId, ...this.token(conversationId, userId) };
  }

  token(conversationId: string, userId: string): { token: string; expires_in: number } {
    const ttl = this.config.tokenTtlSeconds;
    return { token: signToken(this.config.secret, { conv: conversationId, user: userId }, ttl), expires_in: ttl };
  }

  streamToken(conversationId: string, userId: string): string {
    return signToken(this.config.secret, { conv: conversationId, user: userId, scope: 'stream' }, this.config.streamTokenTtlSeconds);
  }

  async requireConversation(conversationId: string): Promise<ConversationRecord> {
    const record = await this.store.get(conversationId);
    if (!record) throw notFound();
    this.records.set(record);
    return record;
  }

  /**
   * For a resident's post: the record from this process's cache when it served the conversation
   * lately (the append that follows still refuses a deleted or expired one), else from the store.
   */
  async conversationForPost(conversationId: string): Promise<ConversationRecord> {
    return this.records.get(conversationId) ?? this.requireConversation(conversationId);
  }

  /**
   * POST /conversations: the first call starts the conversation and, as the real service does,
   * tells the bot who joined (conversationUpdate with membersAdded), so it can greet. One round
   * trip before the greeting turn runs: the store's start reads the record, marks it started and
   * takes the greeting's queue place (and reads its state) together. Resolves with the record
   * and whether this call started it; a DirectLineError 404 when the conversation is gone.
   */
  async start(conversationId: string, options: { locale?: string } = {}): Promise<{ record: ConversationRecord; isNew: boolean }> {
    const turnTicket = randomUUID();
    let started;
    try {
      started = await this.store.start(conversationId, { turnTicket, prefetchState: CHANNEL_ID });
    } catch (err) {
      if (err instanceof ConversationNotFoundError) throw notFound();
      throw err;
    }
    const { record, acquired } = started;
    this.records.set(record);
    if (!started.started) return { record, isNew: false };
    const update: Partial<Activity> = {
      type: 'conversationUpdate',
      membersAdded: [{ ...BOT_ACCOUNT }, { id: record.userId, role: 'user' }] as Activity['membersAdded'],
      ...this.envelope(record),
      // The POST conversations body's locale, so the greeting is in the resident's language.
      ...(options.locale ? { locale: options.locale } : {}),
    };
    // The greeting's activities, as this process appends them, for the first socket opened here.
    const greeting = this.greetings.collector();
    const unsubscribe = this.store.subscribe(record.conversationId, null, greeting.listener);
    try {
      await this.adapter.processActivity(update, this.options.turnLogic, { ticket: turnTicket, acquired, envelope: record });
    } finally {
      unsubscribe();
    }
    greeting.keep(record.conversationId);
    this.options.log.info({ event: 'dl_conversation_started' }, 'Direct Line conversation started');
    return { record, isNew: true };
  }

  /** The greeting this process's start of the conversation stored (activities 1 … n), once. */
  takeGreeting(conversationId: string): Activity[] | undefined {
    return this.greetings.take(conversationId);
  }

  /** A resident's activity: validated, stamped by the channel, stored, then the bot's turn. */
  async postFromClient(record: ConversationRecord, body: unknown): Promise<{ id: string }> {
    const clean = validateClientActivity(body);
    const activity: Partial<Activity> = { ...clean, ...this.envelope(record) };
    // The turn's queue place is taken in the same atomic step that numbers the activity, so the
    // bot answers in transcript order even when posts alternate between processes.
    const turnTicket = randomUUID();
    const { id, acquired, repeated, post } = await this.store.append(record.conversationId, activity, {
      turnTicket, envelope: record, prefetchState: CHANNEL_ID, clientActivityId: clientActivityIdOf(activity),
    });
    // A re-send of a post already accepted (its POST answer was lost): that one has its turn.
    if (repeated) return { id };
    this.options.log.debug({ event: 'dl_activity', type: activity.type }, 'client activity stored');
    await this.adapter.processActivity({ ...activity, id }, this.options.turnLogic, { ticket: turnTicket, envelope: record, acquired, post });
    return { id };
  }

  /**
   * Runs a post's turn that another process accepted and then died on (the turn queue hands it
   * over with `ticket`, its place, and `recoverable`, `dl:<seq>`): the activity is read back from
   * the stream and the replies go into the stream, so the resident's socket, wherever it is,
   * gets them.
   */
  async resumeTurn(conversationId: string, ticket: string, recoverable: string): Promise<void> {
    const seq = recoverable.startsWith(DIRECT_LINE_TURN) ? Number(recoverable.slice(DIRECT_LINE_TURN.length)) : NaN;
    // One read: the post itself, then what followed it.
    const page = Number.isInteger(seq) && seq > 0 ? await this.store.read(conversationId, String(seq - 1), DEFAULT_PAGE_LIMIT + 1).catch(() => null) : null;
    const [activity, ...after] = page?.activities ?? [];
    if (!activity || activity.id !== activityId(conversationId, seq)) {
      // Nothing to run (trimmed, deleted, unknown description): just give the place up.
      await this.options.queue.run(conversationId, async () => undefined, { ticket });
      return;
    }
    // Replies the first run stored before it died (delivered early: an apology, or what came
    // before a pause); the rerun reaches the same ones first and skips them.
    const alreadySent = after.filter((a) => a.replyToId === activity.id).length;
    this.options.log.info({ event: 'dl_turn_recovered', type: activity.type, alreadySent }, 'ran a turn a stopped process had accepted');
    // The post's sender is the resident and its serviceUrl the record's: what the stored replies may leave out.
    await this.adapter.processActivity(activity, this.options.turnLogic, {
      ticket, envelope: { userId: activity.from?.id ?? '', serviceUrl: activity.serviceUrl ?? '' }, alreadySent,
    });
  }

  /**
   * Posts an activity into a conversation without a turn (proactive): a counsellor's message, a
   * notice. It is shown as the bot's unless `from` names someone else (never the resident);
   * message text is sanitised like every outgoing text.
   */
  async postToConversation(conversationId: string, partial: Partial<Activity>): Promise<{ id: string }> {
    const record = await this.store.get(conversationId);
    if (!record) throw new ConversationNotFoundError();
    const activity = prepareOutgoing({
      type: 'message',
      ...partial,
      conversation: { id: conversationId } as Activity['conversation'],
      recipient: { id: record.userId, role: 'user' } as Activity['recipient'],
      serviceUrl: record.serviceUrl,
    });
    return { id: (await this.store.append(conversationId, activity, { envelope: record })).id };
  }

  /**
   * "End and delete": every key of the conversation in every store — activities, the record
   * (tokens die with it: a token of a deleted conversation gets 404), bot state, turn queue,
   * handoff record with the resident's messages, call-back contact. It waits its turn in the
   * conversation's queue first, so a turn in progress cannot write its state back afterwards;
   * turns queued behind it are cancelled. Returns false when nothing was stored.
   */
  async deleteConversation(conversationId: string): Promise<boolean> {
    let existed = false;
    this.records.delete(conversationId);
    this.greetings.forget(conversationId);
    // Nothing there (a spent token asking again): answer without queueing anything.
    if (!(await this.store.get(conversationId))) {
      existed = await this.options.erase(conversationId);
      return existed;
    }
    const erase = async (): Promise<void> => {
      existed = await this.options.erase(conversationId);
    };
    try {
      await this.options.queue.run(conversationId, erase);
    } catch (err) {
      // A turn that would not finish in time must not keep the data: erase anyway.
      if ((err as Error).name !== 'TurnWaitTimeoutError' && (err as Error).name !== 'TurnCancelledError') throw err;
      await erase();
    }
    this.store.notifyDeleted(conversationId);
    this.options.log.info({ event: 'dl_conversation_deleted', existed }, 'Direct Line conversation deleted');
    return existed;
  }

  /** Pushes onto this process's open WebSockets of the conversation (set by the streams). */
  localPush: ((conversationId: string, activity: Partial<Activity>) => number) | null = null;

  /**
   * The apology when the stores cannot be reached: straight onto the resident's WebSocket if it
   * is open in this process (no Redis needed), never stored. Returns how many sockets got it.
   */
  apologiseLocally(conversationId: string, text: string): number {
    const activity = prepareOutgoing({ type: 'message', text, textFormat: 'markdown', id: `${conversationId}|unavailable-${Date.now()}` });
    return this.localPush?.(conversationId, activity) ?? 0;
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  claimsMatch(claims: TokenClaims | null, conversationId: string): boolean {
    return claims === null || claims.conv === conversationId;
  }

  private envelope(record: ConversationRecord): Partial<Activity> {
    return {
      channelId: CHANNEL_ID,
      serviceUrl: record.serviceUrl,
      conversation: { id: record.conversationId } as Activity['conversation'],
      from: { id: record.userId, role: 'user' } as Activity['from'],
      recipient: { ...BOT_ACCOUNT } as Activity['recipient'],
      timestamp: new Date(),
    };
  }
}

function notFound(): DirectLineError {
  return new DirectLineError(404, 'NotFound', 'Conversation not found (it never existed, expired or was deleted).');
}
