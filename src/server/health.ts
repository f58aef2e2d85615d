/**
 * GET /healthz: the process is alive. GET /readyz: it can serve residents (Redis reachable when
 * configured, content loaded). Load balancers route only to ready processes.
 */
import { Router } from 'express';

export type ReadinessCheck = () => Promise<{ name: string; ok: boolean; detail?: string }>;

export function healthRoutes(checks: ReadinessCheck[], isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', function healthz(_req, res) {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', async function readyz(_req, res) {
    const results = await Promise.all(
      checks.map((check) => check().catch((err: Error) => ({ name: 'check', ok: false, detail: err.message }))),
    );
    if (isShuttingDown()) results.push({ name: 'shutdown', ok: false, detail: 'shutting down' });
    const ok = results.every((r) => r.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', checks: results });
  });
  return router;
}
