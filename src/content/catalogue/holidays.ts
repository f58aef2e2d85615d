/**
 * Finnish public holidays and the customary closed eves, computed for any year. Services are
 * closed on these days unless their hours say otherwise (`holidays: open`, or an exception for
 * the date), so "open now / opens at" and the handoff queues never promise a Christmas Day.
 *
 * Why computed and not listed: a list runs out (and someone forgets to extend it); the rules
 * are fixed in law (Easter-based holidays, Midsummer and All Saints' on the Saturday of a week).
 * Pure functions of the date; the per-year table is memoised because every opening check asks.
 */
import type { IsoDate, LocalizedText } from './types';

export type HolidayKind =
  /** An official public holiday (arkipyhä / helgdag). */
  | 'holiday'
  /** Not a holiday in law, but almost every service closes: Midsummer Eve, Christmas Eve. */
  | 'eve';

export interface Holiday {
  date: IsoDate;
  kind: HolidayKind;
  name: LocalizedText;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Calendar arithmetic in UTC: dates only, no time zone can shift them. */
function iso(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function plusDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The given weekday (0 = Sunday … 6 = Saturday) within [first, first + 6] of a month. */
function weekdayInWindow(year: number, month: number, firstDay: number, weekday: number): IsoDate {
  const first = new Date(Date.UTC(year, month - 1, firstDay));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return plusDays(first.toISOString().slice(0, 10), offset);
}

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });

function computeYear(year: number): Holiday[] {
  const e = easterSunday(year);
  const easter = iso(year, e.month, e.day);
  const midsummerDay = weekdayInWindow(year, 6, 20, 6); // Saturday 20–26 June
  const allSaints = weekdayInWindow(year, 10, 31, 6); // Saturday 31 Oct – 6 Nov
  const list: Holiday[] = [
    { date: iso(year, 1, 1), kind: 'holiday', name: t('uudenvuodenpäivä', 'nyårsdagen', "New Year's Day") },
    { date: iso(year, 1, 6), kind: 'holiday', name: t('loppiainen', 'trettondagen', 'Epiphany') },
    { date: plusDays(easter, -2), kind: 'holiday', name: t('pitkäperjantai', 'långfredagen', 'Good Friday') },
    { date: easter, kind: 'holiday', name: t('pääsiäispäivä', 'påskdagen', 'Easter Sunday') },
    { date: plusDays(easter, 1), kind: 'holiday', name: t('2. pääsiäispäivä', 'annandag påsk', 'Easter Monday') },
    { date: iso(year, 5, 1), kind: 'holiday', name: t('vappu', 'första maj', 'May Day') },
    { date: plusDays(easter, 39), kind: 'holiday', name: t('helatorstai', 'Kristi himmelfärdsdag', 'Ascension Day') },
    { date: plusDays(easter, 49), kind: 'holiday', name: t('helluntaipäivä', 'pingstdagen', 'Whit Sunday') },
    { date: plusDays(midsummerDay, -1), kind: 'eve', name: t('juhannusaatto', 'midsommarafton', 'Midsummer Eve') },
    { date: midsummerDay, kind: 'holiday', name: t('juhannuspäivä', 'midsommardagen', 'Midsummer Day') },
    { date: allSaints, kind: 'holiday', name: t('pyhäinpäivä', 'alla helgons dag', "All Saints' Day") },
    { date: iso(year, 12, 6), kind: 'holiday', name: t('itsenäisyyspäivä', 'självständighetsdagen', 'Independence Day') },
    { date: iso(year, 12, 24), kind: 'eve', name: t('jouluaatto', 'julafton', 'Christmas Eve') },
    { date: iso(year, 12, 25), kind: 'holiday', name: t('joulupäivä', 'juldagen', 'Christmas Day') },
    { date: iso(year, 12, 26), kind: 'holiday', name: t('tapaninpäivä', 'annandag jul', 'Boxing Day') },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

const byYear = new Map<number, Map<IsoDate, Holiday>>();

/** Every holiday and closed eve of the year, in date order. */
export function finnishHolidays(year: number): Holiday[] {
  return [...yearTable(year).values()];
}

function yearTable(year: number): Map<IsoDate, Holiday> {
  let table = byYear.get(year);
  if (!table) {
    table = new Map(computeYear(year).map((h) => [h.date, h] as const));
    byYear.set(year, table);
  }
  return table;
}

/** The holiday or closed eve on a local date ("YYYY-MM-DD"), if any. */
export function holidayOn(date: IsoDate): Holiday | undefined {
  return yearTable(Number(date.slice(0, 4))).get(date);
}

/**
 * Weekly hours are closed on holidays and closed eves unless they say `holidays: open` (an
 * on-call line that keeps its weekly hours all year). A dated exception always wins; the
 * caller checks exceptions first.
 */
export function closedForHoliday(hours: { holidays?: 'closed' | 'open' }, date: IsoDate): boolean {
  return hours.holidays !== 'open' && holidayOn(date) !== undefined;
}
