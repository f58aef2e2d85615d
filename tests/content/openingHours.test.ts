/**
 * Opening hours are pure functions of (hours, now): every case passes a fixed instant.
 * Helsinki is UTC+2 in winter and UTC+3 in summer; in 2026 the clocks go forward on
 * 29 March (03:00 → 04:00) and back on 25 October (04:00 → 03:00).
 */
import { describeOpening, openingStatus, type Hours } from '../../src/content/catalogue';

const officeHours: Hours = {
  weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '16:00' }],
  exceptions: [
    { date: '2026-12-24', closed: true },
    { date: '2026-12-25', closed: true },
    { date: '2026-12-31', from: '08:00', to: '12:00' },
  ],
};
const nightShift: Hours = { weekly: [{ days: ['fri', 'sat'], from: '22:00', to: '06:00' }] };
const utc = (iso: string): Date => new Date(iso);

describe('openingStatus', () => {
  test('winter weekday, open (UTC+2)', () => {
    expect(openingStatus(officeHours, utc('2026-01-14T08:00:00Z'))).toEqual({
      state: 'open',
      until: { weekday: 'wed', time: '16:00', date: '2026-01-14' },
    });
  });

  test('summer weekday: open one minute before closing, closed at closing (UTC+3)', () => {
    expect(openingStatus(officeHours, utc('2026-07-15T12:59:00Z')).state).toBe('open');
    expect(openingStatus(officeHours, utc('2026-07-15T13:00:00Z'))).toEqual({
      state: 'closed',
      opensAt: { weekday: 'thu', time: '08:00', date: '2026-07-16' },
    });
  });

  test('the same UTC instant is open in summer but not yet in winter', () => {
    // 05:30Z is 08:30 in summer (open) and 07:30 in winter (closed).
    expect(openingStatus(officeHours, utc('2026-07-15T05:30:00Z')).state).toBe('open');
    expect(openingStatus(officeHours, utc('2026-01-14T05:30:00Z')).state).toBe('closed');
  });

  test('Friday evening opens Monday', () => {
    expect(openingStatus(officeHours, utc('2026-11-06T15:00:00Z')).opensAt).toEqual({ weekday: 'mon', time: '08:00', date: '2026-11-09' });
  });

  test('over midnight: open after midnight on the range that started the evening before', () => {
    // Saturday 01:00 local, in the Friday 22:00–06:00 range.
    expect(openingStatus(nightShift, utc('2026-01-16T23:00:00Z'))).toEqual({
      state: 'open',
      until: { weekday: 'sat', time: '06:00', date: '2026-01-17' },
    });
    // Sunday 05:00 local, in the Saturday range; next opening is the following Friday.
    expect(openingStatus(nightShift, utc('2026-01-18T03:00:00Z')).until?.date).toBe('2026-01-18');
    expect(openingStatus(nightShift, utc('2026-01-18T04:00:00Z')).state).toBe('closed');
  });

  test('DST spring-forward night: the 22:00–06:00 shift ends at 06:00 summer time (7 real hours)', () => {
    expect(openingStatus(nightShift, utc('2026-03-28T20:00:00Z')).state).toBe('open'); // 22:00 EET
    expect(openingStatus(nightShift, utc('2026-03-29T02:59:00Z')).state).toBe('open'); // 05:59 EEST
    expect(openingStatus(nightShift, utc('2026-03-29T03:00:00Z')).state).toBe('closed'); // 06:00 EEST
    expect(openingStatus(nightShift, utc('2026-03-28T20:00:00Z')).until).toEqual({ weekday: 'sun', time: '06:00', date: '2026-03-29' });
  });

  test('DST fall-back night: the shift ends at 06:00 winter time (9 real hours)', () => {
    expect(openingStatus(nightShift, utc('2026-10-24T19:00:00Z')).state).toBe('open'); // 22:00 EEST
    expect(openingStatus(nightShift, utc('2026-10-25T03:59:00Z')).state).toBe('open'); // 05:59 EET
    expect(openingStatus(nightShift, utc('2026-10-25T04:00:00Z')).state).toBe('closed'); // 06:00 EET
  });

  test('the Monday after spring-forward opens at 08:00 local = 05:00Z', () => {
    expect(openingStatus(officeHours, utc('2026-03-30T04:59:00Z')).state).toBe('closed');
    expect(openingStatus(officeHours, utc('2026-03-30T05:00:00Z')).state).toBe('open');
  });

  test('a time that does not exist on the spring night (03:30) still yields an opening after the gap', () => {
    const hours: Hours = { weekly: [{ days: ['sun'], from: '03:30', to: '05:00' }] };
    const s = openingStatus(hours, utc('2026-03-28T22:00:00Z'));
    expect(s.state).toBe('closed');
    expect(s.opensAt?.date).toBe('2026-03-29');
    expect(s.opensAt!.time >= '04:00').toBe(true);
  });

  test('holiday exceptions: closed on Christmas Eve and Day, next opening skips the weekend', () => {
    expect(openingStatus(officeHours, utc('2026-12-24T08:00:00Z'))).toEqual({
      state: 'closed',
      opensAt: { weekday: 'mon', time: '08:00', date: '2026-12-28' },
    });
  });

  test('exceptional shorter day on New Year\'s Eve', () => {
    expect(openingStatus(officeHours, utc('2026-12-31T09:00:00Z'))).toEqual({
      state: 'open',
      until: { weekday: 'thu', time: '12:00', date: '2026-12-31' },
    });
    expect(openingStatus(officeHours, utc('2026-12-31T10:00:00Z')).state).toBe('closed');
  });

  test('back-to-back ranges merge into one "until"', () => {
    const hours: Hours = {
      weekly: [
        { days: ['mon'], from: '08:00', to: '24:00' },
        { days: ['tue'], from: '00:00', to: '08:00' },
      ],
    };
    expect(openingStatus(hours, utc('2026-01-12T10:00:00Z')).until).toEqual({ weekday: 'tue', time: '08:00', date: '2026-01-13' });
  });

  test('always, unknown, never, and every day round the clock', () => {
    expect(openingStatus({ always: true }, utc('2026-01-01T00:00:00Z'))).toEqual({ state: 'always' });
    expect(openingStatus({ unknown: true }, utc('2026-01-01T00:00:00Z'))).toEqual({ state: 'unknown' });
    expect(openingStatus({ weekly: [] }, utc('2026-01-01T00:00:00Z'))).toEqual({ state: 'closed' });
    // 1 January is a holiday: a round-the-clock weekly shape says holidays: open.
    const allDay: Hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00' }], holidays: 'open' };
    expect(openingStatus(allDay, utc('2026-01-01T12:00:00Z'))).toEqual({ state: 'open' });
  });

  test('another timezone can be passed', () => {
    // 08:00Z is 09:00 in Stockholm (winter), 10:00 in Helsinki.
    const hours: Hours = { weekly: [{ days: ['wed'], from: '09:30', to: '16:00' }] };
    expect(openingStatus(hours, utc('2026-01-14T08:00:00Z'), 'Europe/Stockholm').state).toBe('closed');
    expect(openingStatus(hours, utc('2026-01-14T08:00:00Z')).state).toBe('open');
  });
});

