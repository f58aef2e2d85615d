/**
 * The Lua of the Direct Line store (redisActivityStore.ts), one script per operation with its keys
 * and arguments written above it, as the turn queue's are in turnQueueLua.ts; the key layout is
 * described in redisActivityStore.ts.
 */
import { enqueueLua } from '../../state/turnQueueLua';
import { DIRECT_LINE_TURN } from './activityStore';
import { entryCountLua } from './storedActivity';

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
export const APPEND = `${entryCountLua}
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

/**
 * Returns -1 when gone, else { seq, userId, serviceUrl, number of the first activity of the first
 * entry returned, entries }: the entries holding the activities after number `after`, until
 * `limit` of them are covered. Shared by READ and OPEN_STREAM.
 */
function readLua(after: string, limit: string): string {
  return `
local m = redis.call('HMGET', KEYS[1], 'seq', 'userId', 'serviceUrl', 'trimmed')
if not m[1] then return -1 end
local after = tonumber(${after})
local limit = tonumber(${limit})
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
}

// KEYS: meta, log. ARGV: watermark (a number), limit. Returns as readLua.
export const READ = `${entryCountLua}
${readLua('ARGV[1]', 'ARGV[2]')}`;
// The end-of-turn extra (turnScope.ts EndOfTurnExtra): KEYS[KX + 1, 2] meta, log; ARGV[AX + 1 …]
// max kept, pub/sub channel, message, n replies, the number of the post they answer ('' = none),
// e entries, then the entries. With a post number, the one entry holds the post and its replies:
// it replaces the post's own entry while the post is still the latest activity (one entry per
// turn), and is otherwise appended with its first item (the post) skipped. `extra` = the first
// new seq, or -1 when the conversation is gone (deleted while the turn ran: the replies are dropped).
export const APPEND_AT_END = `
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
// KEYS: meta. ARGV: ttl seconds, userId, createdAt, serviceUrl, started ('1' / '0'). A new record
// with no activities yet, living ttl seconds from now (never extended).
export const CREATE = `
redis.call('HSET', KEYS[1], 'userId', ARGV[2], 'createdAt', ARGV[3], 'serviceUrl', ARGV[4], 'started', ARGV[5], 'seq', '0')
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`;
// KEYS: meta, turn queue, turn leases, pending turns, then (with a turn token) the state and
// handoff record to read. ARGV: turn token of the greeting ('' = none), lease ms, queue ttl ms.
// Returns { -1 } when gone, else { started, userId, createdAt, serviceUrl, owner, values… }:
// started 1 when this call started the conversation (and queued the token: the greeting is the
// first turn after the start, whatever another process posts), owner 1 with the values read
// when the token is at once the conversation's owner (as APPEND's).
export const START = `
local m = redis.call('HMGET', KEYS[1], 'userId', 'createdAt', 'serviceUrl', 'started')
if not m[1] then return { -1 } end
if m[4] == '1' then return { 0, m[1], m[2], m[3], 0 } end
redis.call('HSET', KEYS[1], 'started', '1')
if ARGV[1] == '' then return { 1, m[1], m[2], m[3], 0 } end
${enqueueLua('KEYS[2]', 'KEYS[3]', 'KEYS[4]', 'ARGV[1]', 'ARGV[2]', 'ARGV[3]', "''")}
if redis.call('LINDEX', KEYS[2], 0) ~= ARGV[1] then return { 1, m[1], m[2], m[3], 0 } end
local out = { 1, m[1], m[2], m[3], 1 }
for i = 5, #KEYS do out[#out + 1] = redis.call('GET', KEYS[i]) end
return out
`;
// A WebSocket's opening. KEYS: meta, log. ARGV: stream token id (jti), watermark (a number),
// limit, known (the number up to which the caller holds the activities after the watermark
// itself, '' = none). -1 = conversation gone, 0 = the token opened a socket before, { seq } when
// nothing follows `known`, else as readLua: the token's claim and the socket's first read are one
// round trip, and a greeting this process just stored is not read back.
export const OPEN_STREAM = `${entryCountLua}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[1], 'ws:' .. ARGV[1], '1') == 0 then return 0 end
local seq = redis.call('HGET', KEYS[1], 'seq')
if tonumber(seq) == tonumber(ARGV[4]) then return { seq } end
${readLua('ARGV[2]', 'ARGV[3]')}`;
