/** Direct Line errors leave as `{ error: { code, message } }` with a 4xx/5xx status, like the real service. */
import type { Response } from 'express';

export type DirectLineErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'MissingProperty'
  | 'MessageSizeTooBig'
  | 'Unauthorized'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'TooManyRequests'
  | 'ServiceError';

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

export function sendError(res: Response, status: number, code: DirectLineErrorCode, message: string): void {
  res.status(status).json({ error: { code, message } });
}
