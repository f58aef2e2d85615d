/**
 * One behaviour suite for every StateStorage implementation (memory and Redis run the same
 * tests), in the spirit of Hono's `runTest({ newRouter })`.
 */
import { DEFAULT_MAX_STATE_BYTES, EtagConflictError, StateStorage, StateTooLargeError } from '../../src/state/storeItems';

export function storageBehaviour(name: string, make: () => Promise<StateStorage>): void {
  describe(`StateStorage behaviour: ${name}`, () => {
    let storage: StateStorage;
    beforeEach(async () => {
      storage = await make();
    });

    it('refuses an item over the size cap and keeps the last good one', async () => {
      await storage.write({ big: { v: 'small' } });
      await expect(storage.write({ big: { v: 'x'.repeat(DEFAULT_MAX_STATE_BYTES) } })).rejects.toBeInstanceOf(StateTooLargeError);
      expect((await storage.read(['big'])).big.v).toBe('small');
    });

    it('returns nothing for keys never written', async () => {
      expect(await storage.read(['missing'])).toEqual({});
    });

    it('round-trips plain JSON and hands out an eTag', async () => {
      await storage.write({ a: { count: 1, nested: { list: [1, 'två', null] } } });
      const items = await storage.read(['a']);
      expect(items.a).toMatchObject({ count: 1, nested: { list: [1, 'två', null] } });
      expect(typeof items.a.eTag).toBe('string');
    });

    it('reads and writes several keys in one call', async () => {
      await storage.write({ k1: { v: 1 }, k2: { v: 2 } });
      const items = await storage.read(['k1', 'k2', 'k3']);
      expect(Object.keys(items).sort()).toEqual(['k1', 'k2']);
    });

    it('accepts a write with the current eTag and changes the eTag', async () => {
      await storage.write({ a: { v: 1 } });
      const first = (await storage.read(['a'])).a;
      await storage.write({ a: { ...first, v: 2 } });
      const second = (await storage.read(['a'])).a;
      expect(second.v).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('rejects a write with a stale eTag and keeps the stored item', async () => {
      await storage.write({ a: { v: 1 } });
      const stale = (await storage.read(['a'])).a;
      await storage.write({ a: { ...stale, v: 2 } });
      await expect(storage.write({ a: { ...stale, v: 3 } })).rejects.toBeInstanceOf(EtagConflictError);
      expect((await storage.read(['a'])).a.v).toBe(2);
    });

    it('rejects a whole batch when one key is stale', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const stale = (await storage.read(['a'])).a;
      await storage.write({ a: { v: 2 } });
      await expect(storage.write({ b: { v: 9 }, a: { ...stale, v: 9 } })).rejects.toBeInstanceOf(EtagConflictError);
      expect((await storage.read(['b'])).b.v).toBe(1);
    });

    it('overwrites with eTag "*" or without an eTag', async () => {
      await storage.write({ a: { v: 1 } });
      await storage.write({ a: { v: 2, eTag: '*' } });
      expect((await storage.read(['a'])).a.v).toBe(2);
      await storage.write({ a: { v: 3 } });
      expect((await storage.read(['a'])).a.v).toBe(3);
    });

    it('deletes keys', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      await storage.delete(['a']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('returns copies: changing a read item does not change the stored one', async () => {
      await storage.write({ a: { list: [1] } });
      const item = (await storage.read(['a'])).a;
      item.list.push(2);
      expect((await storage.read(['a'])).a.list).toEqual([1]);
    });
  });
}
