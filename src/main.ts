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
import { shutdownGracefully } from './server/shutdown';

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
  if (config.messagesEndpoint === 'open') {
    log.warn({ event: 'auth_disabled' }, `MicrosoftAppId is not set: Bot Framework authentication is off (NODE_ENV=${config.nodeEnv} only)`);
  }
  installProcessGuard(log); // last line only: every logged exception is a bug to fix at its cause
  const runtime = createRuntime(config, log);
  // Request/header timeouts (slow-trickle bodies), 400 JSON for malformed requests.
  const server = createHttpServer(runtime.app).listen(config.port, () => {
    log.info({ event: 'listening', port: config.port }, `Opastin listening on http://localhost:${config.port}`);
  });
  // Direct Line WebSocket streams (issue #6); closed by runtime.close().
  let shuttingDown = false;
  server.on('upgrade', (req, socket, head) => {
    // While shutting down no new stream opens here: the client retries and reaches another process.
    if (shuttingDown || !runtime.directLine.streams.handleUpgrade(req, socket, head)) socket.destroy();
  });

  const shutdown = (signal: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ event: 'shutdown', signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    shutdownGracefully(server, runtime, config.shutdownGraceMs, log).then(
      () => process.exit(0),
      (err) => {
        log.error({ event: 'shutdown_failed', err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // SIGHUP reloads content (dialogs, catalogue, NLU); a broken edit keeps the last good content.
  process.on('SIGHUP', () => runtime.content.reload());
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
