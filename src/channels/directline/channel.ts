/**
 * The Direct Line channel's core, free of HTTP: conversations, tokens, client posts, bot replies,
 * proactive posts and "end and delete". routes.ts and webSocket.ts put the wire protocol on top.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from '../../logging/logger';
import type { StateStorage } from '../../state/storeItems';
import { ActivityStore, ConversationNotFoundError, ConversationRecord } from './activityStore';
import { BOT_ACCOUNT, DirectLineAdapter, prepareOutgoing } from './adapter';
import type { DirectLineConfig } from './config';
import { DirectLineError } from './errors';
import { newConversationId, newUserId, signToken, TokenClaims } from './tokens';
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
  /** The bot's state storage: "end and delete" removes the conversation's state there too. */
  stateStorage: StateStorage;
  /** When set, every other key under `redisKeyPrefix` that names the conversation is removed too. */
  redis?: Redis | null;
  redisKeyPrefix?: string;
  /** Told first on "end and delete", so others holding the conversation (the handoff) can react. */
  onDelete?: (conversationId: string) => Promise<void>;
  log: Logger;
}

export class DirectLineChannel {
  readonly config: DirectLineConfig;
  readonly store: ActivityStore;
  readonly adapter: DirectLineAdapter;
  /** A stable id per secret, returned as `referenceGrammarId` like the real service. */
  readonly referenceGrammarId: string;

  constructor(private readonly options: DirectLineChannelOptions) {
    this.config = options.config;
    this.store = options.store;
    this.adapter = new DirectLineAdapter(options.store);
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
    if (!record) throw new DirectLineError(404, 'NotFound', 'Conversation not found (it never existed, expired or was deleted).');
    return record;
  }

  /**
   * POST /conversations: the first call starts the conversation and, as the real service does,
   * tells the bot who joined (conversationUpdate with membersAdded), so it can greet.
   */
  async start(record: ConversationRecord, options: { locale?: string } = {}): Promise<void> {
    if (!(await this.store.markStarted(record.conversationId))) return;
    const update: Partial<Activity> = {
      type: 'conversationUpdate',
      membersAdded: [{ ...BOT_ACCOUNT }, { id: record.userId, role: 'user' }] as Activity['membersAdded'],
      ...this.envelope(record),
      // The POST conversations body's locale, so the greeting is in the resident's language.
      ...(options.locale ? { locale: options.locale } : {}),
    };
    await this.adapter.processActivity(update, this.options.turnLogic);
    this.options.log.info({ event: 'dl_conversation_started' }, 'Direct Line conversation started');
  }

  /** A resident's activity: validated, stamped by the channel, stored, then the bot's turn. */
  async postFromClient(record: ConversationRecord, body: unknown): Promise<{ id: string }> {
    const clean = validateClientActivity(body);
    const activity: Partial<Activity> = { ...clean, ...this.envelope(record) };
    const { id } = await this.store.append(record.conversationId, activity);
    this.options.log.debug({ event: 'dl_activity', type: activity.type }, 'client activity stored');
    await this.adapter.processActivity({ ...activity, id }, this.options.turnLogic);
    return { id };
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
    return { id: (await this.store.append(conversationId, activity)).id };
  }

  /**
   * "End and delete": the activity stream, the conversation record (tokens die with it: a token
   * of a deleted conversation gets 404), the bot's conversation and user state, and any other key
   * under the Redis prefix that names this conversation. Returns false when nothing was stored.
   */
  async deleteConversation(conversationId: string): Promise<boolean> {
    const record = await this.store.get(conversationId);
    await this.options.onDelete?.(conversationId);
    await this.store.delete(conversationId);
    // ConversationState's key is "<channel>/conversations/<id>/<namespace>" (namespace "" by default).
    const base = `${CHANNEL_ID}/conversations/${conversationId}`;
    const stateKeys = [base, `${base}/`];
    if (record) stateKeys.push(`${CHANNEL_ID}/users/${record.userId}`, `${CHANNEL_ID}/users/${record.userId}/`);
    await this.options.stateStorage.delete(stateKeys);
    const redis = this.options.redis;
    if (redis) {
      const pattern = `${this.options.redisKeyPrefix ?? ''}*${conversationId}*`;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    this.options.log.info({ event: 'dl_conversation_deleted', existed: Boolean(record) }, 'Direct Line conversation deleted');
    return Boolean(record);
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
