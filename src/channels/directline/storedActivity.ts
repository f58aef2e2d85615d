/**
 * How one Direct Line activity is kept (Redis stream entry, memory store): the least the channel
 * needs to give the same activity back on a replay, so a conversation stays within a few kB.
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
 */
import type { Activity } from 'botbuilder';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';

/** What restores the envelope: the conversation's record. */
export interface Envelope {
  conversationId: string;
  userId: string;
  serviceUrl: string;
}

const BOT = { id: 'opastin', name: 'Opastin', role: 'bot' };
const DEFLATE_V1 = 0x01;
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

function accountCode(account: unknown, env: Envelope): 'u' | 'b' | null {
  if (isDeepStrictEqual(account, { id: env.userId, role: 'user' })) return 'u';
  if (isDeepStrictEqual(account, BOT)) return 'b';
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
  keep('conversation', conversation, isDeepStrictEqual(conversation, { id: env.conversationId }));
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

/** The activity as it was appended, with its id. */
export function decodeActivity(stored: Buffer | string, env: Envelope, id: string): Activity {
  const bytes = typeof stored === 'string' ? Buffer.from(stored) : stored;
  const json = bytes[0] === DEFLATE_V1 ? inflateRawSync(bytes.subarray(1), { dictionary: DICTIONARY_V1 }) : bytes;
  const { _f, _r, _t, _y, _m, ...rest } = JSON.parse(json.toString()) as Record<string, unknown>;
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
