/**
 * Two server processes (two runtimes listening on two ports) sharing one Redis: the counsellor's
 * console stream (server-sent events) on A sees a resident message handled on B, and the
 * counsellor's reply sent through A reaches the resident's chat served by B.
 */
import request from 'supertest';
import { listen, Listening, startConversation } from '../channels/helpers';
import { uniquePrefix } from '../support/redisTest';
import { GENERAL, SUMMARY } from './helpers';
import { DEMO_COUNSELLOR, handoffRuntime, signIn, TestRuntime } from './runtime';

/** Reads a server-sent event stream until `want` matches an event, or times out. */
async function nextEvent(url: string, cookie: string, want: (name: string, data: Record<string, unknown>) => boolean, started: () => Promise<unknown>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { Cookie: cookie, Accept: 'text/event-stream' }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ready = false;
  const timer = setTimeout(() => controller.abort(), 10000);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!name || !data) continue;
        const parsed = JSON.parse(data) as Record<string, unknown>;
        if (name === 'ready' && !ready) {
          ready = true;
          await started(); // act only once the stream is live
        } else if (want(name, parsed)) {
          return { name, data: parsed };
        }
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe('handoff across two processes on one Redis', () => {
  const prefix = uniquePrefix('handoff-2p');
  let a: TestRuntime;
  let b: TestRuntime;
  let serverA: Listening;
  beforeAll(async () => {
    a = handoffRuntime({ prefix });
    b = handoffRuntime({ prefix });
    serverA = await listen(a);
  });
  afterAll(async () => {
    await serverA.close();
    await a.close();
    await b.close();
  });

  it('console SSE on A sees the resident message handled on B; the reply from A reaches the chat on B', async () => {
    const s = await signIn(a.app, DEMO_COUNSELLOR);
    const as = { Cookie: s.cookie, 'X-CSRF-Token': s.csrf };
    await request(a.app).put('/counsellor/api/presence').set(as).send({ status: 'online', queues: [GENERAL] }).expect(200);

    const resident = await startConversation(b.app);
    const id = resident.conversationId;
    // Requested on B (where the resident's turn runs): A's console is told the waiting list changed.
    const waitingChanged = await nextEvent(`${serverA.url}/counsellor/api/events`, s.cookie, (name) => name === 'waiting-changed', () =>
      b.handoff.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY }),
    );
    expect(waitingChanged.data).toEqual({ type: 'waiting-changed', queueIds: [GENERAL] });
    await request(a.app).post(`/counsellor/api/conversations/${id}/accept`).set(as).expect(200);

    const seen = await nextEvent(`${serverA.url}/counsellor/api/events`, s.cookie, (name) => name === 'message', () =>
      b.handoff.service.residentMessage(id, 'Viesti prosessista B'),
    );
    expect(seen.data).toMatchObject({ conversationId: id, from: 'resident', text: 'Viesti prosessista B', counsellorId: 'demo.ohjaaja' });

    await request(a.app).post(`/counsellor/api/conversations/${id}/messages`).set(as).send({ text: 'Vastaus prosessista A' }).expect(200);
    const activities = (await request(b.app).get(`/v3/directline/conversations/${id}/activities`).set('Authorization', `Bearer ${resident.token}`).expect(200)).body.activities as { text?: string }[];
    expect(activities.map((x) => x.text)).toContain('Vastaus prosessista A');
  });
});
