/**
 * The handoff state table, cell by cell: first the pure function (every state × every event,
 * and the facts that change an answer), then the same cells through the real service on both
 * stores (memory and a real redis-server): set the state up, send the event, look at the
 * stored state and at what the caller was told.
 */
import { randomUUID } from 'node:crypto';
import { MemoryHandoffStore } from '../../src/handoff/store/memoryStore';
import { RedisHandoffStore } from '../../src/handoff/store/redisStore';
import { ALLOWED_EDGES, EVENTS, HandoffEventType, HandoffState, STATES, transition } from '../../src/handoff/stateTable';
import { Built, buildService, FAMILY, GENERAL, Kind, OPEN_TIME, SUMMARY } from './helpers';

type Cell = [next: HandoffState, outcome: string];
/** The canonical facts of each event in the service suite below: queue open and staffed, the owner acting, time run out. */
const CANONICAL = { available: true, mine: true, idle: true, consoleGone: true };

// prettier-ignore
const TABLE: Record<HandoffState, Record<HandoffEventType, Cell>> = {
  none: {
    request: ['waiting', 'queued'], accept: ['none', 'not-waiting'], cancel: ['none', 'nothing-to-cancel'], 'cancel-wait': ['none', 'nothing-to-cancel'],
    transfer: ['none', 'not-found'], end: ['none', 'not-found'], 'console-gone': ['none', 'unchanged'], 'resident-deleted': ['none', 'deleted'],
    sweep: ['none', 'unchanged'], timeout: ['none', 'unchanged'], feedback: ['none', 'no-feedback-due'],
  },
  waiting: {
    request: ['waiting', 'already-waiting'], accept: ['accepted', 'accepted'], cancel: ['none', 'cancelled'], 'cancel-wait': ['none', 'cancelled'],
    transfer: ['waiting', 'transferred'], end: ['waiting', 'not-yours'], 'console-gone': ['waiting', 'unchanged'], 'resident-deleted': ['none', 'deleted'],
    sweep: ['none', 'timed-out'], timeout: ['none', 'timed-out'], feedback: ['waiting', 'no-feedback-due'],
  },
  accepted: {
    request: ['accepted', 'already-accepted'], accept: ['accepted', 'taken'], cancel: ['none', 'ended-by-resident'], 'cancel-wait': ['accepted', 'lost-to-accept'],
    transfer: ['waiting', 'transferred'], end: ['ended', 'ended'], 'console-gone': ['waiting', 'returned-to-queue'], 'resident-deleted': ['none', 'deleted'],
    sweep: ['waiting', 'returned-to-queue'], timeout: ['accepted', 'unchanged'], feedback: ['accepted', 'no-feedback-due'],
  },
  ended: {
    request: ['waiting', 'queued'], accept: ['ended', 'not-waiting'], cancel: ['ended', 'nothing-to-cancel'], 'cancel-wait': ['ended', 'nothing-to-cancel'],
    transfer: ['ended', 'not-found'], end: ['ended', 'not-found'], 'console-gone': ['ended', 'unchanged'], 'resident-deleted': ['none', 'deleted'],
    sweep: ['ended', 'unchanged'], timeout: ['ended', 'unchanged'], feedback: ['none', 'recorded'],
  },
};
// Same-queue request/transfer: the table's sameQueue fact (request: the waiting case is in TABLE).
const SAME_QUEUE_TRANSFER: Record<HandoffState, Cell> = {
  none: ['none', 'not-found'], waiting: ['waiting', 'same-queue'], accepted: ['accepted', 'same-queue'], ended: ['ended', 'not-found'],
};

describe('handoff state table (pure)', () => {
  const cells = STATES.flatMap((s) => EVENTS.map((e) => [s, e] as const));
  it('has a row for every state and a cell for every event', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...STATES].sort());
    for (const s of STATES) expect(Object.keys(TABLE[s]).sort()).toEqual([...EVENTS].sort());
  });

  it.each(cells)('%s × %s', (state, event) => {
    const [next, outcome] = TABLE[state][event];
    expect(transition(state, event, { ...CANONICAL, sameQueue: event === 'request' })).toEqual({ next, outcome });
  });

  it.each(STATES)('%s × transfer to the same queue', (state) => {
    const [next, outcome] = SAME_QUEUE_TRANSFER[state];
    expect(transition(state, 'transfer', { available: true, sameQueue: true })).toEqual({ next, outcome });
  });

  it('facts that change an answer: queue unavailable, someone else ending, a live wait, a live console', () => {
    for (const s of ['none', 'ended'] as const) expect(transition(s, 'request', { available: false })).toEqual({ next: s, outcome: 'unavailable' });
    expect(transition('waiting', 'request', { available: false })).toEqual({ next: 'waiting', outcome: 'unavailable' });
    expect(transition('waiting', 'request', { available: true })).toEqual({ next: 'waiting', outcome: 'queued' });
    expect(transition('accepted', 'transfer', { available: false })).toEqual({ next: 'accepted', outcome: 'unavailable' });
    expect(transition('accepted', 'end', { mine: false })).toEqual({ next: 'accepted', outcome: 'not-yours' });
    expect(transition('waiting', 'sweep', { idle: false, consoleGone: true })).toEqual({ next: 'waiting', outcome: 'unchanged' });
    expect(transition('accepted', 'sweep', { idle: true, consoleGone: false })).toEqual({ next: 'accepted', outcome: 'unchanged' });
  });

  it('allows exactly these state changes (the stores refuse any other)', () => {
    expect(ALLOWED_EDGES).toEqual([
      'accepted>accepted', 'accepted>ended', 'accepted>none', 'accepted>waiting',
      'ended>ended', 'ended>none', 'ended>waiting',
      'none>none', 'none>waiting',
      'waiting>accepted', 'waiting>none', 'waiting>waiting',
    ]);
  });
});

