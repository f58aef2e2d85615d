/**
 * The turn queue's Lua, one script per operation, each with its keys and arguments written above
 * it. Kept apart from RedisTurnQueue so the scripts can be read (and folded for fewer round trips)
 * on their own. Times are Redis `TIME` in ms, so lease ends mean the same on every process.
 *
 * Keys of one conversation (src/state/keys.ts, one hash-tag slot): the queue (list of turn
 * tokens, head = running turn), the leases (hash token → lease end) and the pending turns (hash
 * token → "<recoveries>:<what to run>", only for turns another process can take over).
 */

import { writeItemsLua } from './stateWriteLua';

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * The release of `ARGV[1]` (KEYS queue, leases, pending) and the wake-up of the turns waiting
 * behind it (PUBLISH ARGV[3] on ARGV[2]), shared by END_TURN and RELEASE_AND_WAKE. Only when a
 * turn still waits in the queue: a waiter's token is queued by the same script that first tells
 * it to wait, so a queue left empty has nobody to wake, and most turns (a resident types one
 * message at a time) publish nothing; every process would otherwise receive each turn's message. A token that was no longer queued (the queue erased or cut under it by "end and
 * delete") still publishes, so turns cancelled behind it learn it at once, not at their poll.
 */
const RELEASE_AND_WAKE_LUA = `
local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if removed == 0 or redis.call('LLEN', KEYS[1]) > 0 then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
`;

/**
 * Lua that enqueues `token` (q queue, l leases, p pending; lease and TTL in ms; `payload` '' =
 * not recoverable). Shared with the Direct Line store, which enqueues in the same script that
 * numbers the activity.
 */
export function enqueueLua(q: string, l: string, p: string, token: string, leaseMs: string, ttlMs: string, payload: string): string {
  return `${NOW}
redis.call('RPUSH', ${q}, ${token})
redis.call('HSET', ${l}, ${token}, now + tonumber(${leaseMs}))
redis.call('PEXPIRE', ${q}, ${ttlMs})
redis.call('PEXPIRE', ${l}, ${ttlMs})
if ${payload} ~= '' then
  redis.call('HSET', ${p}, ${token}, '0:' .. ${payload})
  redis.call('PEXPIRE', ${p}, ${ttlMs})
end
`;
}

// KEYS: queue, leases, pending. ARGV: token, lease ms, ttl ms, payload ('' = not recoverable).
export const ENQUEUE = `${enqueueLua('KEYS[1]', 'KEYS[2]', 'KEYS[3]', 'ARGV[1]', 'ARGV[2]', 'ARGV[3]', 'ARGV[4]')}
return 1`;

/**
 * The part of TRY_ACQUIRE and RECOVER that deals with a head whose lease ran out: a pending turn
 * that has not used up its recoveries is taken over under a fresh token (`fresh`, so the dead or
 * stalled owner's renewals and state write no longer count) and returned; anything else is dropped.
 * Expects `now` and `head`; leaves `claimed` = { 2, fresh token, payload } or nil.
 */
const TAKE_OVER_EXPIRED_HEAD = `
local claimed = nil
local pending = redis.call('HGET', KEYS[3], head)
redis.call('HDEL', KEYS[2], head)
redis.call('HDEL', KEYS[3], head)
local n, payload = nil, nil
if pending then n, payload = string.match(pending, '^(%d+):(.*)$') end
if payload and tonumber(n) < tonumber(ARGV[4]) then
  redis.call('LSET', KEYS[1], 0, ARGV[2])
  redis.call('HSET', KEYS[2], ARGV[2], now + tonumber(ARGV[3]))
  redis.call('HSET', KEYS[3], ARGV[2], (tonumber(n) + 1) .. ':' .. payload)
  claimed = { 2, ARGV[2], payload }
else
  redis.call('LPOP', KEYS[1])
end
`;

/**
 * The loop of TRY_ACQUIRE (after `now`): 1 = head, or { 1, values… } with the values of KEYS[4…]
 * read as the turn became the owner (the state and handoff record: turnScope.ts `prefetched`, so
 * acquire + read is one round trip); 0 = wait; -1 = the token is not queued (deleted);
 * { 2, token, payload } = the head's process died and this caller now owns its turn.
 */
