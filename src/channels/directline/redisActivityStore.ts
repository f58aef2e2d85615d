/**
 * Direct Line conversations in Redis, so any server process can serve any conversation. Keys
 * (src/state/keys.ts, all under the conversation's `{<id>}` hash tag):
 *
 * - `conv:{<id>}:dl:meta` hash: userId, createdAt, serviceUrl, started, seq (the last activity's
 *   number), trimmed (how many of the oldest were dropped for DIRECT_LINE_MAX_ACTIVITIES), and
 *   `ws:<jti>` for each stream token that opened a WebSocket already
 * - `conv:{<id>}:dl:log`  a list of the kept activities in their compact stored form
 *   (storedActivity.ts), one entry per turn once it has ended (the post and its replies, deflated
 *   together), each entry saying how many activities it numbers; the first entry starts at
 *   number trimmed + 1, so a read by watermark counts its way along the entries (in its script)
 *
 * A list, not a Redis Stream: a stream preallocates a 4 kB node however little it holds, which was
 * most of a conversation's memory; nothing here needs stream ids or XREAD (wake-ups go over
 * pub/sub, streamHub.ts). The record's TTL is set once at creation and never extended; the list
 * expires with it: a conversation lives at most STATE_TTL_SECONDS (24 h), as the privacy notice says.
 */
import type { Activity } from 'botbuilder';
import type Redis from 'ioredis';
import { conversationKeys, sharedKeys, STATE_NAMESPACES } from '../../state/keys';
import { DEFAULT_LEASE_MS } from '../../state/turnQueue';
import { enqueueLua } from '../../state/redisTurnQueue';
import { endTurnLua } from '../../state/turnQueueLua';
import { noteOpen, openCheckDue } from '../../state/turnRecovery';
import { turnScope } from '../../state/turnScope';
import {
  Acquired, activityId, ActivityPage, ActivityStore, Appended, AppendOptions, AppendedIds, ConversationNotFoundError, ConversationRecord,
  DEFAULT_PAGE_LIMIT, DEFAULT_MAX_ACTIVITIES, DIRECT_LINE_TURN, envelopeOf, parseWatermark, StoredPost,
} from './activityStore';
import type { RedisTopology } from '../../state/redisTopology';
import { LocalAppend, StreamHub, StreamListener } from './streamHub';
import { LuaScript } from '../../state/luaScript';
import { compactJson, decodeEntry, encodeEntries, encodeEntry, entryCountLua, Envelope, MAX_ENTRY_ACTIVITIES } from './storedActivity';

/**
 * Numbers `count` activities stored in `entries` list entries (ARGV[firstArg …]) and trims the
 * oldest whole entries while more than `max` activities are kept (so at most `max` are: a turn's
 * entry is never split); sets the Lua local `first`. Shared by APPEND and the end-of-turn extra.
 */
function numberLua(meta: string, log: string, max: string, count: string, entries: string, firstArg: string): string {
  return `
local c = tonumber(${count})
first = redis.call('HINCRBY', ${meta}, 'seq', c) - c + 1
local e = tonumber(${entries})
if e > 0 then redis.call('RPUSH', ${log}, unpack(ARGV, ${firstArg}, ${firstArg} + e - 1)) end
${trimLua(meta, log, max, 'first + c - 1')}
local left = redis.call('PTTL', ${meta})
if left > 0 then redis.call('PEXPIRE', ${log}, left) end
`;
}

/** Drops the oldest entries while the activities kept (up to number `last`) exceed `max`. */
function trimLua(meta: string, log: string, max: string, last: string): string {
  return `
if ${last} > tonumber(${max}) then
  local over = ${last} - tonumber(redis.call('HGET', ${meta}, 'trimmed') or '0') - tonumber(${max})
  local dropped = 0
  while over > 0 do
    local oldest = redis.call('LPOP', ${log})
    if not oldest then break end
    local n = entry_count(oldest)
    over = over - n
    dropped = dropped + n
  end
  if dropped > 0 then redis.call('HINCRBY', ${meta}, 'trimmed', dropped) end
end
`;
}

