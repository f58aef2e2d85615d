/**
 * Bearer authentication for Direct Line routes. The master secret is accepted (server-side
 * callers, as with the real service); otherwise a signed token, which binds the caller to one
 * conversation and one user. Missing or forged → 401; expired → 403 (directlinejs then refreshes
 * or reports ExpiredToken); another conversation's token → 403; unknown conversation → 404.
 */
import type { NextFunction, Request, Response } from 'express';
import type { ConversationRecord } from './activityStore';
import type { DirectLineChannel } from './channel';
import { DirectLineError, sendError } from './errors';
import { isSecret, TokenClaims, verifyToken } from './tokens';

export interface DirectLineAuth {
  /** null when the caller used the master secret. */
  claims: TokenClaims | null;
  record?: ConversationRecord;
}

export function bearer(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match ? match[1] : null;
}

export function authenticate(channel: DirectLineChannel, options: { secretOnly?: boolean; allowExpired?: boolean } = {}) {
  return function directLineAuth(req: Request, res: Response, next: NextFunction): void {
    const given = bearer(req);
    if (!given) return sendError(res, 401, 'Unauthorized', 'An "Authorization: Bearer <token or secret>" header is required.');
    if (isSecret(channel.config.secret, given)) {
      res.locals.dl = { claims: null } satisfies DirectLineAuth;
      return next();
    }
    if (options.secretOnly) return sendError(res, 401, 'Unauthorized', 'This operation needs the Direct Line secret.');
    const check = verifyToken(channel.config.secret, given, { allowExpired: options.allowExpired, maxExpiredSeconds: channel.conversationTtlSeconds });
    if (!check.ok) {
      if (check.reason === 'expired') return sendError(res, 403, 'TokenExpired', 'The token has expired: refresh it or start a new conversation.');
      if (check.reason === 'scope') return sendError(res, 403, 'Forbidden', 'A stream token only opens the WebSocket.');
      return sendError(res, 401, 'Unauthorized', 'The token is not valid.');
    }
    res.locals.dl = { claims: check.claims } satisfies DirectLineAuth;
    next();
  };
}

/**
 * For routes with `:conversationId`: the token must be for it, and it must exist. `forPost`: the
 * record may come from the process's cache (channel.conversationForPost: the append checks).
 */
export function loadConversation(channel: DirectLineChannel, options: { forPost?: boolean } = {}) {
  return async function directLineConversation(req: Request, res: Response, next: NextFunction): Promise<void> {
    const auth = res.locals.dl as DirectLineAuth;
    const conversationId = String(req.params.conversationId);
    if (auth.claims && auth.claims.conv !== conversationId) {
      return sendError(res, 403, 'Forbidden', 'This token belongs to another conversation.');
    }
    try {
      auth.record = options.forPost ? await channel.conversationForPost(conversationId) : await channel.requireConversation(conversationId);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Sends DirectLineErrors as JSON; anything else goes on to the app's error handler. */
export function directLineErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (err instanceof DirectLineError) return sendError(res, err.status, err.code, err.message);
  if (err instanceof Error && err.name === 'ConversationNotFoundError') {
    return sendError(res, 404, 'NotFound', err.message);
  }
  next(err);
}
