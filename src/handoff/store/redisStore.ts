/**
 * The handoff store in Redis, shared by every server process. Per conversation (src/state/keys.ts,
 * under the conversation's `{<id>}` hash tag, so "end and delete" removes them in one step):
 *   conv:{<id>}:handoff     the record (JSON, TTL = STATE_TTL_SECONDS)
 *   conv:{<id>}:contact     the call-back request (JSON, TTL = HANDOFF_CONTACT_REQUEST_TTL)
 * Shared (under `<prefix>handoff:`):
 *   queue:<queueId>         sorted set of waiting conversation ids, score = queuedAt
 *   active:<queueId>        sorted set of accepted conversation ids, score = acceptedAt
 *   presence                hash counsellorId → JSON (expiry inside, refreshed by the console)
 *   times:<queueId>         recent handling times (ms), newest first
 *   contacts:<queueId>      sorted set of conversation ids with a call-back request, score = expiry (ms)
 * Record writes are Lua compare-and-swaps on `version`, the queue index changing in the same
 * script, so "two counsellors accept at once" has exactly one winner across connections.
 */
import type Redis from 'ioredis';
import { conversationKeys, sharedKeys } from '../../state/keys';
import { HandoffRecord, parseRecord } from '../record';
import type { HandoffStore, PresenceEntry, StoredContactRequest } from './store';

// KEYS[1] record. ARGV: json, expectedVersion, ttl, keyPrefix ("<prefix>handoff:"), id,
// newStatus, newQueueId, score. The index keys are derived inside the script from the statuses
// (single Redis, not Cluster: see docs/handoff.md).
const SWAP = `
local function index(status) if status == 'waiting' then return 'queue:' end return 'active:' end
local cur = redis.call('GET', KEYS[1])
local version = 0
if cur then
  local d = cjson.decode(cur)
  version = d.version
  if version == tonumber(ARGV[2]) then redis.call('ZREM', ARGV[4] .. index(d.status) .. d.queueId, ARGV[5]) end
end
if version ~= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', ARGV[4] .. index(ARGV[6]) .. ARGV[7], ARGV[8], ARGV[5])
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1
`;

// KEYS[1] record. ARGV: expectedVersion, keyPrefix, id.
const REMOVE = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local d = cjson.decode(cur)
if d.version ~= tonumber(ARGV[1]) then return 0 end
local index = 'active:'
if d.status == 'waiting' then index = 'queue:' end
redis.call('ZREM', ARGV[2] .. index .. d.queueId, ARGV[3])
redis.call('DEL', KEYS[1])
return 1
`;

// KEYS[1] queue. ARGV: record key before and after the id, ids… A member goes only if its
// record is gone, so a request that re-created it in the meantime keeps its place.
const PRUNE = `
for i = 3, #ARGV do
  if redis.call('EXISTS', ARGV[1] .. ARGV[i] .. ARGV[2]) == 0 then redis.call('ZREM', KEYS[1], ARGV[i]) end
end
return 1
`;

export class RedisHandoffStore implements HandoffStore {
  private readonly p: string;

  constructor(private readonly redis: Redis, private readonly prefix: string) {
    this.p = `${prefix}handoff:`;
  }

  private recordKey(conversationId: string): string {
    return conversationKeys(this.prefix, conversationId).handoff;
  }

  async get(conversationId: string): Promise<HandoffRecord | null> {
    return parseRecord(await this.redis.get(this.recordKey(conversationId)));
  }

  async swap(next: HandoffRecord, expectedVersion: number, ttlSeconds: number): Promise<boolean> {
    const done = await this.redis.eval(
      SWAP, 1, this.recordKey(next.conversationId),
      JSON.stringify(next), String(expectedVersion), String(ttlSeconds), this.p,
      next.conversationId, next.status, next.queueId, String(next.status === 'waiting' ? next.queuedAt : next.acceptedAt ?? 0),
    );
    return done === 1;
  }

  async remove(conversationId: string, expectedVersion: number): Promise<boolean> {
    const done = await this.redis.eval(REMOVE, 1, this.recordKey(conversationId), String(expectedVersion), this.p, conversationId);
    return done === 1;
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
    await this.redis.eval(PRUNE, 1, this.indexKey(queueId, status), before, after, ...conversationIds);
  }

  async setPresence(entry: PresenceEntry): Promise<void> {
    await this.redis.hset(`${this.p}presence`, entry.counsellorId, JSON.stringify(entry));
  }

  async presence(): Promise<PresenceEntry[]> {
    const all = await this.redis.hgetall(`${this.p}presence`);
    return Object.values(all).map((json) => JSON.parse(json) as PresenceEntry);
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
