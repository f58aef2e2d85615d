/** The chat page and its assets over HTTP (the browser side is in tests/e2e). */
import request from 'supertest';
import { CLIENT_STRINGS } from '../../src/web/clientStrings';
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

  it('serves its own bundle and styles (built at start, minified, named by content hash), compressed and cached, and the region logo', async () => {
    const page = await request(app).get('/');
    const js = /src="(\/assets\/chat-[\w-]{10}\.js)"/.exec(page.text)![1];
    const css = /href="(\/assets\/chat-[\w-]{10}\.css)"/.exec(page.text)![1];
    for (const asset of [js, css]) {
      const res = await request(app).get(asset).set('Accept-Encoding', 'gzip');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers['content-length'])).toBeLessThan(20_000);
    }
    const body = (await request(app).get(js)).text;
    expect(body).not.toMatch(/\/\*\*|^\s{2,}/m); // minified: no doc comments, no indentation
    expect(body).not.toMatch(/sourceMappingURL|webchat\.js/);
    await request(app).get('/region/demo/logo').expect(200).expect('Content-Type', /svg/);
  });

  it('loads Web Chat only when chosen (?client=webchat or CHAT_CLIENT)', async () => {
    const ours = await request(app).get('/').expect(200);
    expect(ours.text).not.toContain('/vendor/webchat');
    expect(ours.text).toContain('data-client="opastin"');
    const theirs = await request(app).get('/?client=webchat').expect(200);
    expect(theirs.text).toContain(`"webchatUrl":"${WEBCHAT_URL}"`);
    expect(theirs.text).toMatch(/src="\/assets\/webchat-page-[\w-]{10}\.js"/);
  });

  it('starts a conversation in one round trip for the page: token, streamUrl and the greeting in the asked locale', async () => {
    const res = await request(app).post('/api/chat/token').send({ start: true, locale: 'sv-SE' }).expect(201);
    expect(res.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), userId: expect.stringMatching(/^dl_/), streamUrl: expect.stringContaining('/stream?watermark=&t=') });
    expect(res.body.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' } });
    expect(res.body.activities[0].text).toMatch(/Hej/);
    expect(res.body.watermark).toBe(String(res.body.activities.length));
    // Started once: POST conversations afterwards does not greet again.
    await request(app).post('/v3/directline/conversations').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    const after = await request(app).get(`/v3/directline/conversations/${res.body.conversationId}/activities?watermark=${res.body.watermark}`).set('Authorization', `Bearer ${res.body.token}`);
    expect(after.body.activities).toEqual([]);
  });

  it('serves embed.js: a launcher that opens the page in an iframe', async () => {
    const res = await request(app).get('/embed.js').expect(200).expect('Content-Type', /javascript/);
    expect(res.text).toContain("'/?embed=1&region='");
    expect(res.text).toContain('aria-expanded');
    expect(res.text).toContain(STRINGS.sv.launcherOpen);
    expect(res.text).toContain("getAttribute('data-client') === 'webchat'");
  });

  it('every client string exists in fi, sv and en, with the crisis numbers the page shows offline', () => {
    const keys = Object.keys(CLIENT_STRINGS.fi).sort();
    for (const lang of ['sv', 'en'] as const) expect(Object.keys(CLIENT_STRINGS[lang]).sort()).toEqual(keys);
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(CLIENT_STRINGS[lang].crisisLines.map((l) => l.number)).toEqual(expect.arrayContaining(['112', '09 2525 0111']));
    }
    expect(CLIENT_STRINGS.sv.crisisLines.map((l) => l.number)).toContain('09 2525 0112');
  });
});
