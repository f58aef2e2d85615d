/** The chat page and its assets over HTTP (the browser side is in tests/e2e). */
import request from 'supertest';
import { STRINGS } from '../../src/web/strings';
import { WEBCHAT_URL } from '../../src/web/routes';
import { dlRuntime } from './helpers';

describe('chat page', () => {
  const runtime = dlRuntime();
  const app = runtime.app;
  afterAll(() => runtime.close());

  it.each([
    ['fi-FI,fi;q=0.9', 'fi'],
    ['sv-FI,sv;q=0.9,en;q=0.5', 'sv'],
    ['de-DE,en;q=0.8', 'en'],
    ['de-DE', 'fi'],
  ])('Accept-Language %s gives <html lang="%s"> with its texts', async (header, lang) => {
    const res = await request(app).get('/').set('Accept-Language', header).expect(200);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).toContain(STRINGS[lang as 'fi'].privacyHeading);
    expect(res.text).toMatch(/<main id="main"/);
    expect(res.text).toMatch(/<h1 /);
  });

  it('has a strict CSP with a fresh nonce per response, and no unsafe-eval or unsafe-inline', async () => {
    const one = await request(app).get('/');
    const two = await request(app).get('/');
    const csp = one.headers['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toMatch(/style-src 'self' 'nonce-/);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(one.text).toContain(`nonce="${nonce}"`);
    expect(two.headers['content-security-policy']).not.toContain(nonce);
    expect(one.text).not.toMatch(/<script(?![^>]*(nonce=|type="application\/json"))/);
  });

  it('the embedded variant may be framed (CHAT_FRAME_ANCESTORS), without the site header', async () => {
    const res = await request(app).get('/?embed=1&region=demo&lang=sv').expect(200);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(res.text).toContain('<html lang="sv">');
    expect(res.text).not.toContain('site-header');
  });

  it('every page string exists in fi, sv and en', () => {
    const keys = Object.keys(STRINGS.fi).sort();
    for (const lang of ['sv', 'en'] as const) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      for (const key of keys) expect(String(STRINGS[lang][key as 'title'])).not.toBe('');
    }
    expect(STRINGS.sv.privacyItems).toHaveLength(STRINGS.fi.privacyItems.length);
  });

  it('serves Web Chat from this server, compressed, cached for a year', async () => {
    const res = await request(app).get(WEBCHAT_URL).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Bytes on the wire (supertest hands us the body already decompressed).
    expect(Number(res.headers['content-length'])).toBeLessThan(1_000_000);
    expect(res.text.length).toBeGreaterThan(3_000_000);
    const again = await request(app).get(WEBCHAT_URL).set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('serves its own script and styles, compressed and cached, and the region logo', async () => {
    const page = await request(app).get('/');
    const js = /src="(\/assets\/chat\.js\?v=[^"]+)"/.exec(page.text)![1];
    const res = await request(app).get(js).set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    await request(app).get('/region/demo/logo').expect(200).expect('Content-Type', /svg/);
  });

  it('serves embed.js: a launcher that opens the page in an iframe', async () => {
    const res = await request(app).get('/embed.js').expect(200).expect('Content-Type', /javascript/);
    expect(res.text).toContain("'/?embed=1&region='");
    expect(res.text).toContain('aria-expanded');
    expect(res.text).toContain(STRINGS.sv.launcherOpen);
  });
});
