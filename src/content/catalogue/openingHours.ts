/**
 * Is a channel open right now, until when, and when does it open next? Pure functions of
 * (hours, now, timezone): the caller passes `now`, so tests and replays never touch the clock.
 *
 * Hours are wall-clock times in the county's timezone. We expand them into concrete instants
 * with luxon day by day, so daylight-saving switches come out right: a 22:00–06:00 night shift
 * lasts 7 real hours on the spring-forward night and 9 on the autumn one, and a time that does
 * not exist (03:30 on the spring night in Helsinki) is moved forward by luxon.
 *
 * Finnish public holidays and closed eves (holidays.ts) close weekly hours unless the hours say
 * `holidays: open`; a dated exception replaces both.
 *
 * Exceptions replace the weekly ranges of the date they name; a range that started the evening
 * before (over midnight) still runs into that date, because it belongs to the previous day.
 */
import { DateTime } from 'luxon';
import { closedForHoliday } from './holidays';
import { MinuteCache } from './minuteCache';
import { WEEKDAYS, type ClockTime, type Hours, type IsoDate, type Weekday } from './types';

export const DEFAULT_TIMEZONE = 'Europe/Helsinki';

export interface OpeningPoint {
  weekday: Weekday;
  /** Local "HH:MM". An end at midnight is "00:00" on the following date. */
  time: ClockTime;
  date: IsoDate;
}

export interface OpeningStatus {
  state: 'open' | 'closed' | 'always' | 'unknown';
  /** When open: the end of the current opening (merged across back-to-back ranges). */
  until?: OpeningPoint;
  /** When closed: the next opening, if there is one in the next two weeks. */
  opensAt?: OpeningPoint;
}

interface Span {
  start: DateTime;
  end: DateTime;
}

/** How far ahead to look for the next opening; beyond that we say just "closed now". */
const HORIZON_DAYS = 14;

function at(day: DateTime, time: ClockTime): DateTime {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (h === 24) return day.plus({ days: 1 }).startOf('day');
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: h, minute: m }, { zone: day.zone });
}

function weekdayOf(d: DateTime): Weekday {
  return WEEKDAYS[d.weekday - 1]!;
}

/** Concrete opening spans for local days [first, first + count), merged and sorted. */
export function expandHours(hours: Extract<Hours, { weekly: unknown }>, first: DateTime, count: number): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const day = first.plus({ days: i }).startOf('day');
    const iso = day.toISODate()!;
    const exceptions = (hours.exceptions ?? []).filter((e) => e.date === iso);
    const ranges: { from: string; to: string }[] =
      exceptions.length > 0
        ? exceptions.flatMap((e) => ('closed' in e ? [] : [{ from: e.from, to: e.to }]))
        : closedForHoliday(hours, iso)
          ? []
          : hours.weekly.filter((r) => r.days.includes(weekdayOf(day)));
    for (const r of ranges) {
      const start = at(day, r.from);
      // "HH:MM" compares correctly as text; to ≤ from means the range ends the next day.
      const end = r.to <= r.from ? at(day.plus({ days: 1 }), r.to) : at(day, r.to);
      if (end > start) spans.push({ start, end });
    }
  }
  spans.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else merged.push({ ...s });
  }
  return merged;
}

function point(d: DateTime): OpeningPoint {
  return { weekday: weekdayOf(d), time: d.toFormat('HH:mm'), date: d.toISODate()! };
}

const statusCache = new MinuteCache<Hours, Readonly<OpeningStatus>>();

/** The status for `now`, computed once per minute per hours object (minuteCache.ts says why). */
export function openingStatus(hours: Hours, now: Date, timezone: string = DEFAULT_TIMEZONE): Readonly<OpeningStatus> {
  return statusCache.get(hours, now, timezone, (minuteStart) => Object.freeze(computeOpeningStatus(hours, minuteStart, timezone)));
}

export function computeOpeningStatus(hours: Hours, now: Date, timezone: string = DEFAULT_TIMEZONE): OpeningStatus {
  if ('always' in hours) return { state: 'always' };
  if ('unknown' in hours) return { state: 'unknown' };
  const local = DateTime.fromJSDate(now, { zone: timezone });
  // Start a day early so last night's over-midnight range is seen.
  const first = local.minus({ days: 1 }).startOf('day');
  const spans = expandHours(hours, first, HORIZON_DAYS + 2);
  const horizonEnd = first.plus({ days: HORIZON_DAYS + 2 });
  const current = spans.find((s) => s.start <= local && local < s.end);
  if (current) {
    // Open for the whole look-ahead window (e.g. every day 00:00–24:00): no meaningful "until".
    if (current.end >= horizonEnd) return { state: 'open' };
    return { state: 'open', until: point(current.end) };
  }
  const next = spans.find((s) => s.start > local);
  return next ? { state: 'closed', opensAt: point(next.start) } : { state: 'closed' };
}
