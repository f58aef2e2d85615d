/**
 * Headers for every response: HSTS whenever the request arrived over TLS (directly, or through a
 * proxy trusted with TRUST_PROXY, which is what makes `req.secure` honest). Over plain HTTP the
 * header would be ignored by browsers and only confuse, so it is not sent there.
 */
import type { NextFunction, Request, Response } from 'express';

export const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders() {
  return function strictTransport(req: Request, res: Response, next: NextFunction): void {
    if (req.secure) res.set('Strict-Transport-Security', HSTS);
    next();
  };
}
