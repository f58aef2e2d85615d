/**
 * What the chat page calls, without ever seeing the secret:
 * - POST /api/chat/token: a token for a new conversation, rate-limited per client address; with
 *   `{start: true, locale}` the conversation is also started and the greeting comes back at once;
 * - DELETE /api/chat/conversation: "end and delete", authenticated by the resident's own token
 *   (an expired one still proves whose conversation it is).
 */
import type { Request, Response } from 'express';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authenticate, DirectLineAuth, directLineErrors } from './auth';
import type { DirectLineChannel } from './channel';
import { sendError } from './errors';
import { sendJson } from './jsonAnswer';
import { directLineFaults } from './faults';
import { conversationReply, DIRECT_LINE_PATH, publicOrigin, startBody } from './routes';

/** What newConversationId makes (base64url), with room for ids of other Direct Line services. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function publicChatRoutes(channel: DirectLineChannel): Router {
  const router = Router();
  const tokenLimit = rateLimit({
    windowMs: channel.config.tokenRateLimit.windowMs,
    limit: channel.config.tokenRateLimit.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => sendError(res, 429, 'TooManyRequests', 'Too many new conversations from this address. Try again later.'),
  });

  router.post('/api/chat/token', tokenLimit, async function chatToken(req: Request, res: Response, next) {
    try {
      const origin = publicOrigin(channel, req);
      const issued = await channel.createConversation(`${origin}${DIRECT_LINE_PATH}`);
      res.set('Cache-Control', 'no-store');
      const body = (req.body ?? {}) as { start?: unknown };
      if (body.start !== true) {
        sendJson(res, 200, { ...issued, domain: `${origin}${DIRECT_LINE_PATH}` });
        return;
      }
      // Fast start for our own page on a slow link: tokens/generate + POST conversations + GET
      // activities in one round trip, so the greeting arrives with the token (docs/direct-line.md).
      await channel.start(issued.conversationId, { locale: startBody(req.body).locale });
      const page = await channel.store.read(issued.conversationId, null);
      sendJson(res, 201, {
        ...conversationReply(channel, req, issued.conversationId, issued.userId, issued.token),
        userId: issued.userId,
        domain: `${origin}${DIRECT_LINE_PATH}`,
        activities: page.activities,
        watermark: page.watermark,
      });
    } catch (err) {
      next(err);
    }
  });

  router.delete('/api/chat/conversation', authenticate(channel, { allowExpired: true }), async function endAndDelete(req: Request, res: Response, next) {
    try {
      const { claims } = res.locals.dl as DirectLineAuth;
      const conversationId = claims?.conv ?? (typeof req.query.conversationId === 'string' ? req.query.conversationId : '');
      if (!conversationId) return sendError(res, 400, 'BadArgument', 'Which conversation? Use the conversation token.');
      // An id, never a pattern: "*", "?" or "[a-z]" once erased every resident's data.
      if (!CONVERSATION_ID.test(conversationId)) return sendError(res, 400, 'BadArgument', 'That is not a conversation id.');
      const existed = await channel.deleteConversation(conversationId);
      if (!existed) return sendError(res, 404, 'NotFound', 'Conversation not found (it was already deleted or expired).');
      res.set('Cache-Control', 'no-store');
      res.json({ deleted: true, conversationId });
    } catch (err) {
      next(err);
    }
  });

  router.use(directLineErrors);
  router.use(directLineFaults(channel));
  return router;
}
