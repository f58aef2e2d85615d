/**
 * Direct Line conversations in Redis, so any server process can serve any conversation. Keys
 * (src/state/keys.ts, all under the conversation's `{<id>}` hash tag):
 *
 * - `conv:{<id>}:dl:meta`   hash: userId, createdAt, serviceUrl, started, seq
 * - `conv:{<id>}:dl:stream` a Redis Stream; entry ids are `0-<seq>`, so watermark n ↔ id 0-n
 * - `conv:{<id>}:dl:ws`     stream tokens already used to open a WebSocket
 *
 * The record's TTL is set once at creation and never extended; the stream expires with it: a
 * conversation lives at most STATE_TTL_SECONDS (24 h), as the privacy notice says.
 */
import type { Activity } from 'botbuilder';
import type Redis from 'ioredis';
import { conversationKeys } from '../../state/keys';
import { DEFAULT_LEASE_MS } from '../../state/turnQueue';
import { enqueueLua } from '../../state/redisTurnQueue';
import { noteOpen } from '../../state/turnRecovery';
import {
  activityId, ActivityPage, ActivityStore, Appended, AppendOptions, ConversationNotFoundError, ConversationRecord, DEFAULT_PAGE_LIMIT, DIRECT_LINE_TURN, parseWatermark,
} from './activityStore';
import type { RedisTopology } from '../../state/redisTopology';
import { StreamHub } from './streamHub';

// KEYS: meta, stream, turn queue, turn leases, pending turns. ARGV: json, maxlen, turn token ('' =
// none), lease ms, queue ttl ms, client activity id ('' = none). Returns { seq, 0 }, { seq of the
// latest client post, 1 } when it had that client id (nothing stored), or { -1, 0 } when the
// conversation is gone. A post's turn is recoverable as `dl:<seq>` (turnRecovery.ts): the activity
// itself is in the stream.
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return { -1, 0 } end
if ARGV[6] ~= '' then
  local last = redis.call('HMGET', KEYS[1], 'cid', 'cidSeq')
  if last[1] == ARGV[6] then return { tonumber(last[2]), 1 } end
end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'cid', ARGV[6], 'cidSeq', seq) end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '0-' .. seq, 'a', ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left > 0 then redis.call('PEXPIRE', KEYS[2], left) end
if ARGV[3] ~= '' then
${enqueueLua('KEYS[3]', 'KEYS[4]', 'KEYS[5]', 'ARGV[3]', 'ARGV[4]', 'ARGV[5]', `'${DIRECT_LINE_TURN}' .. seq`)}
end
return { seq, 0 }
`;
// KEYS: meta. Returns 1 when this call started the conversation, 0 when it already was, -1 when gone.
const MARK_STARTED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HGET', KEYS[1], 'started') == '1' then return 0 end
redis.call('HSET', KEYS[1], 'started', '1')
return 1
`;
// KEYS: meta, sockets. ARGV: jti. 1 = first use, 0 = used before, -1 = conversation gone.
const CLAIM_STREAM_TOKEN = `
local left = redis.call('PTTL', KEYS[1])
if left <= 0 then return -1 end
if redis.call('HSETNX', KEYS[2], ARGV[1], '1') == 0 then return 0 end
redis.call('PEXPIRE', KEYS[2], left)
return 1
`;

export interface RedisActivityStoreOptions {
  /** Used to open the dedicated blocking connection (XREAD BLOCK): a URL or the configured topology. */
  url: string | RedisTopology;
  prefix: string;
  ttlSeconds: number;
  maxActivities?: number;
  /** Lease and key lifetime of turn-queue places taken by `append` (RedisTurnQueue's own). */
  turnLeaseMs?: number;
  turnQueueTtlMs?: number;
}

export class RedisActivityStore implements ActivityStore {
  private readonly hub: StreamHub;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisActivityStoreOptions,
  ) {
    this.hub = new StreamHub(options.url, redis);
  }

  private keys(conversationId: string) {
    return conversationKeys(this.options.prefix, conversationId);
  }

  metaKey(conversationId: string): string {
    return this.keys(conversationId).dlMeta;
  }

  streamKey(conversationId: string): string {
    return this.keys(conversationId).dlStream;
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

  async append(conversationId: string, activity: Partial<Activity>, options: AppendOptions = {}): Promise<Appended> {
    const { id: _ignored, ...rest } = activity;
    const k = this.keys(conversationId);
    const leaseMs = this.options.turnLeaseMs ?? DEFAULT_LEASE_MS;
    // The sweep's index first (another slot on Cluster, so its own command, in the same round
    // trip): a process that dies between the two leaves a due check, not an unfound turn.
    const [, [seq, repeated]] = (await Promise.all([
      options.turnTicket ? noteOpen(this.redis, this.options.prefix, conversationId, leaseMs) : undefined,
      this.redis.eval(
        APPEND, 5, k.dlMeta, k.dlStream, k.turnQueue, k.turnLeases, k.turnPending,
        JSON.stringify(rest), String(this.options.maxActivities ?? 1000), options.turnTicket ?? '',
        String(leaseMs), String(this.options.turnQueueTtlMs ?? 30000), options.clientActivityId ?? '',
      ),
    ])) as [unknown, [number, number]];
    if (seq === -1) throw new ConversationNotFoundError();
    if (repeated === 1) return { id: activityId(conversationId, seq), watermark: String(seq), repeated: true };
    this.hub.notifyLocal(k.dlStream);
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

  async claimStreamToken(conversationId: string, jti: string, _ttlSeconds: number): Promise<boolean> {
    const k = this.keys(conversationId);
    const result = (await this.redis.eval(CLAIM_STREAM_TOKEN, 2, k.dlMeta, k.dlSockets, jti)) as number;
    return result === 1;
  }

  async delete(conversationId: string): Promise<void> {
    const k = this.keys(conversationId);
    await this.redis.del(k.dlMeta, k.dlStream, k.dlSockets);
    this.hub.notifyLocal(k.dlStream);
  }

  notifyDeleted(conversationId: string): void {
    this.hub.notifyLocal(this.streamKey(conversationId));
  }

  async close(): Promise<void> {
    await this.hub.close();
  }
}