// KEYS: meta, log, turn queue, turn leases, pending turns, then (with a turn token) the state and
// handoff record to read, then (with an index score) the recovery sweep's index. ARGV: max kept,
// turn token ('' = none), lease ms, queue ttl ms, pub/sub channel, message, client activity id
// ('' = none), n activities, e entries, the index score ('' = the caller adds to the index
// itself: on a Cluster the shared index is in another slot), then the e stored entries. Numbers them in one step (a turn's replies go together), trims the oldest beyond the
// cap and announces them to the other processes. Returns { first, 0 }; { first, 1, values… } when
// the turn is at once the conversation's owner (nobody ahead: the common case), so the post, its
// enqueue, its acquire and its state read are one round trip; { seq of the latest client post, 2 }
// when it had that client activity id (nothing stored); { -1 } when the conversation is gone. A
// post's turn is recoverable as `dl:<seq>` (turnRecovery.ts): the activity itself is in the log.
const APPEND = `${entryCountLua}
if redis.call('EXISTS', KEYS[1]) == 0 then return { -1 } end
if ARGV[7] ~= '' then
  local last = redis.call('HMGET', KEYS[1], 'cid', 'cidSeq')
  if last[1] == ARGV[7] then return { tonumber(last[2]), 2 } end
end
local first
${numberLua('KEYS[1]', 'KEYS[2]', 'ARGV[1]', 'ARGV[8]', 'ARGV[9]', '11')}
if ARGV[7] ~= '' then redis.call('HSET', KEYS[1], 'cid', ARGV[7], 'cidSeq', first) end
local reads = #KEYS
if ARGV[2] ~= '' then
  if ARGV[10] ~= '' then
    redis.call('ZADD', KEYS[reads], ARGV[10], ARGV[11 + tonumber(ARGV[9])])
    reads = reads - 1
  end
${enqueueLua('KEYS[3]', 'KEYS[4]', 'KEYS[5]', 'ARGV[2]', 'ARGV[3]', 'ARGV[4]', `'${DIRECT_LINE_TURN}' .. first`)}
end
redis.call('PUBLISH', ARGV[5], ARGV[6])
if ARGV[2] == '' or reads == 5 or redis.call('LINDEX', KEYS[3], 0) ~= ARGV[2] then return { first, 0 } end
local out = { first, 1 }
for i = 6, reads do out[#out + 1] = redis.call('GET', KEYS[i]) end
return out
`;
// KEYS: meta, log. ARGV: watermark (a number), limit. Returns -1 when gone, else
// { seq, userId, serviceUrl, number of the first activity of the first entry returned, entries }:
// the entries holding the activities after the watermark, until `limit` of them are covered.
const READ = `${entryCountLua}
local m = redis.call('HMGET', KEYS[1], 'seq', 'userId', 'serviceUrl', 'trimmed')
if not m[1] then return -1 end
local after = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local before = tonumber(m[4] or '0')
local items = redis.call('LRANGE', KEYS[2], 0, -1)
local out = {}
local from = before + 1
local covered = 0
for i = 1, #items do
  if covered >= limit then break end
  local n = entry_count(items[i])
  if before + n > after then
    if #out == 0 then from = before + 1 end
    out[#out + 1] = items[i]
    covered = covered + math.min(n, before + n - after)
  end
  before = before + n
end
return { m[1], m[2] or '', m[3] or '', from, out }
`;
// The end-of-turn extra (turnScope.ts EndOfTurnExtra): KEYS[KX + 1, 2] meta, log; ARGV[AX + 1 …]
// max kept, pub/sub channel, message, n replies, the number of the post they answer ('' = none),
// e entries, then the entries. With a post number, the one entry holds the post and its replies:
// it replaces the post's own entry while the post is still the latest activity (one entry per
// turn), and is otherwise appended with its first item (the post) skipped. `extra` = the first
// new seq, or -1 when the conversation is gone (deleted while the turn ran: the replies are dropped).
const APPEND_AT_END = `
if redis.call('EXISTS', KEYS[KX + 1]) == 1 then
${entryCountLua}
  local first
  local post = tonumber(ARGV[AX + 5])
  if post then
    local entry = ARGV[AX + 7]
    local c = tonumber(ARGV[AX + 4])
    local seq = tonumber(redis.call('HGET', KEYS[KX + 1], 'seq'))
    local latest = redis.call('LINDEX', KEYS[KX + 2], -1)
    if seq == post and latest and entry_count(latest) == 1 then
      redis.call('LSET', KEYS[KX + 2], -1, entry)
    else
      redis.call('RPUSH', KEYS[KX + 2], string.char(string.byte(entry, 1), c, 1) .. string.sub(entry, 4))
      local left = redis.call('PTTL', KEYS[KX + 1])
      if left > 0 then redis.call('PEXPIRE', KEYS[KX + 2], left) end
    end
    first = redis.call('HINCRBY', KEYS[KX + 1], 'seq', c) - c + 1
${trimLua('KEYS[KX + 1]', 'KEYS[KX + 2]', 'ARGV[AX + 1]', 'first + c - 1')}
  else
${numberLua('KEYS[KX + 1]', 'KEYS[KX + 2]', 'ARGV[AX + 1]', 'ARGV[AX + 4]', 'ARGV[AX + 6]', 'AX + 7')}
  end
  redis.call('PUBLISH', ARGV[AX + 2], ARGV[AX + 3])
  extra = first
else
  extra = -1
end
`;
// KEYS: meta. Returns 1 when this call started the conversation, 0 when it already was, -1 when gone.
const MARK_STARTED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HGET', KEYS[1], 'started') == '1' then return 0 end
redis.call('HSET', KEYS[1], 'started', '1')
return 1
`;
// KEYS: meta. ARGV: jti. 1 = first use, 0 = used before, -1 = conversation gone.
const CLAIM_STREAM_TOKEN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('HSETNX', KEYS[1], 'ws:' .. ARGV[1], '1')
`;
const SCRIPTS = {
  append: new LuaScript(APPEND),
  /** The turn queue's END_TURN with APPEND_AT_END (redisTurnQueue.ts builds the same text). */
  endTurnWithReplies: new LuaScript(endTurnLua(APPEND_AT_END)),
  read: new LuaScript(READ),
  markStarted: new LuaScript(MARK_STARTED),
  claimStreamToken: new LuaScript(CLAIM_STREAM_TOKEN),
};

