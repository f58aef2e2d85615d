/**
 * The Lua of a state write (eTag checks first, then every SET), shared by the plain write
 * (redisStorage.ts) and the end of a queued turn, which writes its state in the script that
 * releases it (turnQueueLua.ts END_TURN). Keys KEYS[k0 + 1 … k0 + n]; per key i the arguments
 * ARGV[a0 + 3(i-1) + 1 … + 3] = expected eTag ('' = overwrite), new eTag, json. A conflict
 * returns i (1-based); `ttl` is a Lua expression (seconds, for keys that have none yet: KEEPTTL
 * otherwise, so a conversation never outlives its first write's 24 h).
 */
export function writeItemsLua(k0: string, a0: string, n: string, ttl: string): string {
  return `
for i = 1, ${n} do
  local expected = ARGV[${a0} + (i - 1) * 3 + 1]
  if expected ~= '' then
    local current = redis.call('GET', KEYS[${k0} + i])
    if current then
      local nl = string.find(current, '\\n', 1, true)
      if nl and string.sub(current, 1, nl - 1) ~= expected then return i end
    end
  end
end
for i = 1, ${n} do
  local base = ${a0} + (i - 1) * 3
  local value = ARGV[base + 2] .. '\\n' .. ARGV[base + 3]
  if redis.call('PTTL', KEYS[${k0} + i]) > 0 then
    redis.call('SET', KEYS[${k0} + i], value, 'KEEPTTL')
  else
    redis.call('SET', KEYS[${k0} + i], value, 'EX', ${ttl})
  end
end
`;
}
