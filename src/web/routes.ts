/**
 * The residents' chat page (`GET /`), its embed script (`/embed.js`), our own static files and
 * Web Chat's bundle, served from this server (no CDN), compressed and cached.
 */
import compression from 'compression';
import { Request, Response, Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { langFromLocale, Lang } from '../lang';
import { precompressedAsset, warmAsset } from './assets';
import { clientBundle } from './clientBundle';
import { newNonce, pageCsp, SECURITY_HEADERS } from './csp';
import { embedScript } from './embed';
import { ChatClient, renderPage } from './page';
import { RegionThemes } from './region';
import { langFromAcceptLanguage } from './strings';
import { requestOrigin } from '../channels/directline/origin';

/** The package folder: its exports map hides package.json, so walk up from the main entry. */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package folder of ${name} not found`);
    dir = parent;
  }
  return dir;
}
const WEBCHAT_DIR = packageDir('botframework-webchat');
const WEBCHAT_VERSION = (JSON.parse(fs.readFileSync(path.join(WEBCHAT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const WEBCHAT_FILE = path.join(WEBCHAT_DIR, 'dist', 'webchat.js');
export const WEBCHAT_URL = `/vendor/webchat-${WEBCHAT_VERSION}.js`;

export interface WebOptions {
  contentDir: string;
  region: string;
  /** CSP frame-ancestors for `/?embed=1`; the full page is never framed by others. */
  frameAncestors: string;
  publicBaseUrl: string | null;
  /** Compress Web Chat's bundle at start, brotli included (off in tests: gzip only, on demand). */
  warm?: boolean;
  /** Where quick exit goes: a neutral site (CHAT_QUICK_EXIT_URL). */
  quickExitUrl?: string;
  /** The page's chat when the URL does not say (`?client=webchat`): CHAT_CLIENT. */
  defaultClient?: ChatClient;
}



export function webRoutes(options: WebOptions): Router {
  const router = Router();
  const themes = new RegionThemes(options.contentDir, options.region);
  const built = clientBundle();
  const brotli = { brotli: Boolean(options.warm) };
  if (options.warm) warmAsset(WEBCHAT_FILE);

  router.get(WEBCHAT_URL, precompressedAsset(WEBCHAT_FILE, 'application/javascript; charset=utf-8', brotli));
  // Our own bundle and styles: built at start, precompressed, URL named by content hash.
  for (const asset of [built.js, built.webchatJs, built.css]) {
    const source = { name: asset.url, bytes: () => asset.bytes };
    if (options.warm) warmAsset(source);
    router.get(asset.url, (req, res, next) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.set(k, v);
      precompressedAsset(source, asset.contentType, { brotli: true })(req, res).catch(next);
    });
  }

  router.use(compression());

  router.get('/region/:regionId/logo', function regionLogo(req: Request, res: Response) {
    const theme = themes.get(String(req.params.regionId));
    if (!theme.logoFile) {
      res.status(404).json({ error: { code: 'NotFound', message: 'This region has no logo.' } });
      return;
    }
    res.set({ 'Cache-Control': 'public, max-age=86400', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", ...SECURITY_HEADERS });
    res.sendFile(theme.logoFile);
  });

  router.get('/', function chatPage(req: Request, res: Response) {
    const embed = req.query.embed === '1';
    const client: ChatClient = req.query.client === 'webchat' || req.query.client === 'opastin' ? req.query.client : options.defaultClient ?? 'opastin';
    const theme = themes.get(typeof req.query.region === 'string' ? req.query.region : null);
    const queryLang = typeof req.query.lang === 'string' ? langFromLocale(req.query.lang) : null;
    const lang: Lang = queryLang ?? langFromAcceptLanguage(req.headers['accept-language']);
    const nonce = newNonce();
    // Never a crafted Host in the CSP (requestOrigin refuses anything but a plain host name).
    const origin = requestOrigin(req, options.publicBaseUrl);
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': pageCsp({ nonce, wsOrigin: origin ? origin.replace(/^http/, 'ws') : '', frameAncestors: embed ? options.frameAncestors : "'self'" }),
      Vary: 'Accept-Language',
      ...SECURITY_HEADERS,
    });
    res.send(renderPage({
      lang,
      region: theme.region,
      nonce,
      embed,
      client,
      quickExitUrl: options.quickExitUrl ?? 'https://www.google.fi/',
      assets: {
        css: built.css.url,
        js: client === 'webchat' ? built.webchatJs.url : built.js.url,
        webchat: WEBCHAT_URL,
        logo: theme.logoFile ? `/region/${encodeURIComponent(theme.region.id)}/logo` : null,
      },
    }));
  });

  router.get('/embed.js', function embedJs(req: Request, res: Response) {
    res.set({ 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600', ...SECURITY_HEADERS });
    res.send(embedScript(themes.all().map((t) => t.region), options.region));
  });

  return router;
}
