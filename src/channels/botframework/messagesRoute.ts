/**
 * POST /api/messages: the Bot Framework endpoint. Malformed input gets a 4xx with a JSON error
 * before it reaches the SDK; `deliveryMode: "expectReplies"` returns the replies in the body
 * (CloudAdapter does that; cloudAdapter.ts skips the SDK's second validation of the body).
 */
import { Request, Response, Router } from 'express';
import type { TurnLogic } from '../../bot/turnPipeline';
import type { ValidatedCloudAdapter } from './cloudAdapter';
import { isServiceUrlAllowed } from './serviceUrlAllowList';

export const MAX_TEXT_LENGTH = 4000;
/** JSON size of `value`, `entities`, `attachments` and `channelData` each. */
export const MAX_PART_BYTES = 8192;

const STRING_FIELDS = ['id', 'locale', 'textFormat', 'name', 'replyToId', 'channelId', 'deliveryMode', 'localTimezone', 'inputHint', 'action'] as const;
const ACCOUNT_FIELDS = ['from', 'recipient'] as const;

/** Wrong types the SDK or the bot would trip over (`locale.toLowerCase is not a function`). */
function shapeProblem(activity: Record<string, unknown>): string | null {
  for (const field of STRING_FIELDS) {
    const v = activity[field];
    if (v !== undefined && (typeof v !== 'string' || v.length > 512)) return `"${field}" must be a string of at most 512 characters.`;
  }
  for (const field of ACCOUNT_FIELDS) {
    const v = activity[field] as Record<string, unknown> | undefined;
    if (v === undefined) continue;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return `"${field}" must be an object.`;
    for (const inner of ['id', 'name', 'role', 'aadObjectId'] as const) {
      if (v[inner] !== undefined && (typeof v[inner] !== 'string' || (v[inner] as string).length > 512)) return `"${field}.${inner}" must be a short string.`;
    }
  }
  const conversation = activity.conversation as Record<string, unknown>;
  if (typeof conversation !== 'object' || Array.isArray(conversation)) return '"conversation" must be an object.';
  if ((conversation.id as string).length > 512) return '"conversation.id" is too long.';
  for (const field of ['entities', 'attachments', 'membersAdded', 'membersRemoved'] as const) {
    if (activity[field] !== undefined && !Array.isArray(activity[field])) return `"${field}" must be an array.`;
  }
  if (activity.channelData !== undefined && (typeof activity.channelData !== 'object' || activity.channelData === null)) return '"channelData" must be an object.';
  for (const field of ['value', 'entities', 'attachments', 'channelData'] as const) {
    if (activity[field] !== undefined && Buffer.byteLength(JSON.stringify(activity[field])) > MAX_PART_BYTES) {
      return `"${field}" is larger than ${MAX_PART_BYTES} bytes.`;
    }
  }
  return null;
}

/** `allowList` is null when JWT authentication is on: then the token's claims vouch for the caller. */
export function validateIncomingActivity(body: unknown, allowList: readonly string[] | null): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON activity object.';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity needs a "type".';
  // The SDK answers an invoke nobody handles with a bare 501; this bot handles none.
  if (activity.type === 'invoke') return 'This bot does not handle invoke activities.';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || conversation.id === '') {
    return 'The activity needs "conversation.id".';
  }
  const shape = shapeProblem(activity);
  if (shape) return shape;
  if (activity.text !== undefined && typeof activity.text !== 'string') return '"text" must be a string.';
  if (typeof activity.text === 'string' && activity.text.length > MAX_TEXT_LENGTH) {
    return `"text" is longer than ${MAX_TEXT_LENGTH} characters.`;
  }
  if (allowList && !isServiceUrlAllowed(activity.serviceUrl, allowList)) {
    return '"serviceUrl" is missing or not on this bot\'s allow-list (SERVICE_URL_ALLOW_LIST).';
  }
  return null;
}

export function messagesRoute(adapter: ValidatedCloudAdapter, logic: TurnLogic, allowList: readonly string[] | null): Router {
  const router = Router();
  router.post('/api/messages', async function handleMessages(req: Request, res: Response) {
    // With authentication on, a request without a bearer token is refused before anything else
    // (CloudAdapter would refuse it too, but without a JSON body).
    if (allowList === null && !/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
      res.status(401).json({ error: { code: 'Unauthorized', message: 'A Bot Framework bearer token is required.' } });
      return;
    }
    const problem = validateIncomingActivity(req.body, allowList);
    if (problem) {
      res.status(400).json({ error: { code: 'BadRequest', message: problem } });
      return;
    }
    await adapter.processValidated(req, res, logic);
  });
  return router;
}

