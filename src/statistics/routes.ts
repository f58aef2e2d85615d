/**
 * /statistics: the page for editors and service managers (signed in, role `statistics`) and its
 * CSV export. Server-rendered HTML with plain forms, so it needs no script. Sign-in is a form
 * post checked for same-origin (login CSRF), with the console's lock-out after failed attempts.
 */
import express, { Request, Response, Router } from 'express';
import path from 'node:path';
import type { ContentStore } from '../engine/contentStore';
import type { Lockout } from '../handoff/auth/lockout';
import type { Logger } from '../logging/logger';
import { SECURITY_HEADERS } from '../web/csp';
import { StatisticsUser, StatisticsUsers } from './auth/accounts';
import { STATISTICS_COOKIE, StatisticsSessions, tokenMatches } from './auth/sessions';
import { toCsv } from './csv';
import { addDays, daysBetween, isDay } from './dates';
import { dayOf } from './facts';
import { renderSignIn, renderStatistics, STATISTICS_CSP } from './page/render';
import { pageLang } from './page/strings';
import type { RegionNames } from './regionNames';
import { buildReport, funnelTables, Report } from './report';
import type { StatisticsStore } from './store/store';

const PUBLIC_DIR = path.resolve(__dirname, '../../public/statistics');
const DEFAULT_PERIOD_DAYS = 30;

export interface StatisticsRouteOptions {
  store: StatisticsStore;
  content: ContentStore;
  users: StatisticsUsers;
  sessions: StatisticsSessions;
  lockout: Lockout;
  regions: string[];
  /** Display names of the regions, by language. */
  regionNames: RegionNames;
  timeZone: string;
  sessionTtlSeconds: number;
  secureCookies: boolean;
  log: Logger;
  clock?: () => Date;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** A form post from our own page: the browser's Origin / Sec-Fetch-Site say where it came from. */
function sameOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.get('origin');
  if (!origin || origin === 'null') return !site || site === 'same-origin' || site === 'none';
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

function pageHeaders(res: Response): void {
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': STATISTICS_CSP, ...SECURITY_HEADERS });
}

export function statisticsRoutes(o: StatisticsRouteOptions): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const css = '/statistics/assets/statistics.css';

  router.use('/statistics/assets', express.static(PUBLIC_DIR, {
    index: false,
    setHeaders: (res) => {
      res.set('Cache-Control', 'no-cache');
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.set(k, v);
    },
  }));

  async function signedIn(req: Request): Promise<{ user: StatisticsUser; csrfToken: string; sessionId: string } | null> {
    const session = await o.sessions.get(readCookie(req, STATISTICS_COOKIE));
    const user = session ? o.users.find(session.userId) : null;
    return session && user ? { user, csrfToken: session.csrfToken, sessionId: session.id } : null;
  }

  /** The period and region asked for; defaults: the last 30 days, all regions. */
  function query(req: Request): { from: string; to: string; region: string; days: string[] | null } {
    const today = dayOf(o.clock?.() ?? new Date(), o.timeZone);
    const to = isDay(req.query.to) ? req.query.to : today;
    const from = isDay(req.query.from) ? req.query.from : addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
    const region = typeof req.query.region === 'string' && o.regions.includes(req.query.region) ? req.query.region : 'all';
    return { from, to, region, days: daysBetween(from, to) };
  }

  async function report(q: ReturnType<typeof query>): Promise<Report> {
    const days = q.days ?? [];
    return buildReport(await o.store.read(days), { days, region: q.region });
  }

