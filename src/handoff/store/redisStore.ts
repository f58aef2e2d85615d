/**
 * The handoff store in Redis, shared by every server process. Per conversation, under its hash
 * tag (src/state/keys.ts, so "end and delete" erases them in one step): `conv:{<id>}:handoff`,
 * the record (JSON, TTL = STATE_TTL_SECONDS from its first write, never extended), and `conv:{<id>}:contact`, the call-back request.
 * Shared keys (under `<prefix>handoff:`):
 *   queue:<queueId>         sorted set of waiting conversation ids, score = queuedAt
 *   active:<queueId>        sorted set of accepted conversation ids, score = acceptedAt
 *   presence                hash counsellorId → JSON (expiry inside, refreshed by the console)
 *   seen                    hash counsellorId → epoch ms of the console's last heartbeat
 *   times:<queueId>         recent handling times (ms), newest first
 *   contacts:<queueId>      sorted set of conversation ids with a call-back request, score = expiry (ms)
 * Record writes are one Lua compare-and-swap on `version` and state, checked against the state
 * table's edges, the queue index changing in the same script, so "two counsellors accept at
 * once" and "accept races cancel" have exactly one winner across connections and processes.
 */
import { takePrefetched } from '../../state/turnScope';
import type Redis from 'ioredis';
import { conversationKeys, sharedKeys } from '../../state/keys';
import { LuaScript } from '../../state/luaScript';
import { HandoffRecord, parseRecord, RECORD_SCHEMA } from '../record';
import { ALLOWED_EDGES, HandoffState } from '../stateTable';
import type { HandoffStore, PresenceEntry, StoredContactRequest } from './store';

// KEYS[1] record. ARGV: expectedVersion, expectedState, nextState ('none' = delete), json, ttl,
// keyPrefix ("<prefix>handoff:"), id, nextQueueId, score. The current state is read here, in
// the script, so check and write are one atomic step; a record in an unknown format counts as
// `none` (a new request replaces it instead of retrying forever). The edge list comes from the
// state table (src/handoff/stateTable.ts), so Redis refuses any write the table does not allow.
// Index keys are derived from the record: single Redis, not Cluster (docs/handoff.md).
const COMMIT = `
local edges = ' ${ALLOWED_EDGES.join(' ')} '
local cur = redis.call('GET', KEYS[1])
local state, version, queueId = 'none', 0, nil
if cur then
  local ok, d = pcall(cjson.decode, cur)
  if ok and type(d) == 'table' and d.schema == ${RECORD_SCHEMA} and type(d.version) == 'number' then
    state, version, queueId = d.status, d.version, d.queueId
  end
end
if state ~= ARGV[2] or version ~= tonumber(ARGV[1]) then return 0 end
if not string.find(edges, ' ' .. state .. '>' .. ARGV[3] .. ' ', 1, true) then return -1 end
if queueId then
  redis.call('ZREM', ARGV[6] .. 'queue:' .. queueId, ARGV[7])
  redis.call('ZREM', ARGV[6] .. 'active:' .. queueId, ARGV[7])
end
if ARGV[3] == 'none' then
  redis.call('DEL', KEYS[1])
  return 1
end
if ARGV[3] == 'waiting' then redis.call('ZADD', ARGV[6] .. 'queue:' .. ARGV[8], ARGV[9], ARGV[7]) end
if ARGV[3] == 'accepted' then redis.call('ZADD', ARGV[6] .. 'active:' .. ARGV[8], ARGV[9], ARGV[7]) end
-- The lifetime counts from the record's first write and is never extended (a shorter one, the
-- ended record's hour, may cut it): the privacy notice's "at most", as for every key.
local left = redis.call('PTTL', KEYS[1])
local ms = tonumber(ARGV[5]) * 1000
if left > 0 and left < ms then ms = left end
redis.call('SET', KEYS[1], ARGV[4], 'PX', ms)
return 1
`;

// KEYS[1] queue. ARGV: record key prefix, ids… A member goes only if its record is gone, so a
// request that re-created it in the meantime keeps its place.
const PRUNE = `
for i = 3, #ARGV do
  if redis.call('EXISTS', ARGV[1] .. ARGV[i] .. ARGV[2]) == 0 then redis.call('ZREM', KEYS[1], ARGV[i]) end
end
return 1
`;

/** Sent by digest, as the turn scripts are (state/luaScript.ts): the text only when Redis lacks it. */
const SCRIPTS = { commit: new LuaScript(COMMIT), prune: new LuaScript(PRUNE) };

export class RedisHandoffStore implements HandoffStore {
  private readonly p: string;

  constructor(private readonly redis: Redis, private readonly prefix: string) {
    this.p = `${prefix}handoff:`;
  }

