/**
 * PTV serviceHours → our Hours. PTV keeps several hour sets per channel (standing weekly hours,
 * seasonal hours with validFrom/validTo, exceptional days, over-midnight ranges); we keep:
 *   - isAlwaysOpen                     → { always: true }
 *   - DaysOfTheWeek without validTo    → weekly ranges (dayFrom..dayTo is a span of days)
 *   - OverMidnight                     → weekly ranges ending on dayTo (to ≤ from over midnight;
 *                                         longer spans are split into whole days)
 *   - Exceptional (validFrom..validTo) → one exception per date (closed, or from/to)
 * Seasonal DaysOfTheWeek sets (with validTo) cannot be expressed yet: they are reported, not
 * dropped silently, so the editor can add them as exceptions.
 */
import { DateTime } from 'luxon';
import type { Hours, HoursException, Weekday, WeeklyRange } from '../catalogue/types';
import type { PtvServiceHour } from './types';

const DAYS: Record<string, Weekday> = {
  monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat', sunday: 'sun',
};
const ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function day(name: string | null | undefined): Weekday | undefined {
  return name ? DAYS[name.toLowerCase()] : undefined;
}

/** "08:00:00" → "08:00"; "8:00" → "08:00"; anything else → undefined. */
export function ptvTime(t: string | null | undefined): string | undefined {
  const m = t ? /^(\d{1,2}):(\d{2})(:\d{2})?$/.exec(t) : null;
  if (!m) return undefined;
  const hh = m[1]!.padStart(2, '0');
  const v = `${hh}:${m[2]}`;
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(v) || v === '24:00' ? v : undefined;
}

function span(from: Weekday, to: Weekday): Weekday[] {
  const out: Weekday[] = [];
  for (let i = ORDER.indexOf(from); ; i = (i + 1) % 7) {
    out.push(ORDER[i]!);
    if (ORDER[i] === to || out.length === 7) return out;
  }
}

function isoDate(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  const d = DateTime.fromISO(v, { setZone: true });
  return d.isValid ? d.toISODate()! : undefined;
}

export function convertHours(sets: PtvServiceHour[], where: string, warn: (m: string) => void): Hours | undefined {
  if (sets.length === 0) return undefined;
  if (sets.some((s) => s.isAlwaysOpen)) return { always: true };
  const weekly: WeeklyRange[] = [];
  const exceptions: HoursException[] = [];
  for (const [i, s] of sets.entries()) {
    const w = `${where}.serviceHours[${i}]`;
    if (s.serviceHourType === 'Exceptional') {
      const from = isoDate(s.validFrom);
      const to = isoDate(s.validTo) ?? from;
      if (!from || !to) {
        warn(`${w}: exceptional hours without a valid validFrom date were not imported`);
        continue;
      }
      const dates: string[] = [];
      for (let d = DateTime.fromISO(from); d.toISODate()! <= to && dates.length < 366; d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
      const oh = s.openingHour?.[0];
      const f = ptvTime(oh?.from);
      const t = ptvTime(oh?.to);
      for (const date of dates) {
        if (s.isClosed || !oh) exceptions.push({ date, closed: true });
        else if (f && t && f !== t) exceptions.push({ date, from: f, to: t });
        else warn(`${w}: exceptional opening on ${date} has no usable from/to and was not imported`);
      }
      continue;
    }
    if (s.validTo) {
      warn(`${w}: seasonal hours valid ${s.validFrom ?? '?'}–${s.validTo} were not imported; add them as exceptions by hand`);
      continue;
    }
    if (s.isClosed) continue;
    for (const [j, oh] of (s.openingHour ?? []).entries()) {
      const from = ptvTime(oh.from);
      const to = ptvTime(oh.to);
      const d1 = day(oh.dayFrom);
      const d2 = day(oh.dayTo) ?? d1;
      if (!from || !to || !d1 || !d2 || from === to) {
        warn(`${w}.openingHour[${j}]: could not read ${JSON.stringify(oh)}; not imported`);
        continue;
      }
      if (s.serviceHourType === 'OverMidnight' && d2 !== d1) {
        // From d1 at `from` to d2 at `to`: one over-midnight range if d2 is the next day,
        // otherwise the start evening, whole days in between and the final morning.
        const days = span(d1, d2);
        if (days.length === 2 && to <= from) weekly.push({ days: [d1], from, to });
        else {
          weekly.push({ days: [d1], from, to: '24:00' });
          const middle = days.slice(1, -1);
          if (middle.length > 0) weekly.push({ days: middle, from: '00:00', to: '24:00' });
          if (to !== '00:00') weekly.push({ days: [d2], from: '00:00', to });
        }
      } else {
        weekly.push({ days: span(d1, d2), from, to });
      }
    }
  }
  if (weekly.length === 0 && exceptions.length === 0) return undefined;
  return exceptions.length > 0 ? { weekly: mergeSameTimes(weekly), exceptions } : { weekly: mergeSameTimes(weekly) };
}

/** PTV lists one entry per day; fold Mon 8–16, Tue 8–16, … into one range with five days. */
function mergeSameTimes(ranges: WeeklyRange[]): WeeklyRange[] {
  const out: WeeklyRange[] = [];
  for (const r of ranges) {
    const same = out.find((o) => o.from === r.from && o.to === r.to);
    if (same) same.days = ORDER.filter((d) => same.days.includes(d) || r.days.includes(d));
    else out.push({ ...r, days: [...r.days] });
  }
  return out;
}