  router.get('/statistics', async function statisticsPage(req: Request, res: Response) {
    const lang = pageLang(req.query.lang);
    const rest = new URLSearchParams(Object.entries(req.query).filter(([k, v]) => k !== 'lang' && typeof v === 'string') as [string, string][]).toString();
    const frame = { lang, cssHref: css, queryWithoutLang: rest };
    const who = await signedIn(req);
    pageHeaders(res);
    if (!who) {
      const error = req.query.error === 'failed' || req.query.error === 'locked' ? req.query.error : null;
      return void res.status(error ? 401 : 200).send(renderSignIn(frame, error));
    }
    const q = query(req);
    const bundle = o.content.current();
    const r = await report(q);
    const catalogue = bundle?.catalogue;
    res.send(renderStatistics(frame, {
      report: r,
      from: q.from,
      to: q.to,
      rangeError: q.days === null,
      regions: o.regions.map((id) => ({ id, name: o.regionNames.get(id)?.[lang] ?? id })),
      dialogs: bundle ? [...bundle.program.dialogs.values()] : [],
      nameOf: (table, key) => {
        if (table === 'routesByService') return catalogue?.services.get(key)?.name[lang] ?? null;
        if (table === 'handoffs') return catalogue?.queues.get(key)?.name[lang] ?? null;
        if (table === 'topicsByLanguage' || table === 'routesByDay:column') return bundle?.program.topics.get(key)?.label[lang] ?? null;
        return null;
      },
      who: who.user.displayName,
      csrfToken: who.csrfToken,
    }));
  });

  router.get('/statistics/export.csv', async function exportCsv(req: Request, res: Response) {
    if (!(await signedIn(req))) return void res.status(401).json({ error: { code: 'Unauthorized', message: 'Sign in at /statistics first.' } });
    const q = query(req);
    if (!q.days) return void res.status(400).json({ error: { code: 'BadArgument', message: 'from must not be after to, and the range is at most 366 days.' } });
    const r = await report(q);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="opastin-statistics-${q.from}-${q.to}-${q.region}.csv"`,
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    const dialogs = [...(o.content.current()?.program.dialogs.values() ?? [])];
    res.send(toCsv([...r.tables, ...funnelTables(dialogs, r).map((f) => f.table)], q));
  });

  router.post('/statistics/signin', form, async function signIn(req: Request, res: Response) {
    const lang = pageLang(req.query.lang);
    if (!sameOrigin(req)) return void res.status(403).json({ error: { code: 'Forbidden', message: 'Sign in from the statistics page.' } });
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || username.length > 64 || password.length > 1024) {
      return void res.status(400).json({ error: { code: 'BadArgument', message: 'username and password are required.' } });
    }
    if (await o.lockout.isLocked(username)) return void res.redirect(303, `/statistics?lang=${lang}&error=locked`);
    const user = await o.users.verify(username, password);
    if (!user) {
      const locked = await o.lockout.fail(username);
      o.log.info({ event: locked ? 'statistics_locked_out' : 'statistics_sign_in_failed' }, 'statistics sign-in failed');
      return void res.redirect(303, `/statistics?lang=${lang}&error=${locked ? 'locked' : 'failed'}`);
    }
    await o.lockout.clear(username);
    const old = readCookie(req, STATISTICS_COOKIE);
    if (old) await o.sessions.destroy(old);
    const session = await o.sessions.create(user.id);
    o.log.info({ event: 'statistics_signed_in' }, 'statistics sign-in');
    res.set('Set-Cookie', o.sessions.cookie(session.id, o.sessionTtlSeconds, o.secureCookies));
    res.redirect(303, `/statistics?lang=${lang}`);
  });

  router.post('/statistics/signout', form, async function signOut(req: Request, res: Response) {
    const who = await signedIn(req);
    if (!who || !tokenMatches(who.csrfToken, (req.body as { csrf?: unknown } | undefined)?.csrf)) {
      return void res.status(403).json({ error: { code: 'CsrfTokenInvalid', message: 'Sign out from the statistics page.' } });
    }
    await o.sessions.destroy(who.sessionId);
    res.set('Set-Cookie', o.sessions.cookie('', 0, o.secureCookies));
    res.redirect(303, '/statistics');
  });

  return router;
}
