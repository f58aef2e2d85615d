/** One behaviour suite for every StatisticsStore implementation (memory and Redis). */
import type { StatisticsStore } from '../../src/statistics/store/store';

export function statisticsStoreBehaviour(name: string, make: () => StatisticsStore): void {
  describe(`${name}: statistics store behaviour`, () => {
    it('adds counters to a day and reads them back; other days stay empty', async () => {
      const store = make();
      await store.add('2026-03-01', new Map([['started|demo|fi|directline', 2], ['route|demo|fi|elderly|x|elderly', 1]]));
      await store.add('2026-03-01', new Map([['started|demo|fi|directline', 3]]));
      const read = await store.read(['2026-03-01', '2026-03-02']);
      expect(Object.fromEntries(read.get('2026-03-01')!)).toEqual({ 'started|demo|fi|directline': 5, 'route|demo|fi|elderly|x|elderly': 1 });
      expect(read.get('2026-03-02')!.size).toBe(0);
    });

    it('concurrent adds are exact', async () => {
      const store = make();
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.add('2026-03-03', new Map([['a', 1], ['b', i % 2]]))));
      const day = (await store.read(['2026-03-03'])).get('2026-03-03')!;
      expect(day.get('a')).toBe(200);
      expect(day.get('b')).toBe(100);
    });

    it('an empty add changes nothing', async () => {
      const store = make();
      await store.add('2026-03-04', new Map());
      expect((await store.read(['2026-03-04'])).get('2026-03-04')!.size).toBe(0);
    });
  });
}
