/**
 * Reads and checks an `hours:` block. Opening hours are the fact residents act on ("can I call
 * now?"), so the shapes are strict: exactly one of `always`, `weekly` or `unknown`.
 */
import { isScalar } from 'yaml';
import { asList, asMap, fields, readBool, readDate, readEnum, readEnumList, readLocalized, readTime, type AnyNode, type Ctx } from './read';
import { readProvenance, type ProvenanceNodes } from './provenance';
import { WEEKDAYS, type Hours, type HoursException, type WeeklyRange } from './types';

const HOLIDAY_RULES = ['closed', 'open'] as const;

function readRange(ctx: Ctx, node: AnyNode, what: string): WeeklyRange | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, ['days', 'from', 'to'], []);
  const days = f.get('days') ? readEnumList(ctx, f.get('days')!.value, WEEKDAYS, `${what}.days`) : undefined;
  const from = f.get('from') ? readTime(ctx, f.get('from')!.value, `${what}.from`) : undefined;
  const to = f.get('to') ? readTime(ctx, f.get('to')!.value, `${what}.to`, true) : undefined;
  if (days && days.length === 0) {
    ctx.rep.at(ctx.src, f.get('days')!.value, 'CAT026', `expected at least one day in ${what}.days, found an empty list`);
    return undefined;
  }
  if (from !== undefined && from === to) {
    ctx.rep.at(ctx.src, f.get('to')!.value, 'CAT026', `expected ${what}.to to differ from from, found both "${from}"`,
      'for round-the-clock service use "always: true"; for a full day use from "00:00" to "24:00"');
    return undefined;
  }
  if (!days || from === undefined || to === undefined) return undefined;
  return { days, from, to };
}

function readException(ctx: Ctx, node: AnyNode, what: string): HoursException | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, ['date'], ['closed', 'from', 'to', 'note']);
  const date = f.get('date') ? readDate(ctx, f.get('date')!.value, `${what}.date`) : undefined;
  const note = f.get('note') ? readLocalized(ctx, f.get('note')!.value, `${what}.note`) : undefined;
  const closedField = f.get('closed');
  if (closedField) {
    const closed = readBool(ctx, closedField.value, `${what}.closed`);
    if (f.has('from') || f.has('to') || closed === false) {
      ctx.rep.at(ctx.src, closedField.key, 'CAT026', `expected either "closed: true" or from/to in ${what}, found ${closed === false ? 'closed: false' : 'both'}`,
        'a closed day has no times; an exceptional opening has from and to only');
      return undefined;
    }
    if (date === undefined || closed === undefined) return undefined;
    return note ? { date, closed: true, note } : { date, closed: true };
  }
  if (!f.has('from') || !f.has('to')) {
    ctx.rep.at(ctx.src, map, 'CAT004', `expected "closed: true" or both from and to in ${what}, found neither`);
    return undefined;
  }
  const from = readTime(ctx, f.get('from')!.value, `${what}.from`);
  const to = readTime(ctx, f.get('to')!.value, `${what}.to`, true);
  if (from !== undefined && from === to) {
    ctx.rep.at(ctx.src, f.get('to')!.value, 'CAT026', `expected ${what}.to to differ from from, found both "${from}"`);
    return undefined;
  }
  if (date === undefined || from === undefined || to === undefined) return undefined;
  return note ? { date, from, to, note } : { date, from, to };
}

/**
 * `prov`, when given, receives the block's own `source:`/`read:` (an hours block may cite a
 * different page than the channel's phone number).
 */
export function readHours(ctx: Ctx, node: AnyNode, what: string, prov?: ProvenanceNodes): Hours | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, [], ['always', 'weekly', 'exceptions', 'unknown', 'note', 'holidays', 'source', 'read']);
  if (prov) readProvenance(ctx, f, what, prov);
  const shapes = (['always', 'weekly', 'unknown'] as const).filter((k) => f.has(k));
  if (shapes.length === 0) {
    ctx.rep.at(ctx.src, map, 'CAT004', `expected one of "always", "weekly" or "unknown" in ${what}, found none`,
      'use "unknown: true" with a note when the hours have not been checked');
    return undefined;
  }
  if (shapes.length > 1) {
    ctx.rep.at(ctx.src, f.get(shapes[1]!)!.key, 'CAT026', `expected only one of always/weekly/unknown in ${what}, found ${shapes.join(' and ')}`);
    return undefined;
  }
  const shape = shapes[0]!;
  const stray = shape === 'weekly' ? f.get('note') : shape === 'unknown' ? f.get('exceptions') ?? f.get('holidays') : f.get('note') ?? f.get('exceptions') ?? f.get('holidays');
  if (stray) {
    ctx.rep.at(ctx.src, stray.key, 'CAT026', `expected no "${String(stray.key.value)}" with "${shape}" in ${what}, found one`,
      'exceptions and holidays belong to weekly hours; a note belongs to unknown hours');
    return undefined;
  }
  if (shape === 'always' || shape === 'unknown') {
    const flag = f.get(shape)!;
    if (!isScalar(flag.value) || flag.value.value !== true) {
      ctx.rep.at(ctx.src, flag.value ?? flag.key, 'CAT003', `expected "${shape}: true", found ${shape}: ${String(isScalar(flag.value) ? flag.value.value : '…')}`);
      return undefined;
    }
    if (shape === 'always') return { always: true };
    const note = f.get('note') ? readLocalized(ctx, f.get('note')!.value, `${what}.note`) : undefined;
    return note ? { unknown: true, note } : { unknown: true };
  }
  const rangeNodes = asList(ctx, f.get('weekly')!.value, `${what}.weekly`);
  if (!rangeNodes) return undefined;
  const weekly: WeeklyRange[] = [];
  let ok = true;
  rangeNodes.forEach((n, i) => {
    const r = readRange(ctx, n, `${what}.weekly[${i}]`);
    if (r) weekly.push(r);
    else ok = false;
  });
  const exceptions: HoursException[] = [];
  const exField = f.get('exceptions');
  if (exField) {
    const exNodes = asList(ctx, exField.value, `${what}.exceptions`);
    if (!exNodes) return undefined;
    exNodes.forEach((n, i) => {
      const e = readException(ctx, n, `${what}.exceptions[${i}]`);
      if (e) exceptions.push(e);
      else ok = false;
    });
  }
  const holidayField = f.get('holidays');
  const holidays = holidayField ? readEnum(ctx, holidayField.value, HOLIDAY_RULES, `${what}.holidays`) : undefined;
  if (holidayField && !holidays) ok = false;
  if (!ok) return undefined;
  const out: Extract<Hours, { weekly: unknown }> = exceptions.length > 0 ? { weekly, exceptions } : { weekly };
  if (holidays) out.holidays = holidays;
  return out;
}
