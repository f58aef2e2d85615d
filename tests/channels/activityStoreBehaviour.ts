/**
 * One behaviour suite for every ActivityStore (memory and Redis run the same tests), like
 * tests/state/storageBehaviour.ts.
 */
import { ActivityStore, ConversationNotFoundError, ConversationRecord } from '../../src/channels/directline/activityStore';

let counter = 0;
function record(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  counter += 1;
  return { conversationId: `conv${counter}x${Date.now()}`, userId: 'dl_user', createdAt: 1, serviceUrl: 'http://localhost/v3/directline', started: false, ...overrides };
}

export function activityStoreBehaviour(name: string, make: () => Promise<{ store: ActivityStore; cleanup?: () => Promise<void> }>): void {
  describe(`ActivityStore behaviour: ${name}`, () => {
    let store: ActivityStore;
    let cleanup: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    it('knows a created conversation and nothing else', async () => {
      const r = record();
      await store.create(r);
      expect(await store.get(r.conversationId)).toEqual(r);
      expect(await store.get('never-created')).toBeNull();
    });

    it('starts a conversation exactly once, giving its record as it was', async () => {
      const r = record();
      await store.create(r);
      expect(await store.start(r.conversationId)).toEqual({ record: r, started: true });
      expect(await store.start(r.conversationId)).toEqual({ record: { ...r, started: true }, started: false });
      expect((await store.get(r.conversationId))?.started).toBe(true);
    });

    it('numbers activities 1, 2, 3 and gives ids "<conversation>|0000001"', async () => {
      const r = record();
      await store.create(r);
      const a = await store.append(r.conversationId, { type: 'message', text: 'yksi' });
      const b = await store.append(r.conversationId, { type: 'message', text: 'kaksi', id: 'client-chosen' });
      expect(a).toEqual({ id: `${r.conversationId}|0000001`, watermark: '1' });
      expect(b.watermark).toBe('2');
      const page = await store.read(r.conversationId, null);
      expect(page.watermark).toBe('2');
      expect(page.activities.map((x) => [x.id, x.text])).toEqual([[a.id, 'yksi'], [b.id, 'kaksi']]);
    });

    it("does not store a repeat of the latest client post (same client id) and gives the first one's id back", async () => {
      const r = record();
      await store.create(r);
      const first = await store.append(r.conversationId, { type: 'message', text: 'yksi' }, { clientActivityId: 'c1' });
      const again = await store.append(r.conversationId, { type: 'message', text: 'yksi' }, { clientActivityId: 'c1' });
      expect(again).toEqual({ ...first, repeated: true });
      const next = await store.append(r.conversationId, { type: 'message', text: 'kaksi' }, { clientActivityId: 'c2' });
      const reply = await store.append(r.conversationId, { type: 'message', text: 'vastaus' });
      expect([next.watermark, reply.watermark]).toEqual(['2', '3']);
      expect((await store.read(r.conversationId, null)).activities.map((x) => x.text)).toEqual(['yksi', 'kaksi', 'vastaus']);
    });

    it('reads only what comes after a watermark, and keeps the watermark when nothing is new', async () => {
      const r = record();
      await store.create(r);
      for (const text of ['a', 'b', 'c']) await store.append(r.conversationId, { type: 'message', text });
      expect((await store.read(r.conversationId, '1')).activities.map((x) => x.text)).toEqual(['b', 'c']);
      expect(await store.read(r.conversationId, '3')).toEqual({ activities: [], watermark: '3' });
      expect((await store.read(r.conversationId, '-')).activities).toHaveLength(3);
    });

    it('pages with a limit', async () => {
      const r = record();
      await store.create(r);
      for (let i = 0; i < 5; i++) await store.append(r.conversationId, { type: 'message', text: String(i) });
      const first = await store.read(r.conversationId, null, 2);
      expect(first).toMatchObject({ watermark: '2' });
      const second = await store.read(r.conversationId, first.watermark, 2);
      expect(second.activities.map((x) => x.text)).toEqual(['2', '3']);
    });

    it('refuses to append to or read an unknown conversation', async () => {
      await expect(store.append('nobody', { type: 'message' })).rejects.toBeInstanceOf(ConversationNotFoundError);
      await expect(store.read('nobody', null)).rejects.toBeInstanceOf(ConversationNotFoundError);
      await expect(store.start('nobody')).rejects.toBeInstanceOf(ConversationNotFoundError);
    });

    it('deletes everything, and a late append cannot bring the conversation back', async () => {
      const r = record();
      await store.create(r);
      await store.append(r.conversationId, { type: 'message', text: 'x' });
      await store.delete(r.conversationId);
      expect(await store.get(r.conversationId)).toBeNull();
      await expect(store.append(r.conversationId, { type: 'message' })).rejects.toBeInstanceOf(ConversationNotFoundError);
      expect(await store.get(r.conversationId)).toBeNull();
    });

    it('tells a subscriber about new activities', async () => {
      const r = record();
      await store.create(r);
      await store.append(r.conversationId, { type: 'message', text: 'old' });
      const changed = new Promise<void>((resolve) => {
        const off = store.subscribe(r.conversationId, '1', () => {
          off();
          resolve();
        });
      });
      await store.append(r.conversationId, { type: 'message', text: 'new' });
      await changed;
      expect((await store.read(r.conversationId, '1')).activities.map((x) => x.text)).toEqual(['new']);
    });

    it('returns copies: changing a read activity does not change the stored one', async () => {
      const r = record();
      await store.create(r);
      await store.append(r.conversationId, { type: 'message', text: 'alkuperäinen' });
      const [a] = (await store.read(r.conversationId, null)).activities;
      a.text = 'muutettu';
      expect((await store.read(r.conversationId, null)).activities[0].text).toBe('alkuperäinen');
    });

    it("appends a turn's replies in one step, numbered in order, and hands them to this process's subscribers", async () => {
      const r = record();
      await store.create(r);
      await store.append(r.conversationId, { type: 'message', text: 'kysymys' });
      const got = new Promise<unknown>((resolve) => {
        const off = store.subscribe(r.conversationId, '1', (appended) => {
          off();
          resolve(appended);
        });
      });
      const result = await store.appendMany(r.conversationId, [{ type: 'message', text: 'yksi' }, { type: 'event', name: 'route' }, { type: 'message', text: 'kaksi' }]);
      expect(result).toEqual({ ids: [2, 3, 4].map((n) => `${r.conversationId}|000000${n}`), watermark: '4' });
      expect(await got).toMatchObject({ first: 2, activities: [{ text: 'yksi', id: result.ids[0] }, { name: 'route' }, { text: 'kaksi', id: result.ids[2] }] });
      expect((await store.read(r.conversationId, '1')).activities.map((x) => x.text ?? x.name)).toEqual(['yksi', 'route', 'kaksi']);
    });

    it('gives back the envelope the compact stored form leaves out (channel, serviceUrl, accounts, reply link, time)', async () => {
      const r = record();
      await store.create(r);
      const user = { type: 'message', text: 'hei', channelId: 'directline', serviceUrl: r.serviceUrl, conversation: { id: r.conversationId }, from: { id: r.userId, role: 'user' }, recipient: { id: 'opastin', name: 'Opastin', role: 'bot' }, timestamp: new Date('2026-12-02T01:02:03.004Z') };
      const { id } = await store.append(r.conversationId, user as never, { envelope: r });
      const reply = { type: 'message', text: 'Hei!', channelId: 'directline', serviceUrl: r.serviceUrl, conversation: { id: r.conversationId }, from: { id: 'opastin', name: 'Opastin', role: 'bot' }, recipient: { id: r.userId, role: 'user' }, replyToId: id, timestamp: new Date('2026-12-02T01:02:03.100Z') };
      await store.appendMany(r.conversationId, [reply as never], { envelope: r });
      const page = await store.read(r.conversationId, null);
      expect(page.activities).toEqual([
        { ...user, timestamp: '2026-12-02T01:02:03.004Z', id },
        { ...reply, timestamp: '2026-12-02T01:02:03.100Z', id: `${r.conversationId}|0000002` },
      ]);
    });
  });
}
