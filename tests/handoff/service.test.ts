/**
 * The handoff service against memory and real Redis (one behaviour suite), plus what only Redis
 * can show: accept races between separate connections, events between "processes".
 */
import { randomUUID } from 'node:crypto';
import type { ConsoleEvent, RedisEventBus } from '../../src/handoff/bus';
import { uniquePrefix } from '../support/redisTest';
import { buildService, GENERAL, OPEN_TIME, SUMMARY } from './helpers';
import { runServiceBehaviour } from './serviceBehaviour';

runServiceBehaviour('memory');
runServiceBehaviour('redis');

describe('HandoffService on Redis across connections', () => {
  it('two counsellors on two connections accept at once: exactly one wins, every time', async () => {
    const prefix = uniquePrefix('handoff-race');
    const a = buildService('redis', { prefix });
    const b = buildService('redis', { prefix });
    try {
      await a.service.setPresence('c1', 'online', [GENERAL]);
      for (let round = 0; round < 25; round++) {
        const id = `conv-${randomUUID()}`;
        expect((await b.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now: OPEN_TIME })).status).toBe('queued');
        const [ra, rb] = await Promise.all([a.service.accept(id, 'c1'), b.service.accept(id, 'c2')]);
        expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
        const status = await b.service.statusOf(id);
        expect(status.counsellor).toBe(ra.ok ? 'Name of c1' : 'Name of c2');
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  /**
   * Accept on one connection, the resident's cancel on another, at the same moment. Whoever
   * commits first wins the waiting conversation. A plain cancel that finds it accepted ends the
   * chat (never lost); `onlyWaiting` leaves it with the counsellor (`lost-to-accept`). Either
   * way the counsellor's answer and what the resident's chat received tell the same story.
   */
  it.each([[false], [true]])('accept races cancel (onlyWaiting: %s) on two connections, 50 rounds: one winner, both sides told the same', async (onlyWaiting) => {
    const prefix = uniquePrefix('handoff-cancel-race');
    const a = buildService('redis', { prefix });
    const b = buildService('redis', { prefix });
    const wins = { accept: 0, cancel: 0 };
    try {
      await a.service.setPresence('c1', 'online', [GENERAL]);
      for (let round = 0; round < 50; round++) {
        const id = `conv-${randomUUID()}`;
        await b.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now: OPEN_TIME });
        const events: ConsoleEvent[] = [];
        const off = a.bus.subscribe((e) => events.push(e));
        // Alternate who starts first, so both orders are exercised.
        const [accepted, cancelled] = round % 2
          ? await Promise.all([a.service.accept(id, 'c1'), b.service.cancel(id, { onlyWaiting })])
          : await Promise.all([b.service.cancel(id, { onlyWaiting }), a.service.accept(id, 'c1')]).then(([c, x]) => [x, c] as const);
        const toResident = [...a.delivered, ...b.delivered].filter((d) => d.conversationId === id && d.activity.name === 'handoff').map((d) => (d.activity.value as { status: string }).status);
        if (accepted.ok) {
          wins.accept++;
          if (onlyWaiting) {
            expect(cancelled).toEqual({ status: 'lost-to-accept', counsellor: 'Name of c1' });
            expect((await a.service.statusOf(id)).status).toBe('accepted');
            expect(toResident).toEqual(['queued', 'accepted']);
          } else {
            // The cancel came second: it ended the fresh chat, and the counsellor hears so.
            expect(cancelled).toEqual({ status: 'ended', counsellor: 'Name of c1' });
            expect((await a.service.statusOf(id)).status).toBe('none');
            expect(toResident).toEqual(['queued', 'accepted', 'closed']);
            const until = Date.now() + 5000;
            while (!events.some((e) => e.type === 'ended') && Date.now() < until) await new Promise((r) => setImmediate(r));
            expect(events.find((e) => e.type === 'ended')).toMatchObject({ conversationId: id, counsellorId: 'c1', reason: 'resident' });
          }
        } else {
          wins.cancel++;
          expect(cancelled).toEqual({ status: 'cancelled' });
          expect(accepted).toEqual({ ok: false, reason: 'not-waiting' });
          expect((await a.service.statusOf(id)).status).toBe('none');
          expect(toResident).toEqual(['queued', 'closed']);
        }
        off();
      }
      expect(wins.accept + wins.cancel).toBe(50);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a resident message handled by one process reaches the console bus of another', async () => {
    const prefix = uniquePrefix('handoff-bus');
    const a = buildService('redis', { prefix });
    const b = buildService('redis', { prefix });
    try {
      await (a.bus as RedisEventBus).whenSubscribed();
      await b.service.setPresence('c1', 'online', [GENERAL]);
      const id = `conv-${randomUUID()}`;
      await b.service.request({ conversationId: id, queueId: GENERAL, lang: 'sv', summary: SUMMARY, now: OPEN_TIME });
      await a.service.accept(id, 'c1');
      const seen = new Promise<ConsoleEvent>((resolve) => {
        a.bus.subscribe((e) => {
          if (e.type === 'message') resolve(e);
        });
      });
      expect(await b.service.relayResidentMessage(id, 'Hej, jag behöver hjälp')).toBe('delivered');
      expect(await seen).toMatchObject({ type: 'message', conversationId: id, counsellorId: 'c1', from: 'resident', text: 'Hej, jag behöver hjälp' });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
