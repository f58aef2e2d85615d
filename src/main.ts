/**
 * `npm start`: reads settings from the environment, starts the HTTP server, and shuts down
 * gracefully on SIGTERM/SIGINT (stop accepting, let turns in flight finish, close Redis).
 */
import { loadDirectLineConfig } from './channels/directline';
import { loadHandoffConfig } from './handoff';
import { loadConfig } from './config';
import { createLogger } from './logging/logger';
import { createHttpServer } from './server/httpServer';
import { installProcessGuard } from './server/processGuard';
import { createRuntime } from './server/runtime';

function main(): void {
  const { config, problems } = loadConfig();
  const log = createLogger(config.logLevel);
  problems.push(...loadDirectLineConfig().problems); // Direct Line settings (issue #6)
  problems.push(...loadHandoffConfig(process.env, config.contentDir).problems); // counsellor console (issue #7)
  if (problems.length > 0) {
    for (const problem of problems) log.fatal({ event: 'config_error' }, problem);
    console.error(`Opastin cannot start:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  if (!config.microsoftAppId) {
    log.warn({ event: 'auth_disabled' }, 'MicrosoftAppId is not set: Bot Framework authentication is off (development only)');
  }
  installProcessGuard(log); // last line only: every logged exception is a bug to fix at its cause
  const runtime = createRuntime(config, log);
  // Request/header timeouts (slow-trickle bodies), 400 JSON for malformed requests.
  const server = createHttpServer(runtime.app).listen(config.port, () => {
    log.info({ event: 'listening', port: config.port }, `Opastin listening on http://localhost:${config.port}`);
  });
  // Direct Line WebSocket streams (issue #6); closed by runtime.close().
  server.on('upgrade', (req, socket, head) => {
    if (!runtime.directLine.streams.handleUpgrade(req, socket, head)) socket.destroy();
  });

  let shuttingDown = false;
  const shutdown = (signal: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ event: 'shutdown', signal }, 'shutting down');
    const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
    force.unref();
    server.close(async () => {
      await runtime.close();
      log.info({ event: 'stopped' }, 'stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  // SIGHUP reloads content (dialogs, catalogue, NLU); a broken edit keeps the last good content.
  process.on('SIGHUP', () => runtime.content.reload());
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
