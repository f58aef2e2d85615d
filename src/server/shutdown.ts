/**
 * Graceful shutdown on SIGTERM (what a container orchestrator sends before SIGKILL):
 * stop accepting connections, ask chat WebSockets to reconnect elsewhere (close code 1012), let the
 * turns in flight finish, then close Redis and exit — all within SHUTDOWN_GRACE_MS. Whatever is
 * still open when the grace period ends is cut, so the process never outlives its grace.
 */
import type { Server } from 'node:http';
import type { Logger } from '../logging/logger';
import type { Runtime } from './runtime';

/** Time kept back from the grace period for closing Redis and flushing the log. */
const CLOSE_MARGIN_MS = 500;

export async function shutdownGracefully(server: Server, runtime: Runtime, graceMs: number, log: Logger): Promise<void> {
  const started = Date.now();
  const hardStop = setTimeout(() => {
    log.warn({ event: 'shutdown_forced', ms: Date.now() - started }, 'grace period over: closing what is still open');
    server.closeAllConnections();
    process.exit(0);
  }, graceMs);
  hardStop.unref();

  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const { unfinishedTurns } = await runtime.drain(Math.max(0, graceMs - CLOSE_MARGIN_MS));
  // The replies of the last turns are written on the next tick; then nothing is left to wait for.
  await new Promise<void>((resolve) => setImmediate(resolve));
  server.closeAllConnections();
  await closed;
  await runtime.close();
  clearTimeout(hardStop);
  log.info({ event: 'stopped', ms: Date.now() - started, unfinishedTurns }, 'stopped');
}
