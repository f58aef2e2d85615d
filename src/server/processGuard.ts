/**
 * The last line of defence, not the fix: an exception nobody caught is logged (without request
 * data) and the process keeps serving every other resident and counsellor, instead of dropping
 * them all. Every such log line is a bug to fix at its cause.
 */
import type { Logger } from '../logging/logger';

export function installProcessGuard(log: Logger, target: NodeJS.Process = process): () => void {
  const onException = (err: Error): void => {
    log.error({ event: 'uncaught_exception', err }, 'uncaught exception (kept serving)');
  };
  const onRejection = (reason: unknown): void => {
    log.error({ event: 'unhandled_rejection', err: reason }, 'unhandled promise rejection (kept serving)');
  };
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
