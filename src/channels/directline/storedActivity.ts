/**
 * How Direct Line activities are kept (Redis list entries, memory store): the least the channel
 * needs to give the same activities back on a replay, so a conversation stays within a few kB.
 *
 * - The envelope every activity of a conversation repeats (channelId, serviceUrl, conversation,
 *   the resident's and the bot's accounts, the reply link's conversation id) is dropped when it
 *   equals what the conversation's record gives back, and restored on read. A field that differs
 *   (a counsellor as sender, another serviceUrl) is kept as it was; an envelope field the activity
 *   did not have is listed in `_m`, so a read never adds what was not there.
 * - The timestamp is kept as epoch milliseconds and given back as the same ISO string.
 * - The JSON is deflated against a fixed dictionary of this service's activity structure (keys,
 *   card and suggested-action shapes), which halves a typical activity again; entries that do not
 *   shrink stay plain JSON. The first byte tells which: `{` plain JSON (also every entry written
 *   before this format), 0x01 deflate with dictionary v1.
 * - Several activities (a post and its turn's replies) may share one entry, a JSON array deflated
 *   together: replies repeat each other's structure, so a turn costs about 15 % less than its
 *   activities one by one. Header: 0x02 (deflated, dictionary v1) or 0x03 (plain JSON array), how
 *   many activities the entry numbers (1–255), how many leading array items to skip (an entry
 *   that repeats a post kept elsewhere), then the payload. The Lua of the Redis store reads the
 *   first two bytes (`entryCountLua`) to number and trim by activities, not entries.
 */
import type { Activity } from 'botbuilder';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** What restores the envelope: the conversation's record. */
export interface Envelope {
  conversationId: string;
  userId: string;
  serviceUrl: string;
}

const BOT = { id: 'opastin', name: 'Opastin', role: 'bot' };
const DEFLATE_V1 = 0x01;
const GROUP_DEFLATED_V1 = 0x02;
const GROUP_PLAIN = 0x03;
/** Never change these bytes: stored entries are inflated with them. A new dictionary is a new version byte. */
const DICTIONARY_V1 = Buffer.from(
  '"channelData":{"opastin":{"v":1,"urgentChoices":["cards":[{"id":"title":"description":"example":false,"anonymous":true,' +
    '"checkedOn":"checkedOnText":"channels":[{"type":"phone","tel":"tel:+358"status":{"state":"closed","open","opensAt":' +
    '{"weekday":"mon","tue","wed","thu","fri","sat","sun","time":"date":"statusText":"weeklyText":"chargeText":"walk-in",' +
    '"address":"exampleLabel":"queueText":"attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":' +
    '"clientActivityID":"handoff","status":"queued","accepted","summary","unavailable","' +
    '"suggestedActions":{"to":[],"actions":[{"type":"postBack","title":"value":{"action":"opastin.handoff","queue":"' +
    '{"type":"event","name":"route","value":{"topic":"service":"dialog":"' +
    '"locale":"fi-FI","sv-FI","en-US","replyToId":"timestamp":"from":{"id":"name":"role":"bot"},"_f":"u","_r":"b","_t":17' +
    '"textFormat":"markdown","inputHint":"acceptingInput","inputHint":"expectingInput","suggestedActions":{"to":[],' +
    '"actions":[{"type":"imBack","title":"","value":""},{"type":"imBack","title":"{"type":"message","text":"',
);

type Account = { id?: string; name?: string; role?: string };

/**
 * True when `value` is a plain object with exactly these string fields (what isDeepStrictEqual
 * with the literal would say, at a fraction of its cost: this runs for every stored activity).
 */
function isExactly(value: unknown, fields: Record<string, string>): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  if (keys.length !== Object.keys(fields).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(fields, k) && (value as Record<string, unknown>)[k] === fields[k]);
}

function accountCode(account: unknown, env: Envelope): 'u' | 'b' | null {
  if (isExactly(account, { id: env.userId, role: 'user' })) return 'u';
  if (isExactly(account, BOT)) return 'b';
  return null;
}

function account(code: unknown, env: Envelope): Account | undefined {
  if (code === 'u') return { id: env.userId, role: 'user' };
  if (code === 'b') return { ...BOT };
  return undefined;
}

/** The compact object for one activity (its `id` is the stream's business, never kept). */
export function compactActivity(activity: Partial<Activity>, env: Envelope): Record<string, unknown> {
  const { id: _id, channelId, serviceUrl, conversation, from, recipient, timestamp, replyToId, ...rest } = activity as Record<string, unknown>;
  const out: Record<string, unknown> = rest;
  const missing: string[] = [];
  const keep = (key: string, value: unknown, restored: boolean): void => {
    if (value === undefined) missing.push(key);
    else if (!restored) out[key] = value;
  };
  keep('channelId', channelId, channelId === 'directline');
  keep('serviceUrl', serviceUrl, serviceUrl === env.serviceUrl);
  keep('conversation', conversation, isExactly(conversation, { id: env.conversationId }));
  const f = accountCode(from, env);
  if (f) out._f = f;
  else keep('from', from, false);
  const r = accountCode(recipient, env);
  if (r) out._r = r;
  else keep('recipient', recipient, false);
  const ms = timestamp instanceof Date ? timestamp.getTime() : typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (Number.isFinite(ms) && new Date(ms).toISOString() === (timestamp instanceof Date ? timestamp.toISOString() : timestamp)) out._t = ms;
  else if (timestamp !== undefined) out.timestamp = timestamp;
  const reply = typeof replyToId === 'string' && replyToId.startsWith(`${env.conversationId}|`) ? replyToId.slice(env.conversationId.length + 1) : null;
  if (reply !== null && /^\d{7}$/.test(reply)) out._y = Number(reply);
  else if (replyToId !== undefined) out.replyToId = replyToId;
  if (missing.length > 0) out._m = missing;
  return out;
}

