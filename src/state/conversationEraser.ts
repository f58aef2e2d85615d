/**
 * "End and delete" for Redis: one script removes every key of the conversation (the list comes
 * from src/state/keys.ts, all in one hash-tag slot, so it runs on Redis Cluster too and needs no
 * SCAN), and reports which handoff queues listed it, so the conversation id is then taken out of
 * those shared indexes as well. Nothing of the conversation is left: not its words, not its id.
 */
import type Redis from 'ioredis';
import { allConversationKeys, conversationKeys, sharedKeys } from './keys';
import { LuaScript } from './luaScript';

// KEYS: every key of the conversation. ARGV: index (1-based) of the meta, handoff and contact keys.
// Returns { existed (meta was there: 1/0), handoff queue id or '', contact queue id or '' }.
const ERASE = `
local function queueOf(key)
  local json = redis.call('GET', key)
  if not json then return '' end
  local ok, d = pcall(cjson.decode, json)
  if ok and type(d) == 'table' and type(d.queueId) == 'string' then return d.queueId end
  return ''
end
local existed = redis.call('EXISTS', KEYS[tonumber(ARGV[1])])
local hq = queueOf(KEYS[tonumber(ARGV[2])])
local cq = queueOf(KEYS[tonumber(ARGV[3])])
redis.call('DEL', unpack(KEYS))
return { existed, hq, cq }
`;
const ERASE_SCRIPT = new LuaScript(ERASE);

export async function eraseConversation(redis: Redis, prefix: string, conversationId: string, channelId: string): Promise<boolean> {
  const keys = allConversationKeys(prefix, conversationId, channelId);
  const k = conversationKeys(prefix, conversationId);
  const index = (key: string): string => String(keys.indexOf(key) + 1);
  const [existed, handoffQueue, contactQueue] = (await ERASE_SCRIPT.run(
    redis, keys.length, ...keys, index(k.dlMeta), index(k.handoff), index(k.contact),
  )) as [number, string, string];
  const shared = sharedKeys(prefix);
  // The shared indexes sit in other slots: separate commands, after the conversation is gone.
  const cleanup: Promise<unknown>[] = [redis.zrem(shared.turnsOpen, conversationId)];
  if (handoffQueue) {
    cleanup.push(redis.zrem(shared.handoffQueue(handoffQueue), conversationId), redis.zrem(shared.handoffActive(handoffQueue), conversationId));
  }
  if (contactQueue) cleanup.push(redis.zrem(shared.handoffContacts(contactQueue), conversationId));
  await Promise.all(cleanup);
  return existed === 1;
}
