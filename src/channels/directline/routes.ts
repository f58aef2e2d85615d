/**
 * Direct Line 3.0 over HTTP, under /v3/directline: the routes Microsoft's clients
 * (botframework-directlinejs, Web Chat) call. Shapes follow the real service.
 */
import type { Request, Response } from 'express';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authenticate, bearer, DirectLineAuth, directLineErrors, loadConversation } from './auth';
import type { DirectLineChannel } from './channel';
import { sendError } from './errors';
import { sendJson } from './jsonAnswer';
import { requestOrigin } from './origin';
import { directLineFaults } from './faults';

export const DIRECT_LINE_PATH = '/v3/directline';

/**
 * The origin clients reach us at: PUBLIC_BASE_URL, else the request's own (honours trust proxy)
 * when its Host is a plain host name; a crafted Host is never reflected (see origin.ts).
 */
export function publicOrigin(channel: DirectLineChannel, req: Request): string {
  return requestOrigin(req, channel.config.publicBaseUrl) ?? `${req.protocol}://localhost`;
}

export function conversationReply(channel: DirectLineChannel, req: Request, conversationId: string, userId: string, token?: string) {
  const wsOrigin = publicOrigin(channel, req).replace(/^http/, 'ws');
  const watermark = typeof req.query.watermark === 'string' ? encodeURIComponent(req.query.watermark) : '';
  const t = channel.streamToken(conversationId, userId);
  return {
    conversationId,
    // A fresh token only when the caller brought none (its own is given back): one HMAC less.
    token: token ?? channel.token(conversationId, userId).token,
    expires_in: channel.config.tokenTtlSeconds,
    streamUrl: `${wsOrigin}${DIRECT_LINE_PATH}/conversations/${conversationId}/stream?watermark=${watermark}&t=${t}`,
    referenceGrammarId: channel.referenceGrammarId,
  };
}

const USER_ID = /^[A-Za-z0-9_.:@-]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * What a client may say when it starts a conversation (POST conversations, tokens/generate):
 * `{user: {id}, locale}`; the real service also takes `User.Id`. Anything malformed is ignored.
 */
export function startBody(body: unknown): { userId?: string; locale?: string } {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const user = (b.user ?? b.User) as Record<string, unknown> | undefined;
  const id = user && typeof user === 'object' ? (user.id ?? user.Id) : undefined;
  const locale = b.locale ?? b.Locale;
  return {
    ...(typeof id === 'string' && id ? { userId: id } : {}),
    ...(typeof locale === 'string' && LOCALE.test(locale) ? { locale } : {}),
  };
}

export function directLineRoutes(channel: DirectLineChannel): Router {
  const router = Router();
  const auth = authenticate(channel);
  const conversation = loadConversation(channel);
  const conversationForPost = loadConversation(channel, { forPost: true });
  const postLimit = rateLimit({
    windowMs: 60_000,
    limit: channel.config.postRateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `dl:${(res.locals.dl as DirectLineAuth).record?.conversationId ?? 'none'}`,
    handler: (_req, res) => sendError(res, 429, 'TooManyRequests', 'Too many messages in a short time. Wait a moment.'),
  });

  router.post('/tokens/generate', authenticate(channel, { secretOnly: true }), async function generateToken(req: Request, res: Response, next) {
    try {
      const requested = startBody(req.body).userId;
      const userId = requested && /^dl_[A-Za-z0-9_-]{1,64}$/.test(requested) ? requested : undefined;
      const { conversationId, token, expires_in } = await channel.createConversation(`${publicOrigin(channel, req)}${DIRECT_LINE_PATH}`, userId);
      sendJson(res, 200, { conversationId, token, expires_in });
    } catch (err) {
      next(err);
    }
  });

  router.post('/tokens/refresh', auth, async function refreshToken(_req: Request, res: Response, next) {
    try {
      const { claims } = res.locals.dl as DirectLineAuth;
      if (!claims) return sendError(res, 400, 'BadArgument', 'Refresh a token, not the secret.');
      await channel.requireConversation(claims.conv);
      res.json({ conversationId: claims.conv, ...channel.token(claims.conv, claims.user) });
    } catch (err) {
      next(err);
    }
  });

  router.post('/conversations', auth, async function startConversation(req: Request, res: Response, next) {
    try {
      const { claims } = res.locals.dl as DirectLineAuth;
      const body = startBody(req.body);
      // A token already names its conversation and user: the body's user.id cannot change it.
      // The secret holder (a server) may name the user, except with the "dl_" prefix, which
      // the real service reserves for ids embedded in tokens.
      const userId = !claims && body.userId && USER_ID.test(body.userId) && !body.userId.startsWith('dl_') ? body.userId : undefined;
      const conversationId = claims?.conv ?? (await channel.createConversation(`${publicOrigin(channel, req)}${DIRECT_LINE_PATH}`, userId)).conversationId;
      const { record, isNew } = await channel.start(conversationId, { locale: body.locale });
      const token = claims ? undefined : channel.token(record.conversationId, record.userId).token;
      sendJson(res, isNew ? 201 : 200, conversationReply(channel, req, record.conversationId, record.userId, token ?? bearer(req) ?? undefined));
    } catch (err) {
      next(err);
    }
  });

  router.get('/conversations/:conversationId', auth, conversation, function reconnect(req: Request, res: Response) {
    const { record, claims } = res.locals.dl as DirectLineAuth;
    res.json(conversationReply(channel, req, record!.conversationId, record!.userId, claims ? bearer(req) ?? undefined : undefined));
  });

  router.post('/conversations/:conversationId/activities', auth, conversationForPost, postLimit, async function postActivity(req: Request, res: Response, next) {
    try {
      const { record } = res.locals.dl as DirectLineAuth;
      sendJson(res, 200, await channel.postFromClient(record!, req.body));
    } catch (err) {
      next(err);
    }
  });

  router.get('/conversations/:conversationId/activities', auth, conversation, async function getActivities(req: Request, res: Response, next) {
    try {
      const { record } = res.locals.dl as DirectLineAuth;
      const watermark = typeof req.query.watermark === 'string' ? req.query.watermark : null;
      res.json(await channel.store.read(record!.conversationId, watermark));
    } catch (err) {
      next(err);
    }
  });

  router.post('/conversations/:conversationId/upload', auth, conversation, function upload(_req: Request, res: Response) {
    sendError(res, 400, 'BadArgument', 'This service does not accept file uploads.');
  });

  router.use(directLineErrors);
  router.use(directLineFaults(channel));
  return router;
}