/** The stored bytes of one activity. */
export function encodeActivity(activity: Partial<Activity>, env: Envelope): Buffer {
  const json = Buffer.from(JSON.stringify(compactActivity(activity, env)));
  const deflated = deflateRawSync(json, { dictionary: DICTIONARY_V1 });
  if (deflated.length + 1 >= json.length) return json;
  const out = Buffer.allocUnsafe(deflated.length + 1);
  out[0] = DEFLATE_V1;
  deflated.copy(out, 1);
  return out;
}

/** The JSON of one activity's compact form: what `encodeEntry` groups. */
export function compactJson(activity: Partial<Activity>, env: Envelope): string {
  return JSON.stringify(compactActivity(activity, env));
}

/** The most activities one entry numbers (its count is one byte). */
export const MAX_ENTRY_ACTIVITIES = 255;

/**
 * One entry for up to MAX_ENTRY_ACTIVITIES activities (their `compactJson`), the first `skip` of
 * them not numbered here. `plain` leaves it undeflated: a post whose entry the end of its turn
 * replaces (with its replies, deflated together) need not be deflated on its own first.
 */
export function encodeEntry(jsons: string[], skip = 0, plain = false): Buffer {
  const count = jsons.length - skip;
  if (count < 1 || count > MAX_ENTRY_ACTIVITIES || skip < 0 || skip > 1) throw new RangeError(`an entry numbers 1–${MAX_ENTRY_ACTIVITIES} activities`);
  const json = Buffer.from(`[${jsons.join(',')}]`);
  const deflated = plain ? json : deflateRawSync(json, { dictionary: DICTIONARY_V1 });
  const [kind, payload] = deflated.length < json.length ? [GROUP_DEFLATED_V1, deflated] : [GROUP_PLAIN, json];
  const out = Buffer.allocUnsafe(payload.length + 3);
  out[0] = kind;
  out[1] = count;
  out[2] = skip;
  payload.copy(out, 3);
  return out;
}

/** Entries for any number of activities, in order (several when they do not fit one). */
export function encodeEntries(activities: Partial<Activity>[], env: Envelope): Buffer[] {
  const jsons = activities.map((a) => compactJson(a, env));
  const out: Buffer[] = [];
  for (let i = 0; i < jsons.length; i += MAX_ENTRY_ACTIVITIES) out.push(encodeEntry(jsons.slice(i, i + MAX_ENTRY_ACTIVITIES)));
  return out;
}

/** How many activities an entry numbers (a single-activity entry of the older formats: 1). */
export function entryCount(stored: Buffer): number {
  return stored[0] === GROUP_DEFLATED_V1 || stored[0] === GROUP_PLAIN ? stored[1] : 1;
}

/** The same as `entryCount`, in Lua: `entry_count(e)`, for the store's scripts. */
export const entryCountLua = `
local function entry_count(e)
  local b = string.byte(e, 1)
  if b == ${GROUP_DEFLATED_V1} or b == ${GROUP_PLAIN} then return string.byte(e, 2) end
  return 1
end
`;

/** The activities an entry numbers, as appended; the first is number `firstSeq` (`idOf` makes the ids). */
export function decodeEntry(stored: Buffer, env: Envelope, firstSeq: number, idOf: (seq: number) => string): Activity[] {
  if (stored[0] !== GROUP_DEFLATED_V1 && stored[0] !== GROUP_PLAIN) return [decodeActivity(stored, env, idOf(firstSeq))];
  const payload = stored.subarray(3);
  const json = stored[0] === GROUP_DEFLATED_V1 ? inflateRawSync(payload, { dictionary: DICTIONARY_V1 }) : payload;
  const items = (JSON.parse(json.toString()) as Record<string, unknown>[]).slice(stored[2]);
  return items.map((item, i) => restore(item, env, idOf(firstSeq + i)));
}

/** The activity as it was appended, with its id. */
export function decodeActivity(stored: Buffer | string, env: Envelope, id: string): Activity {
  const bytes = typeof stored === 'string' ? Buffer.from(stored) : stored;
  if (bytes[0] === GROUP_DEFLATED_V1 || bytes[0] === GROUP_PLAIN) return decodeEntry(bytes, env, 0, () => id)[0];
  const json = bytes[0] === DEFLATE_V1 ? inflateRawSync(bytes.subarray(1), { dictionary: DICTIONARY_V1 }) : bytes;
  return restore(JSON.parse(json.toString()) as Record<string, unknown>, env, id);
}

function restore(compact: Record<string, unknown>, env: Envelope, id: string): Activity {
  const { _f, _r, _t, _y, _m, ...rest } = compact;
  const missing = new Set(Array.isArray(_m) ? _m : []);
  const out: Record<string, unknown> = rest;
  // Entries written before this format carry their envelope: nothing to restore there.
  if (out.channelId === undefined && !missing.has('channelId')) out.channelId = 'directline';
  if (out.serviceUrl === undefined && !missing.has('serviceUrl')) out.serviceUrl = env.serviceUrl;
  if (out.conversation === undefined && !missing.has('conversation')) out.conversation = { id: env.conversationId };
  if (_f !== undefined) out.from = account(_f, env);
  if (_r !== undefined) out.recipient = account(_r, env);
  if (typeof _t === 'number') out.timestamp = new Date(_t).toISOString();
  if (typeof _y === 'number') out.replyToId = `${env.conversationId}|${String(_y).padStart(7, '0')}`;
  out.id = id;
  return out as unknown as Activity;
}
