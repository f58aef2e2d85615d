/**
 * Every error leaves as JSON with a 4xx/5xx status, never an HTML stack page: a body that is not
 * JSON gets 400, an unknown route 404, anything unexpected 500 (logged, without request bodies).
 */
import { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger';

export function notFound(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'NotFound', message: `No route for ${req.method} ${req.path}` } });
}

export function jsonErrorHandler(log: Logger) {
  return function handleError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (res.headersSent) return;
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'InvalidJson', message: 'The body is not valid JSON.' } });
    } else if (e.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'PayloadTooLarge', message: 'The body is too large.' } });
    } else if (status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'BadRequest', message: e.message ?? 'Bad request' } });
    } else {
      log.error({ event: 'http_error', err }, 'unhandled error');
      res.status(500).json({ error: { code: 'InternalError', message: 'Something went wrong on our side.' } });
    }
  };
}
