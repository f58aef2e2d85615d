/**
 * Conversation and user state in Redis.
 *
 * - One round trip per read (MGET) and per write (one Lua script for the whole batch).
 * - Keys follow src/state/keys.ts: a conversation's state sits under its `{<id>}` hash tag.
 * - Every key has a TTL (STATE_TTL_SECONDS) counted from its first write and never extended
 *   (KEEPTTL): the privacy notice promises at most 24 h, not 24 h after the last message.
 * - An item larger than the size cap is refused (StateTooLargeError) instead of growing forever.
 * - eTag checks happen inside the script, so check-and-set is atomic across server processes.
 * - A write from inside a queued turn is fenced by the turn's lease and retires the turn's pending
 *   entry in the same script (turnRecovery.ts): a taken-over turn cannot write, a written one is
 *   never rerun.
 *
 * Stored value: `<eTag>\n<json>`, which the script can split without decoding JSON.
 */
import type Redis from 'ioredis';
import { conversationKeys, stateKey } from './keys';
import { randomBase64Url } from './randomPool';
import { writeItemsLua } from './stateWriteLua';
import { LuaScript } from './luaScript';
import { takePrefetched, turnScope, TurnSupersededError } from './turnScope';
import { checkStateSize, DEFAULT_MAX_STATE_BYTES, EtagConflictError, isOverwrite, StateStorage, StoreItems } from './storeItems';

// KEYS: the keys, then (when ARGV[2] names a turn) the conversation's turn leases and pending
// turns. ARGV: ttl, turn token ('' = none), then per key: expected eTag ('' = overwrite), new
// eTag, json. Returns 0 on success, the 1-based index of the first key whose eTag did not match,
// or -1 when the turn no longer holds its lease (taken over: turnRecovery.ts). A turn's write
// retires its pending entry, so it is never run again by another process.
const WRITE_SCRIPT = `
local ttl = tonumber(ARGV[1])
local turn = ARGV[2]
local n = #KEYS
if turn ~= '' then
  n = n - 2
  if redis.call('HEXISTS', KEYS[n + 1], turn) == 0 then return -1 end
  redis.call('HDEL', KEYS[n + 2], turn)
end
${writeItemsLua('0', '2', 'n', 'ttl')}
return 0
`;
const WRITE = new LuaScript(WRITE_SCRIPT);

/** A fresh eTag: 96 random bits (as unguessable as needed, a third of a UUID's bytes in every state value). */
function newETag(): string {
  return randomBase64Url(12);
}

export class RedisStateStorage implements StateStorage {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    /** The deployment's key prefix (REDIS_KEY_PREFIX). */
    private readonly prefix = 'opastin:',
    private readonly maxItemBytes = DEFAULT_MAX_STATE_BYTES,
  ) {}

  key(storageKey: string): string {
    return stateKey(this.prefix, storageKey);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    // Read already with the turn's acquire (turnScope.ts), else one MGET: botbuilder reads one
    // conversation's keys per turn, which share a hash tag (one cluster slot).
    const redisKeys = keys.map((k) => this.key(k));
    const taken = redisKeys.map((k) => takePrefetched(k));
    const values = taken.every((v) => v !== undefined) ? (taken as (string | null)[]) : await this.redis.mget(redisKeys);
    values.forEach((raw, i) => {
      if (raw === null) return;
      const nl = raw.indexOf('\n');
      items[keys[i]] = { ...JSON.parse(raw.slice(nl + 1)), eTag: raw.slice(0, nl) };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const redisKeys = keys.map((k) => this.key(k));
    // Inside a queued turn of this conversation, the write is fenced by the turn's lease.
    const turn = turnScope.getStore();
    const tag = turn ? conversationKeys(this.prefix, turn.conversationId) : null;
    const fenced = turn && tag && redisKeys.every((k) => k.startsWith(tag.base));
    const args: string[] = [String(this.ttlSeconds), fenced ? turn.token : ''];
    for (const key of keys) {
      const { eTag, ...rest } = changes[key] ?? {};
      const json = JSON.stringify(rest);
      checkStateSize(key, json, this.maxItemBytes);
      args.push(isOverwrite(eTag) ? '' : String(eTag), newETag(), json);
    }
    if (fenced && turn.deferredWrite !== undefined) {
      // The queue writes it with the release (END_TURN): the turn's end is one round trip.
      const deferred = (turn.deferredWrite ??= { ttlSeconds: this.ttlSeconds, items: new Map() });
      keys.forEach((storageKey, i) => {
        const [expected, eTag, json] = args.slice(2 + i * 3, 5 + i * 3);
        const earlier = deferred.items.get(redisKeys[i]);
        deferred.items.set(redisKeys[i], { storageKey, expected: earlier ? earlier.expected : expected, eTag, json });
      });
      return;
    }
    const allKeys = fenced ? [...redisKeys, tag.turnLeases, tag.turnPending] : redisKeys;
    const result = (await WRITE.run(this.redis, allKeys.length, ...allKeys, ...args)) as number;
    if (result === -1) throw new TurnSupersededError();
    if (result !== 0) throw new EtagConflictError(keys[result - 1]);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await Promise.all(keys.map((k) => this.redis.del(this.key(k))));
  }
}
