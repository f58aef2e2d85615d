/** The pooled random ids (src/state/randomPool.ts): each draw fresh, across the pool's refills. */
import { randomBase64Url } from '../../src/state/randomPool';

it('hands out distinct ids of the asked length, also across refills of the pool', () => {
  const seen = new Set<string>();
  // 1,000 draws of 12 bytes: about three refills of the 4 kB pool.
  for (let i = 0; i < 1000; i++) {
    const id = randomBase64Url(12);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    seen.add(id);
  }
  expect(seen.size).toBe(1000);
});

it('a draw that does not fit the rest of the pool comes whole from a fresh fill', () => {
  const ids = Array.from({ length: 300 }, () => randomBase64Url(100));
  expect(ids.every((id) => Buffer.from(id, 'base64url').length === 100)).toBe(true);
  // Zeroed bytes handed out again would show as runs of 'A' (base64 of zero bits).
  expect(ids.some((id) => /A{20}/.test(id))).toBe(false);
  expect(new Set(ids).size).toBe(300);
});

it('refuses sizes the pool cannot give', () => {
  expect(() => randomBase64Url(0)).toThrow(RangeError);
  expect(() => randomBase64Url(4097)).toThrow(RangeError);
});
