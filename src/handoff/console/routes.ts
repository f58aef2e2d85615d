/**
 * The counsellor console under /counsellor: the page, its assets, and the JSON API described in
 * docs/openapi.yaml. Every API answer is JSON; errors are {error:{code,message}} like the rest
 * of the server. Access: a counsellor sees the queues their account lists (all when it lists
 * none) and only their own conversations; a supervisor sees everything.
 */
import express, { Request, Response, Router } from 'express';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { langFromLocale } from '../../lang';
import type { Catalogue } from '../../content/catalogue';
import { openingStatus } from '../../content/catalogue';
import type { Logger } from '../../logging/logger';
import { SECURITY_HEADERS } from '../../web/csp';
import type { AuditLog } from '../audit';
import type { Identity, IdentityProvider } from '../auth/identity';
import type { Lockout } from '../auth/lockout';
import type { SessionStore } from '../auth/sessions';
import type { EventBus } from '../bus';
import type { CannedReply } from '../cannedReplies';
import type { HandoffRecord } from '../record';
import type { StoreHandoffService } from '../service';
import type { Lang } from '../types';
import { apiError, COOKIE, readCookie, requireSession, sessionCookie, signedOf } from './middleware';
import { CONSOLE_CSP, renderConsolePage } from './page';
import { streamEvents } from './sse';

const PUBLIC_DIR = path.resolve(__dirname, '../../../public/console');
const MAX_TEXT = 4000;

export interface ConsoleOptions {
  /** The console reads queues through `service.currentCatalogue()`, so content reloads reach it. */
  service: StoreHandoffService;
  identities: IdentityProvider;
  sessions: SessionStore;
  lockout: Lockout;
  audit: AuditLog;
  bus: EventBus;
  /** Read through a function: a content reload brings new canned replies. */
  cannedReplies: () => CannedReply[];
  log: Logger;
  sessionTtlSeconds: number;
  secureCookies: boolean;
  heartbeatMs?: number;
}

function version(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('base64url').slice(0, 10);
}

function text(body: unknown): string | null {
  const value = (body as { text?: unknown } | undefined)?.text;
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT ? value : null;
}

