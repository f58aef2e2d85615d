/**
 * GET /metrics in the Prometheus text format. Not public: the scraper sends
 * `Authorization: Bearer <METRICS_TOKEN>`; without a token configured the endpoint does not exist.
 */
import { timingSafeEqual } from 'node:crypto';
import { Request, Response, Router } from 'express';
import type { OpastinMetrics } from './registry';

function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRoutes(metrics: OpastinMetrics, token: string | null): Router {
  const router = Router();
  router.get('/metrics', async function scrape(req: Request, res: Response) {
    if (!token) return void res.status(404).json({ error: { code: 'NotFound', message: 'Metrics are off: set METRICS_TOKEN.' } });
    if (!tokenMatches(token, req.get('authorization'))) {
      res.set('WWW-Authenticate', 'Bearer');
      return void res.status(401).json({ error: { code: 'Unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' } });
    }
    res.set({ 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
    res.send(await metrics.registry.metrics());
  });
  return router;
}
