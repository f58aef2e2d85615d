/**
 * The origin clients reach us at, for `streamUrl`, the chat page's CSP and token answers:
 * PUBLIC_BASE_URL when set; otherwise the request's own scheme and Host — but only a Host that
 * is a plain host name or address with an optional port. Anything else (spaces, ";", quotes:
 * `Host: x; script-src *`) would be reflected into a CSP or a URL, so it is never used.
 */
import type { Request } from 'express';

const PLAIN_HOST = /^(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

export function isPlainHost(host: string | undefined): host is string {
  return typeof host === 'string' && host.length <= 260 && PLAIN_HOST.test(host);
}

/** null when there is no trustworthy origin (then callers fall back to relative URLs or 'self'). */
export function requestOrigin(req: Request, publicBaseUrl: string | null): string | null {
  if (publicBaseUrl) return publicBaseUrl;
  const host = req.get('host');
  return isPlainHost(host) ? `${req.protocol}://${host}` : null;
}
