/**
 * Opening status as one short sentence a resident reads in a chat bubble:
 * "Avoinna nyt, klo 16.00 asti" / "Stängt nu, öppnar måndag kl. 8.00" / "Open 24/7".
 * Plus a compact weekly summary ("ma–pe klo 9.00–20.00") for service cards.
 */
import { DateTime } from 'luxon';
import { FI_WEEKDAY_ESSIVE, WEEKDAY_NAMES, WEEKDAY_SHORT, formatClock } from './labels';
import { MinuteCache } from './minuteCache';
import { DEFAULT_TIMEZONE, openingStatus, type OpeningPoint } from './openingHours';
import { WEEKDAYS, type Hours, type Lang, type Weekday } from './types';

type When = { kind: 'today' | 'tomorrow' | 'weekday' | 'far'; weekday: Weekday; date: string };

function relativeDay(p: OpeningPoint, now: Date, timezone: string): When {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const day = DateTime.fromISO(p.date, { zone: timezone }).startOf('day');
  const diff = Math.round(day.diff(today, 'days').days);
  const kind = diff <= 0 ? 'today' : diff === 1 ? 'tomorrow' : diff < 7 ? 'weekday' : 'far';
  return { kind, weekday: p.weekday, date: p.date };
}

function shortDate(iso: string, lang: Lang): string {
  const [, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? `${d}/${m}` : lang === 'fi' ? `${d}.${m}.` : `${d}.${m}`;
}

/** "huomenna", "i morgon", "Monday 5/1"… the day part of a sentence, per language. */
function dayWords(w: When, lang: Lang): string {
  if (lang === 'fi') {
    if (w.kind === 'today') return 'tänään';
    if (w.kind === 'tomorrow') return 'huomenna';
    return w.kind === 'far' ? `${FI_WEEKDAY_ESSIVE[w.weekday]} ${shortDate(w.date, lang)}` : FI_WEEKDAY_ESSIVE[w.weekday];
  }
  if (lang === 'sv') {
    if (w.kind === 'today') return 'i dag';
    if (w.kind === 'tomorrow') return 'i morgon';
  } else {
    if (w.kind === 'today') return 'today';
    if (w.kind === 'tomorrow') return 'tomorrow';
  }
  const name = WEEKDAY_NAMES[lang][w.weekday];
  return w.kind === 'far' ? `${name} ${shortDate(w.date, lang)}` : name;
}

function clock(time: string, lang: Lang): string {
  return lang === 'fi' ? `klo ${formatClock(time, lang)}` : lang === 'sv' ? `kl. ${formatClock(time, lang)}` : formatClock(time, lang);
}

function untilText(p: OpeningPoint, now: Date, timezone: string, lang: Lang): string {
  if (p.time === '00:00') {
    // An end at midnight reads better as "until midnight" of the day it closes.
    const prev = DateTime.fromISO(p.date, { zone: timezone }).minus({ days: 1 });
    const w = relativeDay({ weekday: WEEKDAYS[prev.weekday - 1]!, time: '24:00', date: prev.toISODate()! }, now, timezone);
    const mid = { fi: 'keskiyöhön asti', sv: 'till midnatt', en: 'until midnight' }[lang];
    if (w.kind === 'today') return mid;
    if (lang === 'fi') return `${dayWords(w, lang)} ${mid}`;
    return lang === 'sv' ? `till midnatt ${dayWords(w, lang)}` : `until midnight ${dayWords(w, lang)}`;
  }
  const w = relativeDay(p, now, timezone);
  const t = clock(p.time, lang);
  if (lang === 'fi') return w.kind === 'today' ? `${t} asti` : `${dayWords(w, lang)} ${t} asti`;
  const prefix = lang === 'sv' ? 'till' : 'until';
  return w.kind === 'today' ? `${prefix} ${t}` : `${prefix} ${dayWords(w, lang)} ${t}`;
}

function opensText(p: OpeningPoint, now: Date, timezone: string, lang: Lang): string {
  const w = relativeDay(p, now, timezone);
  const t = clock(p.time, lang);
  const verb = { fi: 'avataan', sv: 'öppnar', en: 'opens' }[lang];
  return `${verb} ${dayWords(w, lang)} ${t}`;
}

const descriptionCache = new MinuteCache<Hours, string>();

/** "Avoinna nyt, 20.00 asti" and the like; once per minute per hours and language (minuteCache.ts). */
export function describeOpening(hours: Hours, lang: Lang, now: Date, timezone: string = DEFAULT_TIMEZONE): string {
  return descriptionCache.get(hours, now, `${lang} ${timezone}`, (minuteStart) => describeUncached(hours, lang, minuteStart, timezone));
}

function describeUncached(hours: Hours, lang: Lang, now: Date, timezone: string): string {
  const s = openingStatus(hours, now, timezone);
  if (s.state === 'always') return { fi: 'Avoinna aina (24/7)', sv: 'Öppet dygnet runt (24/7)', en: 'Open 24/7' }[lang];
  if (s.state === 'unknown') {
    // The note already tells the resident where to check ("check mieli.fi"); say only that.
    const note = 'unknown' in hours ? hours.note?.[lang] : undefined;
    return note ?? { fi: 'Aukioloajat eivät ole tiedossa.', sv: 'Öppettiderna är inte kända.', en: 'Opening hours not known.' }[lang];
  }
  if (s.state === 'open') {
    const head = { fi: 'Avoinna nyt', sv: 'Öppet nu', en: 'Open now' }[lang];
    return s.until ? `${head}, ${untilText(s.until, now, timezone, lang)}` : head;
  }
  const head = { fi: 'Suljettu nyt', sv: 'Stängt nu', en: 'Closed now' }[lang];
  return s.opensAt ? `${head}, ${opensText(s.opensAt, now, timezone, lang)}` : head;
}

/** Runs of consecutive days: [mon,tue,wed,fri] → "ma–ke, pe". */
function dayRuns(days: Weekday[], lang: Lang): string {
  const idx = [...new Set(days)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of idx) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  const n = (i: number): string => WEEKDAY_SHORT[lang][WEEKDAYS[i]!];
  return runs.map(([a, b]) => (a === b ? n(a) : b === a + 1 ? `${n(a)}, ${n(b)}` : `${n(a)}–${n(b)}`)).join(', ');
}

/** "ma–pe klo 9.00–20.00" / "mån–fre kl. 9.00–20.00" / "Mon–Fri 9:00–20:00"; "" for always/unknown. */
export function describeWeekly(hours: Hours, lang: Lang): string {
  if (!('weekly' in hours)) return '';
  const pre = lang === 'fi' ? 'klo ' : lang === 'sv' ? 'kl. ' : '';
  return hours.weekly
    .map((r) => `${dayRuns(r.days, lang)} ${pre}${formatClock(r.from, lang)}–${formatClock(r.to === '24:00' ? '24:00' : r.to, lang)}`)
    .join('; ');
}
