/**
 * Structured JSON logs (pino) with redaction built in: every log call goes through scrubValue,
 * so a careless `log.info({ activity })` still cannot leak what a resident typed.
 */
import pino, { DestinationStream, Logger } from 'pino';
import { scrubString, scrubValue } from './redact';

export type { Logger } from 'pino';

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'opastin' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      serializers: { err: (err: unknown) => scrubValue(err) },
      hooks: {
        // The message string itself is scrubbed too (interpolated values included).
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubString(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