  /** The record sits under the conversation's hash tag (src/state/keys.ts): "end and delete" erases it. */
  private recordKey(conversationId: string): string {
    return conversationKeys(this.prefix, conversationId).handoff;
  }

  async get(conversationId: string): Promise<HandoffRecord | null> {
    // Inside a turn the queue may have read it already, with the turn's acquire (turnScope.ts).
    const key = this.recordKey(conversationId);
    const prefetched = takePrefetched(key);
    return parseRecord(prefetched !== undefined ? prefetched : await this.redis.get(key));
  }

  async commit(conversationId: string, expected: { version: number; state: HandoffState }, next: HandoffRecord | null, ttlSeconds: number): Promise<boolean> {
    const to: HandoffState = next?.status ?? 'none';
    const score = next ? (next.status === 'waiting' ? next.queuedAt : next.acceptedAt ?? 0) : 0;
    const done = await SCRIPTS.commit.run(
      this.redis, 1, this.recordKey(conversationId),
      String(expected.version), expected.state, to, next ? JSON.stringify(next) : '', String(ttlSeconds), this.p,
      conversationId, next?.queueId ?? '', String(score),
    );
    if (done === -1) throw new Error(`handoff state table refuses ${expected.state} → ${to}`);
    return done === 1;
  }

  /** Test seam: stores raw text as a record (an unknown format, as another version might write). */
  async putRaw(conversationId: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.recordKey(conversationId), value, 'EX', ttlSeconds);
  }

  private indexKey(queueId: string, status: 'waiting' | 'accepted'): string {
    return `${this.p}${status === 'waiting' ? 'queue' : 'active'}:${queueId}`;
  }

  async queueMembers(queueId: string, status: 'waiting' | 'accepted' = 'waiting'): Promise<string[]> {
    return this.redis.zrange(this.indexKey(queueId, status), 0, -1);
  }

  async prune(queueId: string, conversationIds: string[], status: 'waiting' | 'accepted' = 'waiting'): Promise<void> {
    if (conversationIds.length === 0) return;
    const [before, after] = this.recordKey('\u0000').split('\u0000');
    await SCRIPTS.prune.run(this.redis, 1, this.indexKey(queueId, status), before, after, ...conversationIds);
  }

  async setPresence(entry: PresenceEntry): Promise<void> {
    await this.redis.hset(`${this.p}presence`, entry.counsellorId, JSON.stringify(entry));
  }

  async presence(): Promise<PresenceEntry[]> {
    const all = await this.redis.hgetall(`${this.p}presence`);
    return Object.values(all).map((json) => JSON.parse(json) as PresenceEntry);
  }

  async markSeen(counsellorId: string, at: number): Promise<void> {
    await this.redis.hset(`${this.p}seen`, counsellorId, String(at));
  }

  async lastSeen(counsellorId: string): Promise<number | null> {
    const at = await this.redis.hget(`${this.p}seen`, counsellorId);
    return at === null ? null : Number(at);
  }

  async addHandlingTime(queueId: string, ms: number, keep: number): Promise<void> {
    const key = `${this.p}times:${queueId}`;
    await this.redis.multi().lpush(key, String(ms)).ltrim(key, 0, keep - 1).exec();
  }

  async handlingTimes(queueId: string): Promise<number[]> {
    return (await this.redis.lrange(`${this.p}times:${queueId}`, 0, -1)).map(Number);
  }

  async addContactRequest(request: StoredContactRequest, ttlSeconds: number): Promise<void> {
    // The contact itself is kept with the conversation (so "end and delete" erases it); the
    // queue's index holds only conversation ids.
    const index = sharedKeys(this.prefix).handoffContacts(request.queueId);
    const expiresAt = Date.now() + ttlSeconds * 1000;
    await this.redis.set(conversationKeys(this.prefix, request.conversationId).contact, JSON.stringify(request), 'EX', ttlSeconds);
    await this.redis
      .multi()
      .zremrangebyscore(index, '-inf', String(Date.now()))
      .zadd(index, String(expiresAt), request.conversationId)
      .pexpire(index, ttlSeconds * 1000)
      .exec();
  }

  async contactRequests(queueId: string): Promise<StoredContactRequest[]> {
    const ids = await this.redis.zrangebyscore(sharedKeys(this.prefix).handoffContacts(queueId), String(Date.now()), '+inf');
    if (ids.length === 0) return [];
    // One GET per conversation (different cluster slots), in one pipeline.
    const rows = await ids.reduce((p, id) => p.get(conversationKeys(this.prefix, id).contact), this.redis.pipeline()).exec();
    return (rows ?? [])
      .map(([, json]) => (typeof json === 'string' ? (JSON.parse(json) as StoredContactRequest) : null))
      .filter((r): r is StoredContactRequest => r !== null && r.queueId === queueId);
  }

  async close(): Promise<void> {
    // The connection belongs to the runtime, which closes it.
  }
}
