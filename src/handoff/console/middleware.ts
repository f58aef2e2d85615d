/**
 * Console request guards: the session from the cookie, the CSRF synchroniser token on every
 * state-changing request, and the cookie's flags in one place.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Identity, IdentityProvider } from '../auth/identity';
import { csrfMatches, Session, SessionStore } from '../auth/sessions';

export const COOKIE = 'opastin_console';
export const COOKIE_PATH = '/counsellor';

export interface Signed {
  session: Session;
  identity: Identity;
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function apiError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Loads the session (401 without one) and, unless GET/HEAD, checks X-CSRF-Token (403). */
export function requireSession(options: { sessions: SessionStore; identities: IdentityProvider }) {
  return async function consoleSession(req: Request, res: Response, next: NextFunction): Promise<void> {
    const session = await options.sessions.get(readCookie(req, COOKIE));
    const identity = session ? options.identities.find(session.counsellorId) : null;
    if (!session || !identity) return apiError(res, 401, 'Unauthorized', 'Sign in first.');
    if (req.method !== 'GET' && req.method !== 'HEAD' && !csrfMatches(session, req.get('x-csrf-token'))) {
      return apiError(res, 403, 'CsrfTokenInvalid', 'Missing or wrong X-CSRF-Token header.');
    }
    res.locals.signed = { session, identity } satisfies Signed;
    next();
  };
}

export function signedOf(res: Response): Signed {
  return res.locals.signed as Signed;
}
