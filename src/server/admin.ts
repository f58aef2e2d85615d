/**
 * POST /admin/reload: reloads content in production without a restart (also: SIGHUP). Needs
 * `Authorization: Bearer $ADMIN_TOKEN`; without ADMIN_TOKEN the endpoint does not exist.
 * A broken edit answers 422 with every diagnostic, and the bot keeps the last good content.
 */
import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { ContentStore } from '../engine/contentStore';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function adminRoutes(content: ContentStore, adminToken: string | null): Router {
  const router = Router();
  if (!adminToken) return router;
  router.post('/admin/reload', function reloadContent(req, res) {
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(given, adminToken)) {
      res.status(401).json({ error: { code: 'Unauthorized', message: 'A valid admin bearer token is required.' } });
      return;
    }
    const outcome = content.reload();
    res.status(outcome.ok ? 200 : 422).json({ ok: outcome.ok, version: content.current()?.version ?? null, diagnostics: outcome.diagnostics });
  });
  return router;
}