describe('describeOpening', () => {
  const fridayAfternoon = utc('2026-11-06T12:00:00Z'); // Fri 14:00
  const fridayEvening = utc('2026-11-06T15:00:00Z'); // Fri 17:00

  test('open now, until today', () => {
    expect(describeOpening(officeHours, 'fi', fridayAfternoon)).toBe('Avoinna nyt, klo 16.00 asti');
    expect(describeOpening(officeHours, 'sv', fridayAfternoon)).toBe('Öppet nu, till kl. 16.00');
    expect(describeOpening(officeHours, 'en', fridayAfternoon)).toBe('Open now, until 16:00');
  });

  test('closed now, opens Monday', () => {
    expect(describeOpening(officeHours, 'fi', fridayEvening)).toBe('Suljettu nyt, avataan maanantaina klo 8.00');
    expect(describeOpening(officeHours, 'sv', fridayEvening)).toBe('Stängt nu, öppnar måndag kl. 8.00');
    expect(describeOpening(officeHours, 'en', fridayEvening)).toBe('Closed now, opens Monday 8:00');
  });

  test('today and tomorrow', () => {
    const wedEarly = utc('2026-01-14T05:00:00Z'); // 07:00
    expect(describeOpening(officeHours, 'fi', wedEarly)).toBe('Suljettu nyt, avataan tänään klo 8.00');
    expect(describeOpening(officeHours, 'sv', wedEarly)).toBe('Stängt nu, öppnar i dag kl. 8.00');
    const wedLate = utc('2026-01-14T15:00:00Z'); // 17:00
    expect(describeOpening(officeHours, 'fi', wedLate)).toBe('Suljettu nyt, avataan huomenna klo 8.00');
    expect(describeOpening(officeHours, 'en', wedLate)).toBe('Closed now, opens tomorrow 8:00');
  });

  test('over midnight: until tomorrow', () => {
    const friNight = utc('2026-01-16T21:00:00Z'); // Fri 23:00
    expect(describeOpening(nightShift, 'fi', friNight)).toBe('Avoinna nyt, huomenna klo 6.00 asti');
    expect(describeOpening(nightShift, 'sv', friNight)).toBe('Öppet nu, till i morgon kl. 6.00');
    expect(describeOpening(nightShift, 'en', friNight)).toBe('Open now, until tomorrow 6:00');
  });

  test('until midnight', () => {
    const evening: Hours = { weekly: [{ days: ['wed'], from: '18:00', to: '24:00' }] };
    const at = utc('2026-01-14T18:00:00Z'); // 20:00
    expect(describeOpening(evening, 'fi', at)).toBe('Avoinna nyt, keskiyöhön asti');
    expect(describeOpening(evening, 'sv', at)).toBe('Öppet nu, till midnatt');
    expect(describeOpening(evening, 'en', at)).toBe('Open now, until midnight');
  });

  test('24/7 and unknown', () => {
    expect(describeOpening({ always: true }, 'fi', fridayEvening)).toBe('Avoinna aina (24/7)');
    expect(describeOpening({ always: true }, 'en', fridayEvening)).toBe('Open 24/7');
    expect(describeOpening({ unknown: true }, 'sv', fridayEvening)).toBe('Öppettiderna är inte kända.');
    const note = { fi: 'Tarkista mieli.fi.', sv: 'Kontrollera mieli.fi.', en: 'Check mieli.fi.' };
    expect(describeOpening({ unknown: true, note }, 'en', fridayEvening)).toBe('Check mieli.fi.');
  });

  test('more than a week away names the date', () => {
    const mondays: Hours = { weekly: [{ days: ['mon'], from: '08:00', to: '16:00' }], exceptions: [{ date: '2026-01-19', closed: true }] };
    const afterMonday = utc('2026-01-12T15:00:00Z'); // Mon 12 Jan 17:00; next Monday is closed
    expect(describeOpening(mondays, 'fi', afterMonday)).toBe('Suljettu nyt, avataan maanantaina 26.1. klo 8.00');
    expect(describeOpening(mondays, 'en', afterMonday)).toBe('Closed now, opens Monday 26/1 8:00');
  });
});
