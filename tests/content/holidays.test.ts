/**
 * Finnish public holidays and closed eves in opening hours. A weekday service with no dated
 * exceptions is closed on Christmas Eve, Christmas Day, Epiphany and Midsummer Eve unless its
 * hours say otherwise, and open on an ordinary weekday. Instants are local Helsinki noon.
 */
import { openingStatus, type Hours } from '../../src/content/catalogue';
import { easterSunday, finnishHolidays, holidayOn } from '../../src/content/catalogue/holidays';

const weekdays: Hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '16:00' }] };
/** Noon in Helsinki on a date: UTC+2 in winter, UTC+3 in summer. */
const noon = (date: string): Date => new Date(`${date}T12:00:00+0${date.slice(5, 7) >= '04' && date.slice(5, 7) <= '10' ? 3 : 2}:00`);

describe('a weekday service on Finnish holidays', () => {
  test.each([
    ['2026-12-24', 'Christmas Eve (Thursday)'],
    ['2026-12-25', 'Christmas Day (Friday)'],
    ['2027-01-06', 'Epiphany (Wednesday)'],
    ['2027-06-25', 'Midsummer Eve (Friday)'],
  ])('is closed on %s, %s', (date) => {
    expect(openingStatus(weekdays, noon(date)).state).toBe('closed');
  });

  test('is open on an ordinary weekday', () => {
    expect(openingStatus(weekdays, noon('2026-12-22'))).toEqual({
      state: 'open',
      until: { weekday: 'tue', time: '16:00', date: '2026-12-22' },
    });
  });

  test('"opens at" skips the holidays: after Christmas Eve it is Monday 28 December', () => {
    expect(openingStatus(weekdays, noon('2026-12-24')).opensAt).toEqual({ weekday: 'mon', time: '08:00', date: '2026-12-28' });
  });

  test('holidays: open keeps the weekly hours on holidays', () => {
    expect(openingStatus({ ...weekdays, holidays: 'open' }, noon('2026-12-24')).state).toBe('open');
  });

  test('a dated exception overrides the holiday rule (open on Christmas Eve morning)', () => {
    const hours: Hours = { ...weekdays, exceptions: [{ date: '2026-12-24', from: '08:00', to: '13:00' }] };
    expect(openingStatus(hours, noon('2026-12-24')).state).toBe('open');
    expect(openingStatus(hours, noon('2026-12-25')).state).toBe('closed');
  });

  test('round-the-clock services are not affected', () => {
    expect(openingStatus({ always: true }, noon('2026-12-25')).state).toBe('always');
  });
});

describe('the holiday calendar', () => {
  test.each([
    [2024, '03-31'], [2025, '04-20'], [2026, '04-05'], [2027, '03-28'], [2038, '04-25'],
  ])('Easter Sunday %i is on %s', (year, mmdd) => {
    const e = easterSunday(year);
    expect(`${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`).toBe(mmdd);
  });

  test('2027 in full', () => {
    expect(finnishHolidays(2027).map((h) => `${h.date} ${h.name.en}`)).toEqual([
      "2027-01-01 New Year's Day",
      '2027-01-06 Epiphany',
      '2027-03-26 Good Friday',
      '2027-03-28 Easter Sunday',
      '2027-03-29 Easter Monday',
      '2027-05-01 May Day',
      '2027-05-06 Ascension Day',
      '2027-05-16 Whit Sunday',
      '2027-06-25 Midsummer Eve',
      '2027-06-26 Midsummer Day',
      "2027-11-06 All Saints' Day",
      '2027-12-06 Independence Day',
      '2027-12-24 Christmas Eve',
      '2027-12-25 Christmas Day',
      '2027-12-26 Boxing Day',
    ]);
  });

  test('Midsummer and All Saints\' Day fall on the Saturday of their windows', () => {
    expect(holidayOn('2026-06-20')?.name.en).toBe('Midsummer Day');
    expect(holidayOn('2026-06-19')?.kind).toBe('eve');
    expect(holidayOn('2026-10-31')?.name.en).toBe("All Saints' Day");
    expect(holidayOn('2026-12-23')).toBeUndefined();
  });
});