export function consoleRoutes(o: ConsoleOptions): Router {
  const router = Router();
  const catalogue = (): Catalogue => o.service.currentCatalogue();
  const queueIds = (): string[] => [...catalogue().queues.keys()];
  const visibleQueues = (who: Identity): string[] =>
    who.role === 'supervisor' || who.queues.length === 0 ? queueIds() : who.queues.filter((q) => catalogue().queues.has(q));
  const canSee = (who: Identity, r: HandoffRecord): boolean =>
    who.role === 'supervisor' || (r.status === 'waiting' ? visibleQueues(who).includes(r.queueId) : r.counsellorId === who.id);
  const assets = {
    // Load order matters: common.js defines window.OpastinConsole, console.js starts the page.
    js: ['common.js', 'cards.js', 'cues.js', 'console.js'].map((f) => `/counsellor/assets/${f}?v=${version(path.join(PUBLIC_DIR, f))}`),
    css: `/counsellor/assets/console.css?v=${version(path.join(PUBLIC_DIR, 'console.css'))}`,
  };
  const guard = requireSession({ sessions: o.sessions, identities: o.identities });

  router.use('/counsellor/assets', express.static(PUBLIC_DIR, {
    index: false,
    setHeaders: (res) => {
      res.set('Cache-Control', 'public, max-age=31536000, immutable');
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.set(k, v);
    },
  }));

  router.get('/counsellor', function consolePage(req: Request, res: Response) {
    const lang: Lang = (typeof req.query.lang === 'string' && langFromLocale(req.query.lang)) || 'fi';
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': CONSOLE_CSP, ...SECURITY_HEADERS });
    res.send(renderConsolePage(lang, assets, queueIds().map((id) => ({ id, name: catalogue().queues.get(id)!.name }))));
  });

  // ---- sign-in ----

  router.post('/counsellor/api/session', async function signIn(req: Request, res: Response) {
    // JSON only: a cross-site form cannot send it without a CORS preflight (login CSRF).
    if (!req.is('application/json')) return apiError(res, 415, 'UnsupportedMediaType', 'Send JSON.');
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || username.length > 64 || password.length > 1024) {
      return apiError(res, 400, 'BadArgument', 'username and password are required.');
    }
    if (await o.lockout.isLocked(username)) {
      await o.audit.record({ action: 'sign-in-failed', actor: username, detail: 'locked' });
      return apiError(res, 423, 'Locked', 'Too many failed attempts: try again in 15 minutes.');
    }
    const identity = await o.identities.verify(username, password);
    if (!identity) {
      const locked = await o.lockout.fail(username);
      await o.audit.record({ action: locked ? 'locked-out' : 'sign-in-failed', actor: username });
      o.log.info({ event: locked ? 'console_locked_out' : 'console_sign_in_failed' }, 'console sign-in failed');
      return apiError(res, 401, 'InvalidCredentials', 'Wrong user name or password.');
    }
    await o.lockout.clear(username);
    const old = readCookie(req, COOKIE);
    if (old) await o.sessions.destroy(old);
    // A fresh session id at every sign-in (no session fixation).
    const session = await o.sessions.create(identity.id, identity.role);
    await o.audit.record({ action: 'signed-in', actor: identity.id });
    res.set('Set-Cookie', sessionCookie(session.id, o.sessionTtlSeconds, o.secureCookies));
    res.set('Cache-Control', 'no-store');
    res.json({ counsellor: identity, csrfToken: session.csrfToken });
  });

  router.get('/counsellor/api/session', guard, async function whoAmI(_req: Request, res: Response) {
    const { session, identity } = signedOf(res);
    res.set('Cache-Control', 'no-store');
    res.json({ counsellor: identity, csrfToken: session.csrfToken, presence: await o.service.presenceOf(identity.id), queues: visibleQueues(identity) });
  });

  router.delete('/counsellor/api/session', guard, async function signOut(_req: Request, res: Response) {
    const { session, identity } = signedOf(res);
    await o.service.setPresence(identity.id, 'away', []);
    await o.sessions.destroy(session.id);
    await o.audit.record({ action: 'signed-out', actor: identity.id });
    res.set('Set-Cookie', sessionCookie('', 0, o.secureCookies));
    res.json({ signedOut: true });
  });

  // ---- presence, queues, waiting ----

  router.put('/counsellor/api/presence', guard, async function presence(req: Request, res: Response) {
    const { identity } = signedOf(res);
    const { status, queues } = (req.body ?? {}) as { status?: unknown; queues?: unknown };
    if ((status !== 'online' && status !== 'away') || !Array.isArray(queues)) return apiError(res, 400, 'BadArgument', 'status (online|away) and queues[] are required.');
    const allowed = visibleQueues(identity);
    const chosen = queues.filter((q): q is string => typeof q === 'string' && allowed.includes(q));
    await o.service.setPresence(identity.id, status, chosen);
    await o.audit.record({ action: 'presence', actor: identity.id, detail: status });
    res.json({ presence: status, queues: chosen });
  });

  router.get('/counsellor/api/queues', guard, async function queues(_req: Request, res: Response) {
    const { identity } = signedOf(res);
    const now = new Date();
    const waiting = await o.service.listWaiting(visibleQueues(identity));
    const out = await Promise.all(visibleQueues(identity).map(async (id) => {
      const q = catalogue().queues.get(id)!;
      const mine = waiting.filter((w) => w.queueId === id);
      return {
        id,
        name: q.name,
        languages: q.languages,
        opening: openingStatus(q.hours, now, catalogue().region.timezone).state,
        online: (await o.service.onlineFor(id)).length,
        waiting: mine.length,
        longestWaitSeconds: mine.reduce((m, w) => Math.max(m, w.waitingSeconds), 0),
      };
    }));
    res.json({ queues: out });
  });

  router.get('/counsellor/api/waiting', guard, async function waiting(_req: Request, res: Response) {
    const { identity } = signedOf(res);
    res.set('Cache-Control', 'no-store');
    res.json({ waiting: await o.service.listWaiting(visibleQueues(identity)) });
  });

  router.get('/counsellor/api/mine', guard, async function mine(_req: Request, res: Response) {
    const { identity } = signedOf(res);
    res.set('Cache-Control', 'no-store');
    const open = await o.service.acceptedBy(identity.id);
    res.json({ conversations: open.map((r) => ({ conversationId: r.conversationId, queueId: r.queueId, lang: r.lang, topic: r.summary.topic, acceptedAt: r.acceptedAt })) });
  });

  router.get('/counsellor/api/canned-replies', guard, function canned(req: Request, res: Response) {
    const lang: Lang = (typeof req.query.lang === 'string' && langFromLocale(req.query.lang)) || 'fi';
    res.json({ lang, replies: o.cannedReplies().map((r) => ({ id: r.id, label: r.label[lang], text: r.text[lang] })) });
  });

  // ---- one conversation ----

  /** Loads the record the signed-in person may see, or answers 404 (not 403: no probing). */
  async function visible(req: Request, res: Response): Promise<HandoffRecord | null> {
    const record = await o.service.get(String(req.params.id));
    if (!record || !canSee(signedOf(res).identity, record)) {
      apiError(res, 404, 'NotFound', 'No such conversation in your queues.');
      return null;
    }
    return record;
  }

  router.get('/counsellor/api/conversations/:id', guard, async function openConversation(req: Request, res: Response) {
    const record = await visible(req, res);
    if (!record) return;
    const { identity } = signedOf(res);
    await o.audit.record({ action: 'opened', actor: identity.id, conversationId: record.conversationId, queueId: record.queueId });
    res.set('Cache-Control', 'no-store');
    res.json({
      conversationId: record.conversationId, queueId: record.queueId, lang: record.lang, status: record.status,
      counsellorId: record.counsellorId ?? null, queuedAt: record.queuedAt, summary: record.summary, transcript: record.transcript ?? null,
    });
  });

  router.get('/counsellor/api/conversations/:id/messages', guard, async function readMessages(req: Request, res: Response) {
    const record = await visible(req, res);
    if (!record) return;
    const { identity } = signedOf(res);
    await o.audit.record({ action: 'read', actor: identity.id, conversationId: record.conversationId, queueId: record.queueId });
    res.set('Cache-Control', 'no-store');
    res.json({ lines: record.lines, notes: record.notes });
  });

  router.post('/counsellor/api/conversations/:id/accept', guard, async function accept(req: Request, res: Response) {
    const { identity } = signedOf(res);
    const record = await o.service.get(String(req.params.id));
    // Another queue's conversation stays invisible (404); one that is gone or taken gets the
    // truth (409): the resident cancelled or the wait ended, or someone else answered first.
    if (record && identity.role !== 'supervisor' && !visibleQueues(identity).includes(record.queueId)) {
      return apiError(res, 404, 'NotFound', 'No such conversation in your queues.');
    }
    const result = await o.service.accept(String(req.params.id), identity.id);
    if (result.ok) return res.json({ accepted: true });
    if (result.reason === 'taken') return apiError(res, 409, 'AlreadyAccepted', 'Another counsellor answered first.');
    return apiError(res, 409, 'NotWaiting', 'The resident is not waiting any more (they cancelled or the wait ended).');
  });

  const mine = (action: (id: string, who: Identity, body: unknown) => Promise<boolean>) =>
    async function ownConversation(req: Request, res: Response): Promise<void> {
      const done = await action(String(req.params.id), signedOf(res).identity, req.body);
      if (!done) return apiError(res, 409, 'NotYours', 'This conversation is not open with you.');
      res.json({ ok: true });
    };

  router.post('/counsellor/api/conversations/:id/messages', guard, (req, res, next) => {
    if (!text(req.body)) return apiError(res, 400, 'BadArgument', `text is required (at most ${MAX_TEXT} characters).`);
    next();
  }, mine((id, who, body) => o.service.send(id, who.id, text(body)!)));

  router.post('/counsellor/api/conversations/:id/typing', guard, mine((id, who) => o.service.typing(id, who.id)));

  router.post('/counsellor/api/conversations/:id/notes', guard, (req, res, next) => {
    if (!text(req.body)) return apiError(res, 400, 'BadArgument', `text is required (at most ${MAX_TEXT} characters).`);
    next();
  }, mine((id, who, body) => o.service.note(id, who.id, text(body)!)));

  router.post('/counsellor/api/conversations/:id/end', guard, (req, res, next) => {
    const mode = (req.body as { mode?: unknown } | undefined)?.mode;
    if (mode !== 'back-to-bot' && mode !== 'close') return apiError(res, 400, 'BadArgument', 'mode must be back-to-bot or close.');
    next();
  }, mine((id, who, body) => o.service.end(id, who.id, (body as { mode: 'back-to-bot' | 'close' }).mode)));

  router.post('/counsellor/api/conversations/:id/transfer', guard, async function transfer(req: Request, res: Response) {
    const record = await visible(req, res);
    if (!record) return;
    const { identity } = signedOf(res);
    if (record.status === 'accepted' && record.counsellorId !== identity.id && identity.role !== 'supervisor') {
      return apiError(res, 409, 'NotYours', 'This conversation is not open with you.');
    }
    const toQueue = (req.body as { queueId?: unknown } | undefined)?.queueId;
    if (typeof toQueue !== 'string' || toQueue === record.queueId) return apiError(res, 400, 'BadArgument', 'queueId of another queue is required.');
    const result = await o.service.transfer(record.conversationId, toQueue, identity.id);
    if (result.status === 'unavailable') return apiError(res, 409, 'QueueUnavailable', `The queue is not available: ${result.reason}.`);
    if (result.status === 'not-found') return apiError(res, 404, 'NotFound', 'The conversation ended.');
    if (result.status === 'same-queue') return apiError(res, 400, 'BadArgument', 'queueId of another queue is required.');
    res.json(result);
  });

  // ---- supervisor ----

  router.get('/counsellor/api/audit', guard, async function auditLog(req: Request, res: Response) {
    if (signedOf(res).identity.role !== 'supervisor') return apiError(res, 403, 'Forbidden', 'Supervisors only.');
    const limit = Math.min(500, Math.max(1, Number(req.query.limit) || 100));
    res.json({ entries: await o.audit.recent(limit) });
  });

  // ---- real time ----

  router.get('/counsellor/api/events', guard, function events(req: Request, res: Response) {
    const signed = signedOf(res);
    streamEvents(req, res, {
      bus: o.bus,
      signed,
      visibleQueues: visibleQueues(signed.identity),
      heartbeatMs: o.heartbeatMs ?? 20000,
      heartbeat: () => o.service.heartbeat(signed.identity.id),
    });
  });

  return router;
}