const ACQUIRE_LOOP = `
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return -1 end
  if head == ARGV[1] then
    if #KEYS == 3 then return 1 end
    local out = { 1 }
    for i = 4, #KEYS do out[#out + 1] = redis.call('GET', KEYS[i]) end
    return out
  end
  local lease_end = tonumber(redis.call('HGET', KEYS[2], head) or '0')
  if lease_end > now then
    if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return -1 end
    return 0
  end
${TAKE_OVER_EXPIRED_HEAD}
  if claimed then return claimed end
end
`;

// KEYS: queue, leases, pending, then keys to read once the turn owns the conversation. ARGV:
// token, fresh token for a take-over, lease ms, max recoveries. Returns as ACQUIRE_LOOP.
export const TRY_ACQUIRE = `${NOW}${ACQUIRE_LOOP}`;

// KEYS as TRY_ACQUIRE. ARGV: token, fresh token, lease ms, max recoveries, queue ttl ms, payload
// ('' = not recoverable). A turn's enqueue and its first acquire (and read) in one round trip.
export const ENQUEUE_AND_ACQUIRE = `${enqueueLua('KEYS[1]', 'KEYS[2]', 'KEYS[3]', 'ARGV[1]', 'ARGV[3]', 'ARGV[5]', 'ARGV[6]')}${ACQUIRE_LOOP}`;

// KEYS: queue, leases, pending, then the turn's state keys, then the extra's keys. ARGV: token,
// turn-ended channel, the message (conversation id), state ttl seconds, number of state keys, then
// per state key: expected eTag, new eTag, json, then the extra's arguments. The end of a turn in
// one round trip: its state write (fenced by its lease and retiring its pending entry, as
// redisStorage.ts's write), the extra (turnScope.ts EndOfTurnExtra: the Direct Line replies), its
// release and the waiters' wake-up. Returns { 0, extra }, { -1 } when the turn no longer held its
// lease (nothing written), or { i } for an eTag conflict on state key i.
export function endTurnLua(extra = ''): string {
  return `
local n = tonumber(ARGV[5])
local KX = 3 + n
local AX = 5 + n * 3
local result = -1
local extra = false
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  redis.call('HDEL', KEYS[3], ARGV[1])
  result = (function()
${writeItemsLua('3', '5', 'n', 'tonumber(ARGV[4])')}
    return 0
  end)()
  if result == 0 then
${extra}
  end
end
${RELEASE_AND_WAKE_LUA}
return { result, extra }
`;
}

// KEYS: queue, leases, pending. ARGV: token, turn-ended channel, message: RELEASE and the
// waiters' wake-up in one round trip.
export const RELEASE_AND_WAKE = `${RELEASE_AND_WAKE_LUA}
return 1
`;

// KEYS: queue, leases, pending. ARGV: (unused), fresh token, lease ms, max recoveries. The
// sweep's check of one conversation: 0 = nothing queued; { 1, lease end } = the head is alive;
// { 2, token, payload } = an orphaned turn taken over (as in TRY_ACQUIRE).
export const RECOVER = `${NOW}
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return 0 end
  local lease_end = tonumber(redis.call('HGET', KEYS[2], head) or '0')
  if lease_end > now then return { 1, lease_end } end
${TAKE_OVER_EXPIRED_HEAD}
  if claimed then return claimed end
end
`;

// KEYS: leases. ARGV: token, lease ms. Renews only a lease that still exists (never resurrects
// the key after "end and delete", never revives a turn another process took over).
export const RENEW = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
${NOW}
redis.call('HSET', KEYS[1], ARGV[1], now + tonumber(ARGV[2]))
return 1
`;

// KEYS: queue, leases, pending. ARGV: token.
export const RELEASE = `
redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
`;

// KEYS: the open-turns index. ARGV: now (ms), next check (ms), limit. Takes up to `limit`
// conversations due for a check and moves their next check on, so that only one process sweeps
// each. Returns { id, score, id, score, … } with the new score.
export const CLAIM_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  out[#out + 1] = id
  out[#out + 1] = ARGV[2]
end
return out
`;

// KEYS: the open-turns index. ARGV: conversation id, the score the sweep set. Forgets a
// conversation whose queue was empty, unless a turn enqueued since (it would have moved the score).
export const FORGET_IF_UNCHANGED = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1
`;