/**
 * The digests (EVALSHA) of the two scripts that number and store activities: a post's append and
 * the end of a turn with its replies. The fault tests freeze a process right after one of them.
 */
export const NUMBERING_SCRIPT_DIGESTS: readonly string[] = [SCRIPTS.append.sha, SCRIPTS.endTurnWithReplies.sha];

export interface RedisActivityStoreOptions {
  /** Used to open the pub/sub connection of the stream hub: a URL or the configured topology. */
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
  /** Not on a Cluster: the sweep's shared index can be written by the append script itself. */
  private readonly indexInScript: boolean;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisActivityStoreOptions,
  ) {
    this.hub = new StreamHub(options.url, redis, sharedKeys(options.prefix).dlAppendedChannel);
    this.indexInScript = typeof options.url === 'string' || options.url.kind !== 'cluster';
  }

  private keys(conversationId: string) {
    return conversationKeys(this.options.prefix, conversationId);
  }

  metaKey(conversationId: string): string {
    return this.keys(conversationId).dlMeta;
  }

  logKey(conversationId: string): string {
    return this.keys(conversationId).dlLog;
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
    const result = (await SCRIPTS.markStarted.run(this.redis, 1, this.metaKey(conversationId))) as number;
    if (result === -1) throw new ConversationNotFoundError();
    return result === 1;
  }

  async append(conversationId: string, activity: Partial<Activity>, options: AppendOptions = {}): Promise<Appended> {
    const { ids, watermark, acquired, repeated, post } = await this.appendAll(conversationId, [activity], options);
    return { id: ids[0], watermark, ...(acquired ? { acquired } : {}), ...(repeated ? { repeated } : {}), ...(post && options.turnTicket ? { post } : {}) };
  }

  async appendMany(conversationId: string, activities: Partial<Activity>[], options: AppendOptions = {}): Promise<AppendedIds> {
    return this.appendAll(conversationId, activities, { ...options, clientActivityId: undefined });
  }

  private async appendAll(conversationId: string, activities: Partial<Activity>[], options: AppendOptions): Promise<AppendedIds & { repeated?: true; post?: StoredPost }> {
    const k = this.keys(conversationId);
    const env = envelopeOf(conversationId, options.envelope);
    // A single activity's compact JSON is kept for the end of its turn (StoredPost); a post of a
    // turn is stored plain, as the end of the turn replaces its entry with a deflated one.
    const single = activities.length === 1 ? compactJson(activities[0], env) : null;
    const stored = single !== null ? [encodeEntry([single], 0, Boolean(options.turnTicket))] : encodeEntries(activities, env);
    const leaseMs = this.options.turnLeaseMs ?? DEFAULT_LEASE_MS;
    const reads = options.turnTicket && options.prefetchState ? [...STATE_NAMESPACES.map((ns) => k.state(options.prefetchState!, ns)), k.handoff] : [];
    // A turn's conversation goes into the recovery sweep's index: in the same script where the
    // index shares the node (one round trip, atomic), else as its own command sent first in the
    // same round trip (a process that dies between the two leaves a due check, not an unfound turn).
    const indexed = Boolean(options.turnTicket) && this.indexInScript;
    const [, result] = (await Promise.all([
      options.turnTicket && !indexed ? noteOpen(this.redis, this.options.prefix, conversationId, leaseMs) : undefined,
      SCRIPTS.append.run(
        this.redis, 5 + reads.length + (indexed ? 1 : 0), k.dlMeta, k.dlLog, k.turnQueue, k.turnLeases, k.turnPending, ...reads,
        ...(indexed ? [sharedKeys(this.options.prefix).turnsOpen] : []),
        String(this.options.maxActivities ?? DEFAULT_MAX_ACTIVITIES), options.turnTicket ?? '',
        String(leaseMs), String(this.options.turnQueueTtlMs ?? 30000),
        this.hub.channel, this.hub.message(k.dlLog), options.clientActivityId ?? '', String(activities.length), String(stored.length),
        indexed ? String(openCheckDue(leaseMs)) : '', ...stored, ...(indexed ? [conversationId] : []),
      ),
    ])) as [unknown, [number, 0 | 1 | 2, ...(string | null)[]]];
    const [first, flag] = result;
    if (first === -1) throw new ConversationNotFoundError();
    // A re-send of the latest client post: nothing stored, its first answer's id.
    if (flag === 2) return { ids: [activityId(conversationId, first)], watermark: String(first), repeated: true };
    const acquired = flag === 1 ? new Map(reads.map((key, i) => [key, (result[i + 2] as string | null) ?? null])) : undefined;
    const ids = activities.map((_, i) => activityId(conversationId, first + i));
    const appended: LocalAppend = { first, activities: activities.map((a, i) => ({ ...a, id: ids[i] }) as Activity) };
    this.hub.notifyLocal(k.dlLog, appended);
    return {
      ids, watermark: String(first + activities.length - 1), ...(acquired ? { acquired } : {}), ...(single !== null ? { post: { seq: first, json: single } } : {}),
    };
  }

  /**
   * A turn's replies, appended by the script that ends the turn (with its state write and
   * release: one round trip), when called inside that conversation's queued turn. False
   * otherwise: append them now. With `options.post` (the post the turn answers), post and replies
   * become one entry, which replaces the post's own while it is still the latest activity.
   */
  deferAppend(conversationId: string, activities: Partial<Activity>[], options: AppendOptions = {}): boolean {
    const turn = turnScope.getStore();
    if (!turn || turn.conversationId !== conversationId || turn.deferredWrite === undefined || turn.endExtra) return false;
    const k = this.keys(conversationId);
    const env = envelopeOf(conversationId, options.envelope);
    const post = options.post && activities.length < MAX_ENTRY_ACTIVITIES ? options.post : undefined;
    const stored = post ? [encodeEntry([post.json, ...activities.map((a) => compactJson(a, env))])] : encodeEntries(activities, env);
    turn.endExtra = {
      lua: APPEND_AT_END,
      keys: [k.dlMeta, k.dlLog],
      args: [
        String(this.options.maxActivities ?? DEFAULT_MAX_ACTIVITIES), this.hub.channel, this.hub.message(k.dlLog), String(activities.length),
        post ? String(post.seq) : '', String(stored.length), ...stored,
      ],
      done: (first) => {
        if (typeof first !== 'number' || first < 1) return;
        const ids = activities.map((_, i) => activityId(conversationId, first + i));
        this.hub.notifyLocal(k.dlLog, { first, activities: activities.map((a, i) => ({ ...a, id: ids[i] }) as Activity) });
      },
    };
    return true;
  }

  async read(conversationId: string, watermark: string | null, limit = DEFAULT_PAGE_LIMIT): Promise<ActivityPage> {
    const after = parseWatermark(watermark);
    const result = (await SCRIPTS.read.runBuffer(this.redis, 2, this.metaKey(conversationId), this.logKey(conversationId), String(after), String(limit))) as
      | number
      | [Buffer, Buffer, Buffer, number, Buffer[]];
    if (typeof result === 'number') throw new ConversationNotFoundError();
    const [seqRaw, userId, serviceUrl, firstSeq, entries] = result;
    const env: Envelope = { conversationId, userId: userId.toString(), serviceUrl: serviceUrl.toString() };
    const idOf = (seq: number): string => activityId(conversationId, seq);
    // Entries hold whole turns: the first may start before the watermark, the last run past the limit.
    const activities: Activity[] = [];
    let seq = firstSeq;
    let last = Math.min(after, Number(seqRaw.toString()));
    for (const entry of entries) {
      for (const activity of decodeEntry(entry, env, seq, idOf)) {
        if (seq > after && activities.length < limit) {
          activities.push(activity);
          last = seq;
        }
        seq++;
      }
    }
    return { activities, watermark: String(last) };
  }

  subscribe(conversationId: string, _watermark: string | null, onChange: StreamListener): () => void {
    return this.hub.subscribe(this.logKey(conversationId), onChange);
  }

  async claimStreamToken(conversationId: string, jti: string, _ttlSeconds: number): Promise<boolean> {
    const result = (await SCRIPTS.claimStreamToken.run(this.redis, 1, this.metaKey(conversationId), jti)) as number;
    return result === 1;
  }

  async delete(conversationId: string): Promise<void> {
    const k = this.keys(conversationId);
    await this.redis.del(k.dlMeta, k.dlLog, k.dlStream, k.dlSockets);
    this.notifyDeleted(conversationId);
  }

  notifyDeleted(conversationId: string): void {
    const key = this.logKey(conversationId);
    this.hub.notifyLocal(key);
    this.hub.announce(key);
  }

  async close(): Promise<void> {
    await this.hub.close();
  }
}
