/**
 * Conversation and user state in Redis.
 *
 * - One round trip per read (MGET) and per write (one Lua script for the whole batch).
 * - Every key has a TTL (STATE_TTL_SECONDS): residents' data must not live forever.
 * - eTag checks happen inside the script, so check-and-set is atomic across server processes.
 *
 * Stored value: `<eTag>\n<json>`, which the script can split without decoding JSON.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { EtagConflictError, isOverwrite, StateStorage, StoreItems } from './storeItems';

// KEYS: the keys. ARGV: ttl, then per key: expected eTag ('' = overwrite), new eTag, json.
// Returns 0 on success, or the 1-based index of the first key whose eTag did not match.
const WRITE_SCRIPT = `
local ttl = tonumber(ARGV[1])
for i = 1, #KEYS do
  local expected = ARGV[2 + (i - 1) * 3]
  if expected ~= '' then
    local current = redis.call('GET', KEYS[i])
    if current then
      local nl = string.find(current, '\\n', 1, true)
      if nl and string.sub(current, 1, nl - 1) ~= expected then return i end
    end
  end
end
for i = 1, #KEYS do
  local base = 2 + (i - 1) * 3
  redis.call('SET', KEYS[i], ARGV[base + 1] .. '\\n' .. ARGV[base + 2], 'EX', ttl)
end
return 0
`;

export class RedisStateStorage implements StateStorage {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    private readonly prefix = 'opastin:state:',
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const values = await this.redis.mget(keys.map((k) => this.prefix + k));
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
    const args: string[] = [String(this.ttlSeconds)];
    for (const key of keys) {
      const { eTag, ...rest } = changes[key] ?? {};
      args.push(isOverwrite(eTag) ? '' : String(eTag), randomUUID(), JSON.stringify(rest));
    }
    const result = (await this.redis.eval(WRITE_SCRIPT, keys.length, ...keys.map((k) => this.prefix + k), ...args)) as number;
    if (result !== 0) throw new EtagConflictError(keys[result - 1]);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.redis.del(...keys.map((k) => this.prefix + k));
  }
}
