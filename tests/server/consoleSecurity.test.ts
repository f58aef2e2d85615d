/**
 * Console hardening of issue #12: the event stream ends with the session (a message sent after
 * sign-out is never delivered), and the audit trail covers waiting-list views, denied access,
 * delivery over the event stream and resident-side endings.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { conversationRef } from '../../src/handoff/audit';
import { startConversation } from '../channels/helpers';
import { SUMMARY } from '../handoff/helpers';
import { DEMO_COUNSELLOR, DEMO_SUPERVISOR, handoffRuntime, signIn } from '../handoff/runtime';

const API = '/counsellor/api';
const QUEUE = 'demo-general-guidance';

describe('console event stream and audit', () => {
  const rt = handoffRuntime({ handoff: {} });
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer(rt.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await rt.close();
  });

  it('stops delivering over the event stream once the counsellor signs out', async () => {
    const c = await signIn(rt.app, DEMO_COUNSELLOR);
    const resident = await startConversation(rt.app);
    await rt.handoff.service.setPresence('demo.ohjaaja', 'online', [QUEUE]);
    await rt.handoff.service.request({ conversationId: resident.conversationId, queueId: QUEUE, lang: 'fi', summary: SUMMARY });
    await request(rt.app).post(`${API}/conversations/${resident.conversationId}/accept`).set('Cookie', c.cookie).set('X-CSRF-Token', c.csrf).expect(200);

    const received: string[] = [];
    let closed = false;
    const stream = http.get(`${base}${API}/events`, { headers: { Cookie: c.cookie } }, (res) => {
      res.on('data', (d) => received.push(d.toString()));
      res.on('end', () => (closed = true));
    });
    stream.on('error', () => undefined);
    const until = async (check: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(check()).toBe(true);
    };
    await until(() => received.join('').includes('event: ready'));
    await rt.handoff.service.residentMessage(resident.conversationId, 'ENNEN uloskirjautumista');
    await until(() => received.join('').includes('ENNEN'));

    await request(rt.app).delete(`${API}/session`).set('Cookie', c.cookie).set('X-CSRF-Token', c.csrf).expect(200);
    await rt.handoff.service.residentMessage(resident.conversationId, '010101-123N JÄLKEEN');
    await until(() => closed);
    expect(received.join('')).not.toContain('JÄLKEEN');
    stream.destroy();

    const sup = await signIn(rt.app, DEMO_SUPERVISOR);
    const audit = (await request(rt.app).get(`${API}/audit?limit=100`).set('Cookie', sup.cookie).expect(200)).body.entries as { action: string; actor: string; conversationRef?: string }[];
    expect(audit).toContainEqual(expect.objectContaining({ action: 'streamed', actor: 'demo.ohjaaja', conversationRef: conversationRef(resident.conversationId) }));
  });

  it('audits waiting-list views, denied access and the resident ending the handoff', async () => {
    const c = await signIn(rt.app, DEMO_COUNSELLOR);
    const resident = await startConversation(rt.app);
    await rt.handoff.service.setPresence('demo.ohjaaja', 'online', [QUEUE]);
    await rt.handoff.service.request({ conversationId: resident.conversationId, queueId: QUEUE, lang: 'fi', summary: SUMMARY });
    await request(rt.app).get(`${API}/waiting`).set('Cookie', c.cookie).expect(200);
    await request(rt.app).get(`${API}/conversations/not-there-at-all`).set('Cookie', c.cookie).expect(404);
    await request(rt.app).delete('/api/chat/conversation').set('Authorization', `Bearer ${resident.token}`).expect(200);
    const actions = (await rt.handoff.audit.recent(100)).map((e) => `${e.action}:${e.actor}`);
    expect(actions).toEqual(expect.arrayContaining(['viewed-waiting:demo.ohjaaja', 'denied:demo.ohjaaja', 'resident-ended:resident']));
  });
});
