/**
 * What a client may post. The channel, not the client, decides who is speaking and where:
 * `from`, `recipient`, `conversation`, `channelId`, `serviceUrl`, `id` and `timestamp` are set by
 * the server; everything not listed here is dropped (attachments included: no uploads).
 * `channelData` is kept as the client sent it (size-limited), as the real service does.
 */
import type { Activity } from 'botbuilder';
import { DirectLineError } from './errors';

export const MAX_TEXT_LENGTH = 4000;
/** JSON size of `value` and of `entities` (a suggested-action answer or a location is tiny). */
export const MAX_VALUE_BYTES = 4096;
export const MAX_ENTITIES_BYTES = 4096;
const MAX_SHORT_STRING = 200;
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
const KEPT_FIELDS = ['type', 'text', 'textFormat', 'locale', 'value', 'name', 'entities', 'localTimestamp', 'localTimezone', 'deliveryMode'] as const;
/** channelData larger than this (as JSON) is refused with 413. */
export const MAX_CHANNEL_DATA_LENGTH = 4096;
const DELIVERY_MODES = new Set(['normal', 'stream', 'expectReplies']);

export function validateClientActivity(body: unknown): Partial<Activity> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new DirectLineError(400, 'BadArgument', 'The body must be a JSON activity object.');
  }
  const input = body as Record<string, unknown>;
  if (typeof input.type !== 'string' || input.type === '') {
    throw new DirectLineError(400, 'MissingProperty', 'The activity needs a "type".');
  }
  if (!CLIENT_TYPES.has(input.type)) {
    throw new DirectLineError(400, 'BadArgument', `Activities of type "${input.type.slice(0, 40)}" cannot be posted by a client.`);
  }
  if (input.text !== undefined && typeof input.text !== 'string') throw new DirectLineError(400, 'BadArgument', '"text" must be a string.');
  if (typeof input.text === 'string' && input.text.length > MAX_TEXT_LENGTH) {
    throw new DirectLineError(413, 'MessageSizeTooBig', `"text" is longer than ${MAX_TEXT_LENGTH} characters.`);
  }
  if (input.locale !== undefined && (typeof input.locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.locale))) {
    throw new DirectLineError(400, 'BadArgument', '"locale" must be a BCP 47 language tag such as "fi-FI".');
  }
  if (input.channelData !== undefined && (typeof input.channelData !== 'object' || input.channelData === null || Array.isArray(input.channelData))) {
    throw new DirectLineError(400, 'BadArgument', '"channelData" must be an object.');
  }
  if (input.entities !== undefined && !Array.isArray(input.entities)) throw new DirectLineError(400, 'BadArgument', '"entities" must be an array.');
  tooBig('value', input.value, MAX_VALUE_BYTES);
  tooBig('entities', input.entities, MAX_ENTITIES_BYTES);
  for (const field of ['textFormat', 'name', 'localTimestamp', 'localTimezone'] as const) {
    const v = input[field];
    if (v !== undefined && (typeof v !== 'string' || v.length > MAX_SHORT_STRING)) {
      throw new DirectLineError(400, 'BadArgument', `"${field}" must be a string of at most ${MAX_SHORT_STRING} characters.`);
    }
  }
  if (input.deliveryMode !== undefined && !DELIVERY_MODES.has(input.deliveryMode as string)) {
    throw new DirectLineError(400, 'BadArgument', '"deliveryMode" must be "normal", "stream" or "expectReplies".');
  }
  if (input.channelData !== undefined && JSON.stringify(input.channelData).length > MAX_CHANNEL_DATA_LENGTH) {
    throw new DirectLineError(413, 'MessageSizeTooBig', `"channelData" is larger than ${MAX_CHANNEL_DATA_LENGTH} characters as JSON.`);
  }
  const out: Record<string, unknown> = {};
  for (const field of KEPT_FIELDS) if (input[field] !== undefined) out[field] = input[field];
  // channelData is the client's own (Web Chat's clientActivityID, DirectLineJS's clientActivityId,
  // anything else): kept as sent, like the real service, within the size limit above.
  if (input.channelData !== undefined) out.channelData = input.channelData;
  return out as Partial<Activity>;
}

function tooBig(field: string, value: unknown, maxBytes: number): void {
  if (value === undefined) return;
  if (Buffer.byteLength(JSON.stringify(value)) > maxBytes) {
    throw new DirectLineError(413, 'MessageSizeTooBig', `"${field}" is larger than ${maxBytes} bytes.`);
  }
}
