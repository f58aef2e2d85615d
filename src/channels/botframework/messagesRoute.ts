/**
 * POST /api/messages: the Bot Framework endpoint. Malformed input gets a 4xx with a JSON error
 * before it reaches the SDK; `deliveryMode: "expectReplies"` returns the replies in the body
 * (CloudAdapter does that).
 */
import type { CloudAdapter } from 'botbuilder';
import { Request, Response, Router } from 'express';
import type { TurnLogic } from '../../bot/turnPipeline';
import { isServiceUrlAllowed } from './serviceUrlAllowList';

export const MAX_TEXT_LENGTH = 4000;

/** `allowList` is null when JWT authentication is on: then the token's claims vouch for the caller. */
export function validateIncomingActivity(body: unknown, allowList: readonly string[] | null): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON activity object.';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity needs a "type".';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || conversation.id === '') {
    return 'The activity needs "conversation.id".';
  }
  if (activity.text !== undefined && typeof activity.text !== 'string') return '"text" must be a string.';
  if (typeof activity.text === 'string' && activity.text.length > MAX_TEXT_LENGTH) {
    return `"text" is longer than ${MAX_TEXT_LENGTH} characters.`;
  }
  if (allowList && !isServiceUrlAllowed(activity.serviceUrl, allowList)) {
    return '"serviceUrl" is missing or not on this bot\'s allow-list (SERVICE_URL_ALLOW_LIST).';
  }
  return null;
}

export function messagesRoute(adapter: CloudAdapter, logic: TurnLogic, allowList: readonly string[] | null): Router {
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
    await adapter.process(req, res, logic);
  });
  return router;
}