const MIN = 60 * 1000;

function runTableOnStore(kind: Kind): void {
  describe(`handoff state table through the service (${kind})`, () => {
    let h: Built;
    let now = OPEN_TIME;
    beforeEach(() => {
      now = OPEN_TIME;
      h = buildService(kind, { clock: () => now });
    });
    afterEach(() => h.close());

    async function arrange(state: HandoffState): Promise<string> {
      const id = `conv-${randomUUID()}`;
      await h.service.setPresence('c1', 'online', [GENERAL]);
      await h.service.setPresence('c2', 'online', [FAMILY]);
      if (state === 'none') return id;
      await h.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now });
      if (state === 'waiting') return id;
      expect(await h.service.accept(id, 'c1')).toEqual({ ok: true });
      if (state === 'accepted') return id;
      expect(await h.service.end(id, 'c1', 'back-to-bot')).toBe(true);
      return id;
    }

    /** Sends the event the canonical way and answers what the caller was told, as a table outcome. */
    async function fire(event: HandoffEventType, id: string, before: HandoffState): Promise<string> {
      const s = h.service;
      switch (event) {
        case 'request': {
          const r = await s.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now });
          if (r.status !== 'queued') return r.reason;
          return r.position === 0 ? 'already-accepted' : before === 'waiting' ? 'already-waiting' : 'queued';
        }
        case 'accept': {
          const r = await s.accept(id, 'c1');
          return r.ok ? 'accepted' : r.reason;
        }
        case 'cancel':
        case 'cancel-wait': {
          const r = await s.cancel(id, { onlyWaiting: event === 'cancel-wait' });
          return { cancelled: 'cancelled', ended: 'ended-by-resident', 'lost-to-accept': 'lost-to-accept', none: 'nothing-to-cancel' }[r.status];
        }
        case 'transfer': {
          const r = await s.transfer(id, FAMILY, 'c1');
          return r.status === 'queued' ? 'transferred' : r.status;
        }
        case 'end':
          return (await s.end(id, 'c1', 'back-to-bot')) ? 'ended' : before === 'waiting' ? 'not-yours' : 'not-found';
        case 'console-gone':
        case 'sweep':
        case 'timeout': {
          // Time runs out for waits (15 min) and for silent consoles (60 s) alike.
          now = new Date(OPEN_TIME.getTime() + 16 * MIN);
          const expired = event === 'console-gone' ? 0 : await s.expireAbandoned(now);
          const returned = event === 'timeout' ? 0 : await s.returnOrphaned(now);
          return expired ? 'timed-out' : returned ? 'returned-to-queue' : 'unchanged';
        }
        case 'resident-deleted':
          await s.residentDeleted(id);
          return 'deleted';
        case 'feedback':
          return (await s.recordFeedback(id, true)) ? 'recorded' : 'no-feedback-due';
      }
    }

    const stateNow = async (id: string): Promise<HandoffState> => (await h.store.get(id))?.status ?? 'none';

    const cells = STATES.flatMap((s) => EVENTS.map((e) => [s, e] as const));
    it.each(cells)('%s × %s', async (state, event) => {
      const id = await arrange(state);
      expect(await stateNow(id)).toBe(state);
      const [next, outcome] = TABLE[state][event];
      expect(await fire(event, id, state)).toBe(outcome);
      expect(await stateNow(id)).toBe(next);
    });

    it('refuses a write the table does not allow, atomically in the store', async () => {
      const id = await arrange('none');
      const record = { schema: 1 as const, version: 1, conversationId: id, queueId: GENERAL, lang: 'fi' as const, summary: SUMMARY, status: 'accepted' as const, requestedAt: 0, queuedAt: 0, lastResidentAt: 0, lines: [], notes: [] };
      await expect(h.store.commit(id, { version: 0, state: 'none' }, record, 60)).rejects.toThrow(/refuses none → accepted/);
      expect(await stateNow(id)).toBe('none');
    });

    it('a record in an unknown format does not make request() retry forever: it is replaced', async () => {
      await h.service.setPresence('c1', 'online', [GENERAL]);
      for (const raw of [JSON.stringify({ schema: 99, version: 'x', status: 'waiting' }), '{not json']) {
        const id = `conv-${randomUUID()}`;
        const store = h.store as MemoryHandoffStore | RedisHandoffStore;
        await store.putRaw(id, raw, 60);
        const result = await h.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now });
        expect(result).toMatchObject({ status: 'queued', position: expect.any(Number) });
        expect(await h.store.get(id)).toMatchObject({ schema: 1, version: 1, status: 'waiting' });
      }
    });
  });
}

runTableOnStore('memory');
runTableOnStore('redis');
