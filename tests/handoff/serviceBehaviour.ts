/**
 * One behaviour suite for every HandoffService storage (memory and Redis): the assignment rules,
 * what the resident receives, abandoned waits, estimates, notes and transfers.
 */
import { randomUUID } from 'node:crypto';
import type { ConsoleEvent } from '../../src/handoff/bus';
import { Built, buildService, CLOSED_TIME, eventsOf, FAMILY, GENERAL, Kind, messagesOf, OPEN_TIME, SUMMARY } from './helpers';

const conv = (): string => `conv-${randomUUID()}`;
const MIN = 60 * 1000;

export function runServiceBehaviour(kind: Kind): void {
  describe(`HandoffService (${kind})`, () => {
    let h: Built;
    // The service's clock: a Monday morning when every demo queue is open, moved by the tests.
    let now = OPEN_TIME;
    beforeEach(() => {
      now = OPEN_TIME;
      h = buildService(kind, { waitTimeoutMs: 15 * MIN, clock: () => now });
    });
    afterEach(() => h.close());

    const request = (conversationId: string, queueId = GENERAL, now = OPEN_TIME, extra = {}) =>
      h.service.request({ conversationId, queueId, lang: 'fi', summary: SUMMARY, now, ...extra });

    it('answers unavailable/nobody-online and queues nothing when nobody is online', async () => {
      const id = conv();
      const result = await request(id);
      expect(result).toEqual({ status: 'unavailable', reason: 'nobody-online', alternatives: ['demo-health-centre', 'demo-chronic-self-care'], acceptsContactRequests: false });
      expect(await h.service.statusOf(id)).toEqual({ status: 'none' });
      expect(await h.service.listWaiting('all')).toEqual([]);
      expect(eventsOf(h.delivered, id, 'handoff')).toEqual([{ status: 'unavailable', queue: GENERAL, reason: 'nobody-online' }]);
      expect(eventsOf(h.delivered, id, 'handoff.status')).toEqual([{ state: 'failed', message: 'nobody-online' }]);
    });

    it('counts only online, unexpired presence for the right queue', async () => {
      await h.service.setPresence('c1', 'away', [GENERAL]);
      await h.service.setPresence('c2', 'online', [FAMILY]);
      expect((await request(conv())).status).toBe('unavailable');
      await h.service.setPresence('c1', 'online', [GENERAL]);
      expect((await request(conv())).status).toBe('queued');
    });

    it('never queues in a closed queue (opening hours, Europe/Helsinki)', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      const result = await request(id, GENERAL, CLOSED_TIME);
      expect(result).toMatchObject({ status: 'unavailable', reason: 'closed' });
      // 19:30 Helsinki on a Monday: after the 08–18 queue's hours.
      expect(await request(conv(), GENERAL, new Date('2026-11-23T17:30:00Z'))).toMatchObject({ status: 'unavailable', reason: 'closed' });
      expect(await h.service.statusOf(id)).toEqual({ status: 'none' });
    });

    it('answers unknown-queue for a queue that does not exist', async () => {
      expect(await request(conv(), 'no-such-queue')).toEqual({ status: 'unavailable', reason: 'unknown-queue', alternatives: [], acceptsContactRequests: false });
    });

    it('queues with position, no made-up estimate, a queued event and a notice', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const a = conv();
      const b = conv();
      expect(await request(a)).toEqual({ status: 'queued', queueId: GENERAL, position: 1, estimateMinutes: null });
      expect(await request(b, GENERAL, new Date(OPEN_TIME.getTime() + 1000))).toEqual({ status: 'queued', queueId: GENERAL, position: 2, estimateMinutes: null });
      expect(await h.service.statusOf(b)).toEqual({ status: 'queued', queueId: GENERAL, position: 2 });
      expect(eventsOf(h.delivered, a, 'handoff')).toEqual([{ status: 'queued', queue: GENERAL, position: 1, estimateMinutes: null }]);
      expect(String(messagesOf(h.delivered, a)[0].text)).toMatch(/Paikkasi jonossa: 1\. Emme vielä pysty arvioimaan odotusaikaa/);
      // Asking again changes nothing.
      expect(await request(a)).toMatchObject({ status: 'queued', position: 1 });
      const waiting = await h.service.listWaiting([GENERAL]);
      expect(waiting.map((w) => [w.conversationId, w.position, w.lang])).toEqual([[a, 1, 'fi'], [b, 2, 'fi']]);
      expect(waiting[0].summary).toEqual(SUMMARY);
      expect(waiting[0].transcript).toBeUndefined();
    });

    it('keeps the transcript only when given (the resident agreed)', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id, GENERAL, OPEN_TIME, { transcript: ['hei', 'haluan puhua ihmisen kanssa'] });
      expect((await h.service.listWaiting('all'))[0].transcript).toEqual(['hei', 'haluan puhua ihmisen kanssa']);
    });

    it('estimates from recent handling times once there are enough of them', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      for (let i = 0; i < 3; i++) await h.store.addHandlingTime(GENERAL, 10 * MIN, 20);
      const first = conv();
      const second = conv();
      expect(await request(first)).toMatchObject({ position: 1, estimateMinutes: 10 });
      expect(await request(second, GENERAL, new Date(OPEN_TIME.getTime() + 1))).toMatchObject({ position: 2, estimateMinutes: 20 });
      await h.service.setPresence('c2', 'online', [GENERAL]);
      expect(await h.service.statusOf(second)).toMatchObject({ position: 2 });
    });

    it('accepts only waiting conversations, once', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      expect(await h.service.accept(conv(), 'c1')).toEqual({ ok: false, reason: 'not-waiting' });
      const id = conv();
      await request(id);
      expect(await h.service.accept(id, 'c1')).toEqual({ ok: true });
      expect(await h.service.accept(id, 'c2')).toEqual({ ok: false, reason: 'taken' });
      expect(await h.service.accept(id, 'c1')).toEqual({ ok: false, reason: 'taken' });
      expect((await h.service.acceptedBy('c1')).map((r) => r.conversationId)).toEqual([id]);
      expect(await h.service.acceptedBy('c2')).toEqual([]);
      expect(await h.service.statusOf(id)).toEqual({ status: 'accepted', queueId: GENERAL, counsellor: 'Name of c1' });
      expect(await h.service.listWaiting('all')).toEqual([]);
      expect(eventsOf(h.delivered, id, 'handoff').map((v) => v.status)).toEqual(['queued', 'accepted']);
      expect(eventsOf(h.delivered, id, 'handoff.status')).toEqual([{ state: 'accepted' }]);
      expect(await request(id)).toEqual({ status: 'queued', queueId: GENERAL, position: 0, estimateMinutes: 0 });
    });

    it('two concurrent accepts: exactly one wins', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      for (let round = 0; round < 10; round++) {
        const id = conv();
        await request(id);
        const results = await Promise.all(['c1', 'c2', 'c3'].map((c) => h.service.accept(id, c)));
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      }
    });

    it('carries messages both ways once accepted; plain text to the resident; notes stay private', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      const events: ConsoleEvent[] = [];
      const off = h.bus.subscribe((e) => events.push(e));
      if ('whenSubscribed' in h.bus) await (h.bus as { whenSubscribed(): Promise<unknown> }).whenSubscribed();

      expect(await h.service.relayResidentMessage(id, 'ennen hyväksyntää')).toBe('waiting');
      expect(await h.service.send(id, 'c1', 'not yet')).toBe(false);
      await h.service.accept(id, 'c1');
      expect(await h.service.relayResidentMessage(id, 'Hei, tarvitsen apua')).toBe('delivered');
      expect(await h.service.send(id, 'c2', 'someone else')).toBe(false);
      expect(await h.service.send(id, 'c1', '<b>Hei</b>, olen ohjaaja')).toBe(true);
      expect(await h.service.note(id, 'c1', 'yksityinen muistiinpano')).toBe(true);
      expect(await h.service.typing(id, 'c1')).toBe(true);
      expect(await h.service.relayResidentMessage(conv(), 'no handoff')).toBe('none');

      const toResident = h.delivered.filter((d) => d.conversationId === id).map((d) => d.activity);
      const counsellorLine = toResident.find((a) => a.type === 'message' && (a.from as { id: string } | undefined)?.id === 'counsellor');
      // Markdown-escaped so Web Chat shows exactly what was typed (the channel then escapes "<").
      expect(counsellorLine).toMatchObject({ text: '<b\\>Hei</b\\>, olen ohjaaja', textFormat: 'markdown', from: { name: 'Name of c1' } });
      expect(toResident.some((a) => a.type === 'typing')).toBe(true);
      expect(JSON.stringify(toResident)).not.toContain('yksityinen');

      const record = await h.service.get(id);
      expect(record?.lines.map((l) => [l.from, l.text])).toEqual([['resident', 'Hei, tarvitsen apua'], ['counsellor', '<b>Hei</b>, olen ohjaaja']]);
      expect(record?.notes.map((n) => n.text)).toEqual(['yksityinen muistiinpano']);

      const until = Date.now() + 5000;
      while (!events.some((e) => e.type === 'note') && Date.now() < until) await new Promise((r) => setImmediate(r));
      expect(events.find((e) => e.type === 'message' && e.from === 'resident')).toMatchObject({ conversationId: id, counsellorId: 'c1', text: 'Hei, tarvitsen apua' });
      off();
    });

    it('transfers to another queue (back to waiting there) and refuses a closed or empty one', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.accept(id, 'c1');
      expect(await h.service.transfer(id, FAMILY, 'c1')).toEqual({ status: 'unavailable', reason: 'nobody-online' });
      await h.service.setPresence('c2', 'online', [FAMILY]);
      expect(await h.service.transfer(id, FAMILY, 'c1')).toEqual({ status: 'queued', queueId: FAMILY, position: 1 });
      expect(await h.service.statusOf(id)).toEqual({ status: 'queued', queueId: FAMILY, position: 1 });
      expect(await h.service.send(id, 'c1', 'gone')).toBe(false);
      expect(await h.service.accept(id, 'c2')).toEqual({ ok: true });
      // Family counselling closes at 15:00 Helsinki.
      now = new Date('2026-11-23T14:00:00Z');
      expect(await h.service.transfer(id, GENERAL, 'c2')).toEqual({ status: 'queued', queueId: GENERAL, position: 1 });
      expect(await h.service.transfer(id, FAMILY, 'c1')).toEqual({ status: 'unavailable', reason: 'closed' });
    });

    it('ends back to the bot with the closed event and a one-tap feedback question, and learns the handling time', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.accept(id, 'c1');
      expect(await h.service.end(id, 'c2', 'back-to-bot')).toBe(false);
      expect(await h.service.end(id, 'c1', 'back-to-bot')).toBe(true);
      // The bot talks again; the brief `ended` note lets it take the next tap as the feedback answer.
      expect(await h.service.statusOf(id)).toEqual({ status: 'none', ended: { mode: 'back-to-bot', feedbackDue: true } });
      expect(await h.service.acceptedBy('c1')).toEqual([]);
      expect(eventsOf(h.delivered, id, 'handoff').map((v) => v.status)).toEqual(['queued', 'accepted', 'closed']);
      expect(eventsOf(h.delivered, id, 'handoff.status').map((v) => v.state)).toEqual(['accepted', 'completed']);
      const last = messagesOf(h.delivered, id).pop()!;
      expect(last.text).toBe('Saitko apua?');
      expect((last.suggestedActions as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual(['Kyllä', 'En']);
      expect(await h.store.handlingTimes(GENERAL)).toHaveLength(1);
      expect(await h.service.end(id, 'c1', 'close')).toBe(false);
    });

    it('ends with close: no feedback question', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.accept(id, 'c1');
      await h.service.end(id, 'c1', 'close');
      expect(messagesOf(h.delivered, id).some((m) => m.suggestedActions)).toBe(false);
      expect(eventsOf(h.delivered, id, 'handoff').pop()).toEqual({ status: 'closed', queue: GENERAL, mode: 'close' });
    });

    it('an abandoned wait times out back to the bot; resident activity keeps it alive; accepted ones stay', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const idle = conv();
      const active = conv();
      const taken = conv();
      await request(idle);
      await request(active);
      await request(taken);
      await h.service.accept(taken, 'c1');
      expect(await h.service.expireAbandoned(new Date(OPEN_TIME.getTime() + 14 * MIN))).toBe(0);
      // The resident writes at +10 min: their 15 minutes start again from there.
      now = new Date(OPEN_TIME.getTime() + 10 * MIN);
      await h.service.residentMessage(active, 'olen vielä täällä');
      const expired = await h.service.expireAbandoned(new Date(OPEN_TIME.getTime() + 16 * MIN));
      expect(expired).toBe(1);
      expect(await h.service.statusOf(idle)).toEqual({ status: 'none' });
      expect(await h.service.statusOf(active)).toMatchObject({ status: 'queued' });
      expect(await h.service.statusOf(taken)).toMatchObject({ status: 'accepted' });
      expect(eventsOf(h.delivered, idle, 'handoff').pop()).toEqual({ status: 'closed', queue: GENERAL, reason: 'timeout' });
      expect(eventsOf(h.delivered, idle, 'handoff.status').pop()).toEqual({ state: 'failed', message: 'timeout' });
      // A second sweep finds nothing to do.
      expect(await h.service.expireAbandoned(new Date(OPEN_TIME.getTime() + 16 * MIN))).toBe(0);
    });

    it('a chat whose console went quiet goes back to the queue at its old place; the resident is told and the bot answers again', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const first = conv();
      const later = conv();
      await request(first);
      await request(later, GENERAL, new Date(OPEN_TIME.getTime() + 1000));
      await h.service.accept(first, 'c1');
      const events: ConsoleEvent[] = [];
      const off = h.bus.subscribe((e) => events.push(e));
      if ('whenSubscribed' in h.bus) await (h.bus as { whenSubscribed(): Promise<unknown> }).whenSubscribed();
      // The console's heartbeat keeps it: seen at +50 s, checked at +100 s (60 s allowed).
      now = new Date(OPEN_TIME.getTime() + 50 * 1000);
      await h.service.heartbeat('c1');
      expect(await h.service.returnOrphaned(new Date(OPEN_TIME.getTime() + 100 * 1000))).toBe(0);
      // No heartbeat after that: at +2 min the console counts as gone.
      expect(await h.service.returnOrphaned(new Date(OPEN_TIME.getTime() + 2 * MIN))).toBe(1);
      expect(await h.service.statusOf(first)).toEqual({ status: 'queued', queueId: GENERAL, position: 1, returnedBecause: 'console-gone' });
      expect((await h.service.listWaiting([GENERAL])).map((w) => w.conversationId)).toEqual([first, later]);
      // Waiting again: the resident's words are the bot's to answer, not relayed to nobody.
      expect(await h.service.relayResidentMessage(first, 'alkuun')).toBe('waiting');
      expect(await h.service.send(first, 'c1', 'too late')).toBe(false);
      const notice = String(messagesOf(h.delivered, first).pop()!.text);
      expect(notice).toContain('Työntekijän yhteys katkesi');
      expect(notice).toContain('paikalla 1');
      expect(eventsOf(h.delivered, first, 'handoff').pop()).toMatchObject({ status: 'queued', position: 1, returned: 'console-gone' });
      const until = Date.now() + 5000;
      while (!events.some((e) => e.type === 'ended') && Date.now() < until) await new Promise((r) => setImmediate(r));
      expect(events.find((e) => e.type === 'ended')).toEqual({ type: 'ended', conversationId: first, counsellorId: 'c1', reason: 'console-gone' });
      off();
      // A second sweep (another process) finds nothing to do; another counsellor can take it.
      expect(await h.service.returnOrphaned(new Date(OPEN_TIME.getTime() + 3 * MIN))).toBe(0);
      expect(await h.service.accept(first, 'c2')).toEqual({ ok: true });
    });

    it('tells the resident in their language when the console went away (fi/sv/en)', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const texts: Record<string, RegExp> = { fi: /yhteys katkesi.*jonossa paikalla 1/, sv: /anslutning bröts.*plats 1 i kön/, en: /connection was lost.*number 1 in the queue/ };
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const id = conv();
        await h.service.request({ conversationId: id, queueId: GENERAL, lang, summary: SUMMARY, now: OPEN_TIME });
        await h.service.accept(id, 'c1');
        now = new Date(now.getTime() + 5 * MIN);
        expect(await h.service.returnOrphaned(now)).toBe(1);
        expect(String(messagesOf(h.delivered, id).pop()!.text)).toMatch(texts[lang]);
        await h.service.cancel(id);
      }
    });

    it('cancel ends a wait or a chat, and says which; onlyWaiting loses to an accept that came first, and says so', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.accept(id, 'c1');
      // Withdrawing only a wait: a counsellor already has the chat, so nothing is cancelled.
      expect(await h.service.cancel(id, { onlyWaiting: true })).toEqual({ status: 'lost-to-accept', counsellor: 'Name of c1' });
      expect(await h.service.statusOf(id)).toMatchObject({ status: 'accepted' });
      expect(String(messagesOf(h.delivered, id).pop()!.text)).toMatch(/^Name of c1 ehti juuri vastata, joten odotusta ei peruttu/);
      expect(eventsOf(h.delivered, id, 'handoff').map((v) => v.status)).toEqual(['queued', 'accepted']);
      // A plain cancel (e.g. "alkuun" after the bot asked) ends the chat; the counsellor is told.
      expect(await h.service.cancel(id)).toEqual({ status: 'ended', counsellor: 'Name of c1' });
      expect(await h.service.statusOf(id)).toEqual({ status: 'none' });
      expect(eventsOf(h.delivered, id, 'handoff').pop()).toEqual({ status: 'closed', queue: GENERAL, reason: 'resident' });
      expect(await h.service.cancel(id)).toEqual({ status: 'none' });
    });

    it('takes the feedback answer after back-to-bot once, then the ended handoff is gone', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.accept(id, 'c1');
      expect(await h.service.recordFeedback(id, true)).toBe(false);
      await h.service.end(id, 'c1', 'back-to-bot');
      expect(await h.service.recordFeedback(id, false)).toBe(true);
      expect(await h.service.recordFeedback(id, false)).toBe(false);
      expect(await h.service.statusOf(id)).toEqual({ status: 'none' });
      expect(await h.store.get(id)).toBeNull();
    });

    it('the ended record keeps no chat, notes, answers or transcript', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id, GENERAL, OPEN_TIME, { transcript: ['hei'] });
      await h.service.accept(id, 'c1');
      await h.service.relayResidentMessage(id, 'henkilökohtainen asia');
      await h.service.note(id, 'c1', 'muistiinpano');
      await h.service.end(id, 'c1', 'back-to-bot');
      const ended = await h.store.get(id);
      expect(ended).toMatchObject({ status: 'ended', lines: [], notes: [], summary: { topic: SUMMARY.topic, answers: [] } });
      expect(JSON.stringify(ended)).not.toMatch(/henkilökohtainen|muistiinpano|omasta|"hei"/);
      expect(await h.service.get(id)).toBeNull();
    });

    it('"End and delete" removes the handoff in every store and tells the counsellor\'s console', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.accept(id, 'c1');
      const events: ConsoleEvent[] = [];
      const off = h.bus.subscribe((e) => events.push(e));
      if ('whenSubscribed' in h.bus) await (h.bus as { whenSubscribed(): Promise<unknown> }).whenSubscribed();
      await h.service.residentDeleted(id);
      expect(await h.store.get(id)).toBeNull();
      expect(await h.service.acceptedBy('c1')).toEqual([]);
      const until = Date.now() + 5000;
      while (!events.some((e) => e.type === 'ended') && Date.now() < until) await new Promise((r) => setImmediate(r));
      expect(events.find((e) => e.type === 'ended')).toEqual({ type: 'ended', conversationId: id, counsellorId: 'c1', reason: 'resident-deleted' });
      off();
    });

    it('cancel removes a waiting or accepted handoff', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      await h.service.cancel(id);
      expect(await h.service.statusOf(id)).toEqual({ status: 'none' });
      expect(await h.service.listWaiting('all')).toEqual([]);
      await h.service.cancel(id); // twice is fine
    });

    it('keeps contact requests only for queues that accept them', async () => {
      const base = { conversationId: conv(), lang: 'fi' as const, contact: '+358 0 000 0000', summary: SUMMARY };
      expect(await h.service.leaveContactRequest({ ...base, queueId: GENERAL })).toBe(false);
      expect(await h.service.leaveContactRequest({ ...base, queueId: FAMILY })).toBe(true);
      expect((await h.service.contactRequests(FAMILY)).map((c) => c.contact)).toEqual(['+358 0 000 0000']);
      expect(await h.service.contactRequests(GENERAL)).toEqual([]);
    });

    it('stores the record as versioned plain JSON', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      const id = conv();
      await request(id);
      const record = await h.service.get(id);
      expect(record).toMatchObject({ schema: 1, version: 1, status: 'waiting', queueId: GENERAL, lang: 'fi' });
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    });
  });
}
