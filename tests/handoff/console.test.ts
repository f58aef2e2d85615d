/**
 * The console's HTTP API in-process (supertest) on real Redis: sign-in with scrypt hashes,
 * cookie flags, CSRF, lock-out, scoping, the whole handoff through the API with the resident's
 * Direct Line conversation, and the audit log.
 */
import request from 'supertest';
import { startConversation } from '../channels/helpers';
import { GENERAL, SUMMARY } from './helpers';
import { DEMO_COUNSELLOR, DEMO_SUPERVISOR, handoffRuntime, signIn, TestRuntime } from './runtime';

const API = '/counsellor/api';

describe('counsellor console API', () => {
  let rt: TestRuntime;
  beforeAll(() => {
    rt = handoffRuntime();
  });
  afterAll(() => rt.close());

  it('serves an accessible-by-construction page with its own strict CSP, Finnish by default', async () => {
    const res = await request(rt.app).get('/counsellor').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.text).toContain('<html lang="fi">');
    expect(res.text).toMatch(/<main id="main">/);
    expect(res.text).toMatch(/<h1 data-i18n="heading">Ohjaajan työpöytä<\/h1>/);
    expect(res.text).toContain('<label for="username"');
    expect((await request(rt.app).get('/counsellor?lang=sv').expect(200)).text).toContain('<html lang="sv">');
    const js = res.text.match(/src="(\/counsellor\/assets\/console\.js\?v=[^"]+)"/)![1];
    await request(rt.app).get(js).expect(200).expect('Content-Type', /javascript/);
  });

  it('refuses the API without a session', async () => {
    await request(rt.app).get(`${API}/waiting`).expect(401);
    await request(rt.app).get(`${API}/events`).expect(401);
  });

  it('signs in with the scrypt-hashed account: HttpOnly, SameSite=Strict cookie scoped to /counsellor', async () => {
    await request(rt.app).post(`${API}/session`).send({ username: 'demo.ohjaaja', password: 'wrong-password' }).expect(401);
    await request(rt.app).post(`${API}/session`).type('form').send(DEMO_COUNSELLOR).expect(415);
    const s = await signIn(rt.app, DEMO_COUNSELLOR);
    expect(s.setCookie).toMatch(/HttpOnly/);
    expect(s.setCookie).toMatch(/SameSite=Strict/);
    expect(s.setCookie).toMatch(/Path=\/counsellor/);
    expect(s.setCookie).not.toMatch(/Secure/); // not in tests; production sets it (below)
    const me = await request(rt.app).get(`${API}/session`).set('Cookie', s.cookie).expect(200);
    expect(me.body.counsellor).toMatchObject({ id: 'demo.ohjaaja', role: 'counsellor' });
    expect(JSON.stringify(me.body)).not.toContain('scrypt$');
    // Nothing in the logs carries the password.
    expect(rt.lines.join('\n')).not.toContain(DEMO_COUNSELLOR.password);
  });

  it('sets Secure on the cookie when configured for production', async () => {
    const prod = handoffRuntime({ handoff: { secureCookies: true } });
    try {
      expect((await signIn(prod.app, DEMO_COUNSELLOR)).setCookie).toMatch(/; Secure/);
    } finally {
      await prod.close();
    }
  });

  it('refuses state-changing requests without the CSRF token (and with a wrong one)', async () => {
    const s = await signIn(rt.app, DEMO_COUNSELLOR);
    const body = { status: 'online', queues: [GENERAL] };
    const none = await request(rt.app).put(`${API}/presence`).set('Cookie', s.cookie).send(body).expect(403);
    expect(none.body.error.code).toBe('CsrfTokenInvalid');
    await request(rt.app).put(`${API}/presence`).set('Cookie', s.cookie).set('X-CSRF-Token', 'x'.repeat(43)).send(body).expect(403);
    await request(rt.app).put(`${API}/presence`).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send(body).expect(200);
    await request(rt.app).put(`${API}/presence`).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send({ status: 'away', queues: [] }).expect(200);
  });

  it('locks an account for 15 minutes after 5 failed attempts, even with the right password then', async () => {
    const locked = handoffRuntime();
    try {
      for (let i = 0; i < 5; i++) {
        await request(locked.app).post(`${API}/session`).send({ username: 'demo.esihenkilo', password: `wrong-${i}` }).expect(401);
      }
      const res = await request(locked.app).post(`${API}/session`).send(DEMO_SUPERVISOR).expect(423);
      expect(res.body.error.code).toBe('Locked');
      const ttl = await locked.redis!.ttl(`${locked.prefix}console:signin-failures:demo.esihenkilo`);
      expect(ttl).toBeGreaterThan(14 * 60);
      expect(ttl).toBeLessThanOrEqual(15 * 60);
      // Another account is not affected.
      await signIn(locked.app, DEMO_COUNSELLOR);
      // Unknown names lock the same way, so the answer tells nothing about which names exist.
      for (let i = 0; i < 5; i++) await request(locked.app).post(`${API}/session`).send({ username: 'nobody.here', password: 'x' }).expect(401);
      await request(locked.app).post(`${API}/session`).send({ username: 'nobody.here', password: 'x' }).expect(423);
    } finally {
      await locked.close();
    }
  });

  it('runs a whole handoff through the API into the resident’s Direct Line conversation, with an audit trail', async () => {
    const c = await signIn(rt.app, DEMO_COUNSELLOR);
    const sup = await signIn(rt.app, DEMO_SUPERVISOR);
    const as = (s: typeof c) => ({ Cookie: s.cookie, 'X-CSRF-Token': s.csrf });
    await request(rt.app).put(`${API}/presence`).set(as(c)).send({ status: 'online', queues: [GENERAL, 'not-mine'] }).expect(200, { presence: 'online', queues: [GENERAL] });

    const resident = await startConversation(rt.app);
    const id = resident.conversationId;
    const queued = await rt.handoff.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY });
    expect(queued).toMatchObject({ status: 'queued', position: 1, estimateMinutes: null });

    const waiting = await request(rt.app).get(`${API}/waiting`).set(as(c)).expect(200);
    expect(waiting.body.waiting).toHaveLength(1);
    expect(waiting.body.waiting[0]).toMatchObject({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY });
    expect(typeof waiting.body.waiting[0].waitingSeconds).toBe('number');

    const queues = await request(rt.app).get(`${API}/queues`).set(as(sup)).expect(200);
    expect(queues.body.queues).toHaveLength(4); // a supervisor sees all queues
    expect(queues.body.queues.find((q: { id: string }) => q.id === GENERAL)).toMatchObject({ online: 1, waiting: 1 });

    await request(rt.app).get(`${API}/conversations/${id}`).set(as(c)).expect(200);
    await request(rt.app).post(`${API}/conversations/${id}/accept`).set(as(c)).expect(200);
    const second = await request(rt.app).post(`${API}/conversations/${id}/accept`).set(as(sup)).expect(409);
    expect(second.body.error.code).toBe('AlreadyAccepted');

    await request(rt.app).post(`${API}/conversations/${id}/messages`).set(as(c)).send({ text: '' }).expect(400);
    await request(rt.app).post(`${API}/conversations/${id}/messages`).set(as(sup)).send({ text: 'not mine' }).expect(409);
    await request(rt.app).post(`${API}/conversations/${id}/messages`).set(as(c)).send({ text: 'Hei! <script>alert(1)</script>' }).expect(200);
    await request(rt.app).post(`${API}/conversations/${id}/notes`).set(as(c)).send({ text: 'SALAINEN MUISTIINPANO' }).expect(200);
    expect(await rt.handoff.service.relayResidentMessage(id, 'Kiitos vastauksesta')).toBe('delivered');
    const read = await request(rt.app).get(`${API}/conversations/${id}/messages`).set(as(c)).expect(200);
    expect(read.body.lines.map((l: { text: string }) => l.text)).toEqual(['Hei! <script>alert(1)</script>', 'Kiitos vastauksesta']);
    const canned = await request(rt.app).get(`${API}/canned-replies?lang=sv`).set(as(c)).expect(200);
    expect(canned.body.replies[0].text).toMatch(/^Hej!/);

    await request(rt.app).post(`${API}/conversations/${id}/end`).set(as(c)).send({ mode: 'sideways' }).expect(400);
    await request(rt.app).post(`${API}/conversations/${id}/end`).set(as(c)).send({ mode: 'back-to-bot' }).expect(200);

    // What the resident's chat received.
    const activities = (await request(rt.app).get(`/v3/directline/conversations/${id}/activities`).set('Authorization', `Bearer ${resident.token}`).expect(200)).body.activities as Record<string, unknown>[];
    const fromCounsellor = activities.find((a) => (a.from as { id: string }).id === 'counsellor' && a.type === 'message');
    expect(fromCounsellor?.text).toBe('Hei\\! &lt;script\\>alert\\(1\\)&lt;/script\\>');
    expect(JSON.stringify(activities)).not.toContain('SALAINEN');
    const handoffStatuses = activities.filter((a) => a.name === 'handoff').map((a) => (a.value as { status: string }).status);
    expect(handoffStatuses).toEqual(['queued', 'accepted', 'closed']);
    const feedback = activities.filter((a) => a.type === 'message').pop()!;
    expect(feedback.text).toBe('Oliko tästä apua?'); // from content/engine-texts.yaml
    expect((feedback.suggestedActions as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual(['Kyllä, oli', 'Ei oikeastaan']);

    // The audit trail: who did what, never what was written.
    const audit = await request(rt.app).get(`${API}/audit?limit=50`).set(as(sup)).expect(200);
    const mine = (audit.body.entries as { action: string; actor: string; conversationId?: string }[]).filter((e) => e.conversationId === id);
    expect(mine.map((e) => `${e.action}:${e.actor}`).reverse()).toEqual([
      'opened:demo.ohjaaja', 'accepted:demo.ohjaaja', 'sent:demo.ohjaaja', 'noted:demo.ohjaaja', 'read:demo.ohjaaja', 'back-to-bot:demo.ohjaaja',
    ]);
    expect(JSON.stringify(audit.body)).not.toMatch(/Hei!|SALAINEN|Kiitos/);
    // Logs carry events, never what was written.
    expect(rt.lines.join('\n')).not.toMatch(/alert\(1\)|SALAINEN|Kiitos vastauksesta/);
    await request(rt.app).get(`${API}/audit`).set(as(c)).expect(403);
    const auditKey = `${rt.prefix}handoff-audit`;
    expect(await rt.redis!.pttl(auditKey)).toBeGreaterThan(300 * 24 * 3600 * 1000);

    // "End and delete" of the conversation removes the handoff record but keeps the audit trail.
    await request(rt.app).delete('/api/chat/conversation').set('Authorization', `Bearer ${resident.token}`).expect(200);
    expect(await rt.redis!.keys(`*${id}*`)).toEqual([]);
    expect(await rt.redis!.exists(auditKey)).toBe(1);
  });

  it('keeps counsellors to their own queues and conversations', async () => {
    const c = await signIn(rt.app, DEMO_COUNSELLOR);
    const resident = await startConversation(rt.app);
    await rt.handoff.service.setPresence('someone-else', 'online', ['demo-elderly-counselling']);
    await rt.handoff.service.request({ conversationId: resident.conversationId, queueId: 'demo-elderly-counselling', lang: 'sv', summary: SUMMARY });
    const as = { Cookie: c.cookie, 'X-CSRF-Token': c.csrf };
    const waiting = await request(rt.app).get(`${API}/waiting`).set(as).expect(200);
    expect(waiting.body.waiting.map((w: { conversationId: string }) => w.conversationId)).not.toContain(resident.conversationId);
    await request(rt.app).get(`${API}/conversations/${resident.conversationId}`).set(as).expect(404);
    await request(rt.app).post(`${API}/conversations/${resident.conversationId}/accept`).set(as).expect(404);
  });

  it('works without Redis too (memory sessions, store and events)', async () => {
    const mem = handoffRuntime({ redis: false });
    try {
      const s = await signIn(mem.app, DEMO_COUNSELLOR);
      const as = { Cookie: s.cookie, 'X-CSRF-Token': s.csrf };
      await request(mem.app).put(`${API}/presence`).set(as).send({ status: 'online', queues: [GENERAL] }).expect(200);
      const resident = await startConversation(mem.app);
      await mem.handoff.service.request({ conversationId: resident.conversationId, queueId: GENERAL, lang: 'en', summary: SUMMARY });
      await request(mem.app).post(`${API}/conversations/${resident.conversationId}/accept`).set(as).expect(200);
      await request(mem.app).post(`${API}/conversations/${resident.conversationId}/messages`).set(as).send({ text: 'Hello' }).expect(200);
      const activities = (await request(mem.app).get(`/v3/directline/conversations/${resident.conversationId}/activities`).set('Authorization', `Bearer ${resident.token}`).expect(200)).body.activities as { text?: string }[];
      expect(activities.map((a) => a.text)).toContain('Hello');
    } finally {
      await mem.close();
    }
  });

  it('signs out: the session is gone', async () => {
    const s = await signIn(rt.app, DEMO_COUNSELLOR);
    const out = await request(rt.app).delete(`${API}/session`).set({ Cookie: s.cookie, 'X-CSRF-Token': s.csrf }).expect(200);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    await request(rt.app).get(`${API}/session`).set('Cookie', s.cookie).expect(401);
  });
});
