/**
 * Direct Line conversations in Redis, so any server process can serve any conversation:
 *
 * - `<prefix>dl:{<id>}:meta`   hash: userId, createdAt, serviceUrl, started, seq
 * - `<prefix>dl:{<id>}:stream` a Redis Stream; entry ids are `0-<seq>`, so watermark n ↔ id 0-n
 *
 * Both keys carry the state TTL, refreshed on every append. The `{<id>}` hash tag keeps a
 * conversation's keys in one cluster slot, as the Lua scripts need.
 */
import type { Activity } from 'botbuilder';
import type Redis from 'ioredis';
import {
  activityId, ActivityPage, ActivityStore, ConversationNotFoundError, ConversationRecord, DEFAULT_PAGE_LIMIT, parseWatermark,
} from './activityStore';
import type { RedisTopology } from '../../state/redisTopology';
import { StreamHub } from './streamHub';

// KEYS: meta, stream. ARGV: json, maxlen, ttl. Returns the new seq, or -1 when the conversation is gone.
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '0-' .. seq, 'a', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return seq
`;
// KEYS: meta. Returns 1 when this call started the conversation, 0 when it already was, -1 when gone.
const MARK_STARTED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HGET', KEYS[1], 'started') == '1' then return 0 end
redis.call('HSET', KEYS[1], 'started', '1')
return 1
`;

export interface RedisActivityStoreOptions {
  /** Used to open the dedicated blocking connection (XREAD BLOCK): a URL or the configured topology. */
  url: string | RedisTopology;
  prefix: string;
  ttlSeconds: number;
  maxActivities?: number;
}

export class RedisActivityStore implements ActivityStore {
  private readonly hub: StreamHub;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisActivityStoreOptions,
  ) {
    this.hub = new StreamHub(options.url, redis);
  }

  metaKey(conversationId: string): string {
    return `${this.options.prefix}dl:{${conversationId}}:meta`;
  }

  streamKey(conversationId: string): string {
    return `${this.options.prefix}dl:{${conversationId}}:stream`;
  }

  async create(record: ConversationRecord): Promise<void> {
    const key = this.metaKey(record.conversationId);
    await this.redis
      .multi()
      .hset(key, {
        userId: record.userId,
        createdAt: String(record.createdAt),
        serviceUrl: record.serviceUrl,
        started: record.started ? '1' : '0',
        seq: '0',
      })
      .expire(key, this.options.ttlSeconds)
      .exec();
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const h = await this.redis.hgetall(this.metaKey(conversationId));
    if (!h.userId) return null;
    return {
      conversationId,
      userId: h.userId,
      createdAt: Number(h.createdAt),
      serviceUrl: h.serviceUrl,
      started: h.started === '1',
    };
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const result = (await this.redis.eval(MARK_STARTED, 1, this.metaKey(conversationId))) as number;
    if (result === -1) throw new ConversationNotFoundError();
    return result === 1;
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<{ id: string; watermark: string }> {
    const { id: _ignored, ...rest } = activity;
    const seq = (await this.redis.eval(
      APPEND, 2, this.metaKey(conversationId), this.streamKey(conversationId),
      JSON.stringify(rest), String(this.options.maxActivities ?? 1000), String(this.options.ttlSeconds),
    )) as number;
    if (seq === -1) throw new ConversationNotFoundError();
    this.hub.notifyLocal(this.streamKey(conversationId));
    return { id: activityId(conversationId, seq), watermark: String(seq) };
  }

  async read(conversationId: string, watermark: string | null, limit = DEFAULT_PAGE_LIMIT): Promise<ActivityPage> {
    const after = parseWatermark(watermark);
    const results = await this.redis
      .multi()
      .hget(this.metaKey(conversationId), 'seq')
      .xrange(this.streamKey(conversationId), `0-${after + 1}`, '+', 'COUNT', limit)
      .exec();
    if (!results) throw new Error('Redis transaction was aborted');
    const [[seqErr, seqRaw], [rangeErr, entries]] = results as [[Error | null, string | null], [Error | null, [string, string[]][]]];
    if (seqErr || rangeErr) throw seqErr ?? rangeErr;
    if (seqRaw === null) throw new ConversationNotFoundError();
    const activities = entries.map(([id, fields]) => {
      const seq = Number(id.split('-')[1]);
      return { ...JSON.parse(fields[1]), id: activityId(conversationId, seq) } as Activity;
    });
    const last = entries.length > 0 ? Number(entries[entries.length - 1][0].split('-')[1]) : Math.min(after, Number(seqRaw));
    return { activities, watermark: String(last) };
  }

  subscribe(conversationId: string, watermark: string | null, onChange: () => void): () => void {
    return this.hub.subscribe(this.streamKey(conversationId), parseWatermark(watermark), onChange);
  }

  async delete(conversationId: string): Promise<void> {
    await this.redis.del(this.metaKey(conversationId), this.streamKey(conversationId));
    this.hub.notifyLocal(this.streamKey(conversationId));
  }

  async close(): Promise<void> {
    await this.hub.close();
  }
}
