/**
 * Opening status is cached per clock minute (src/content/catalogue/minuteCache.ts): within a minute
 * the answer is the one a fresh computation gives, and the first call in a new minute sees the
 * change — a service opening at 08:00 is closed at 07:59:59.999 and open at 08:00:00.000.
 */
import { describeOpening, openingStatus, type Hours } from '../../src/content/catalogue';
import { computeOpeningStatus } from '../../src/content/catalogue/openingHours';

const office: Hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '16:00' }] };
const at = (iso: string): Date => new Date(iso);

it('changes exactly at the minute the service opens, and agrees with the uncached computation', () => {
  // 2026-01-14 is a Wednesday; Helsinki is UTC+2 in winter, so 08:00 local is 06:00Z.
  const instants = ['2026-01-14T05:59:00.000Z', '2026-01-14T05:59:59.999Z', '2026-01-14T06:00:00.000Z', '2026-01-14T06:00:30.000Z', '2026-01-14T13:59:59.000Z', '2026-01-14T14:00:00.000Z'];
  const states = instants.map((iso) => openingStatus(office, at(iso)).state);
  expect(states).toEqual(['closed', 'closed', 'open', 'open', 'open', 'closed']);
  for (const iso of instants) expect(openingStatus(office, at(iso))).toEqual(computeOpeningStatus(office, at(iso)));
  expect(describeOpening(office, 'fi', at('2026-01-14T05:59:59.999Z'))).toMatch(/^Suljettu nyt/);
  expect(describeOpening(office, 'fi', at('2026-01-14T06:00:00.000Z'))).toMatch(/^Avoinna nyt/);
});

it('computes once per minute: a second call in the same minute returns the same frozen result', () => {
  const first = openingStatus(office, at('2026-01-14T10:00:01Z'));
  expect(openingStatus(office, at('2026-01-14T10:00:59Z'))).toBe(first);
  expect(Object.isFrozen(first)).toBe(true);
  expect(openingStatus(office, at('2026-01-14T10:01:00Z'))).not.toBe(first);
});
