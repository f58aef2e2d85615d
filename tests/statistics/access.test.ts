/**
 * Who may see the statistics: only a signed-in statistics account (not a counsellor's), signed in
 * from our own page; the CSV needs the session too; sign-out needs the page's CSRF token. Also
 * runs without Redis (in-memory statistics), with counts under five suppressed on the page.
 */
import request from 'supertest';
import type { TestRuntime } from '../handoff/runtime';
import { DEMO_COUNSELLOR } from '../handoff/runtime';
import { converse } from './helpers';
import { DEMO_STATISTICS, statisticsRuntime } from './runtime';

function signIn(rt: TestRuntime, who: { username: string; password: string }) {
  return request(rt.app).post('/statistics/signin?lang=en').set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').type('form').send(who);
}

describe('statistics access (memory state)', () => {
  jest.setTimeout(60000);
  let rt: TestRuntime;
  let cookie: string;
  beforeAll(async () => {
    rt = statisticsRuntime({ redis: false });
    for (let i = 0; i < 5; i++) await converse(rt.app, ['Mieli ja jaksaminen']);
    await converse(rt.app, ['Ikääntyminen ja kotona pärjääminen']);
  });
  afterAll(() => rt.close());

  it('without a session: the sign-in form, no figures, and no CSV', async () => {
    const page = await request(rt.app).get('/statistics?lang=en').expect(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain('name="password"');
    expect(page.text).not.toContain('data-table');
    const csv = await request(rt.app).get('/statistics/export.csv').expect(401);
    expect(csv.body.error.code).toBe('Unauthorized');
  });

  it('refuses a counsellor account, a wrong password, and a sign-in posted from another site', async () => {
    const counsellor = await signIn(rt, DEMO_COUNSELLOR).expect(303);
    expect(counsellor.headers.location).toContain('error=failed');
    expect(counsellor.headers['set-cookie']).toBeUndefined();
    await signIn(rt, { ...DEMO_STATISTICS, password: 'wrong' }).expect(303);
    await request(rt.app).post('/statistics/signin').set('Origin', 'https://evil.example').set('Host', '127.0.0.1').type('form').send(DEMO_STATISTICS).expect(403);
    await request(rt.app).post('/statistics/signin').set('Sec-Fetch-Site', 'cross-site').type('form').send(DEMO_STATISTICS).expect(403);
    const failed = await request(rt.app).get('/statistics?lang=en&error=failed').expect(401);
    expect(failed.text).toContain('Wrong user name or password.');
  });

  it('signs in the statistics account; the page shows figures with small counts as <5', async () => {
    const res = await signIn(rt, DEMO_STATISTICS).expect(303);
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\/statistics/);
    cookie = set.split(';')[0];
    const page = await request(rt.app).get('/statistics?lang=en').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('<option value="satakunta">Satakunta wellbeing services county</option>');
    expect(page.text).toMatch(/<tr data-row="\d{4}-\d{2}-\d{2}"><th scope="row">[^<]+<\/th><td data-column="fi">6<\/td>/);
    expect(page.text).toMatch(/funnel:elderly[\s\S]*?<tr data-row="who"><th scope="row">who<\/th><td data-column="reached"><abbr title="under 5">&lt;5<\/abbr><\/td>/);
    expect(page.text).toMatch(/funnel:mental-health[\s\S]*?<tr data-row="who"><th scope="row">who<\/th><td data-column="reached">5<\/td><td data-column="left">5<\/td>/);
  });

  it('CSV: same figures, small counts as <5; bad ranges are a JSON 400', async () => {
    const csv = await request(rt.app).get('/statistics/export.csv?region=demo').set('Cookie', cookie).expect(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="opastin-statistics-/);
    expect(csv.text).toContain('funnel:mental-health,who,reached,5');
    expect(csv.text).toContain('funnel:elderly,who,reached,<5');
    expect(csv.text).not.toMatch(/,[1-4]\r\n/);
    const bad = await request(rt.app).get('/statistics/export.csv?from=2026-05-02&to=2026-05-01').set('Cookie', cookie).expect(400);
    expect(bad.body.error.code).toBe('BadArgument');
    await request(rt.app).get('/statistics/export.csv?from=2024-01-01&to=2026-01-01').set('Cookie', cookie).expect(400);
  });

  it('sign-out needs the CSRF token from the page', async () => {
    await request(rt.app).post('/statistics/signout').set('Cookie', cookie).type('form').send({ csrf: 'nope' }).expect(403);
    const page = await request(rt.app).get('/statistics').set('Cookie', cookie).expect(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1];
    await request(rt.app).post('/statistics/signout').set('Cookie', cookie).type('form').send({ csrf }).expect(303);
    await request(rt.app).get('/statistics/export.csv').set('Cookie', cookie).expect(401);
  });
});
