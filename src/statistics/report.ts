/**
 * Turns stored day aggregates into the tables the statistics page shows and the CSV exports:
 * one definition of every figure, suppression applied here (suppress.ts), so the page and the
 * CSV cannot disagree. Pure: counters in, tables out.
 */
import type { DialogScript } from '../engine/program';
import { HANDOFF_OUTCOMES, STAT_LANGS, WAIT_BUCKETS } from './facts';
import type { DayCounts } from './store/store';
import { Cell, countCell, meanCell, shareCell } from './suppress';

export interface Row {
  key: string;
  cells: Record<string, Cell>;
}

export interface Table {
  id: string;
  /** Column keys in order; the page translates the known ones and shows the rest as ids. */
  columns: string[];
  rows: Row[];
}

export interface ReportQuery {
  days: string[];
  /** A region id, or `all`. */
  region: string;
}

const LANG_COLUMNS = [...STAT_LANGS, 'other'];

/** Raw sums per key (before suppression): `sum.get(rowKey).get(column)`. */
class Sums {
  readonly rows = new Map<string, Map<string, number>>();
  add(row: string, column: string, n: number): void {
    const r = this.rows.get(row) ?? new Map<string, number>();
    r.set(column, (r.get(column) ?? 0) + n);
    this.rows.set(row, r);
  }
  get(row: string, column: string): number {
    return this.rows.get(row)?.get(column) ?? 0;
  }
  total(row: string): number {
    return [...(this.rows.get(row)?.values() ?? [])].reduce((a, b) => a + b, 0);
  }
  columns(): string[] {
    return [...new Set([...this.rows.values()].flatMap((r) => [...r.keys()]))].sort();
  }
}

/** Counters kept per day as well (the tables over time); the rest only over the whole period. */
const PER_DAY = new Set(['started', 'route', 'crisis', 'checkin']);

/**
 * The counters of the period in the region asked for: summed over the period first (a year of
 * busy days is ~150,000 counters, but only a few hundred distinct names), and per day only for
 * the kinds shown over time.
 */
function collect(days: Map<string, DayCounts>, query: ReportQuery): { totals: [string[], number][]; perDay: [string, string[], number][] } {
  const inRegion = (parts: string[]) => query.region === 'all' || parts[1] === query.region;
  const sums = new Map<string, number>();
  const perDay: [string, string[], number][] = [];
  for (const day of query.days) {
    for (const [field, n] of days.get(day) ?? []) {
      sums.set(field, (sums.get(field) ?? 0) + n);
      if (!PER_DAY.has(field.slice(0, field.indexOf('|')))) continue;
      const parts = field.split('|');
      if (inRegion(parts)) perDay.push([day, parts, n]);
    }
  }
  const totals: [string[], number][] = [];
  for (const [field, n] of sums) {
    const parts = field.split('|');
    if (inRegion(parts)) totals.push([parts, n]);
  }
  return { totals, perDay };
}

function countTable(id: string, sums: Sums, rowKeys: string[], columns: string[], withTotal: boolean): Table {
  return {
    id,
    columns: withTotal ? [...columns, 'total'] : columns,
    rows: rowKeys.map((key) => {
      const cells: Record<string, Cell> = {};
      for (const c of columns) cells[c] = countCell(sums.get(key, c));
      if (withTotal) cells.total = countCell(sums.total(key));
      return { key, cells };
    }),
  };
}

export interface StepCounts {
  reached: number;
  movedOn: number;
}

export interface Report {
  query: ReportQuery;
  tables: Table[];
  /** Raw funnel counts per dialog and step (suppressed when drawn, see funnelTable). */
  funnel: Map<string, Map<string, StepCounts>>;
  /** Routes per dialog and service (raw), for the route nodes of the funnel graph. */
  routesByDialog: Map<string, Map<string, number>>;
}

export function buildReport(days: Map<string, DayCounts>, query: ReportQuery): Report {
  const started = new Sums();
  const startedByChannel = new Sums();
  const routesByDay = new Sums();
  const topicsByLang = new Sums();
  const services = new Sums();
  const crisis = new Sums();
  const handoffs = new Sums();
  const feedback = new Sums();
  const funnel = new Map<string, Map<string, StepCounts>>();
  const routesByDialog = new Map<string, Map<string, number>>();
  const step = (dialog: string, id: string): StepCounts => {
    const steps = funnel.get(dialog) ?? new Map<string, StepCounts>();
    funnel.set(dialog, steps);
    const counts = steps.get(id) ?? { reached: 0, movedOn: 0 };
    steps.set(id, counts);
    return counts;
  };

  const { totals, perDay } = collect(days, query);
  for (const [day, parts, n] of perDay) {
    const [kind, , a, b] = parts;
    if (kind === 'started') started.add(day, a, n);
    else if (kind === 'route') routesByDay.add(day, b, n);
    else if (kind === 'crisis') crisis.add(day, 'crisis', n);
    else if (kind === 'checkin') crisis.add(day, 'checkin', n);
  }
  for (const [parts, n] of totals) {
    const [kind, , a, b, c, d] = parts;
    switch (kind) {
      case 'started':
        startedByChannel.add(b, 'count', n);
        break;
      case 'route': {
        topicsByLang.add(b, a, n);
        services.add(c, 'count', n);
        const perService = routesByDialog.get(d) ?? new Map<string, number>();
        perService.set(c, (perService.get(c) ?? 0) + n);
        routesByDialog.set(d, perService);
        break;
      }
      case 'handoff':
        handoffs.add(a, b, n);
        break;
      case 'wait':
        handoffs.add(a, `wait:${b}`, n);
        break;
      case 'waitsum':
        handoffs.add(a, 'waitsum', n);
        break;
      case 'feedback':
        feedback.add(`${a}:${b}`, c, n);
        break;
      case 'reached':
        step(a, b).reached += n;
        break;
      case 'moved':
        step(a, b).movedOn += n;
        break;
    }
  }

  const waitColumns = [...WAIT_BUCKETS.map(String), 'more'].map((b) => `wait:${b}`);
  const handoffTable: Table = {
    id: 'handoffs',
    columns: [...HANDOFF_OUTCOMES, 'meanWaitMinutes', ...waitColumns],
    rows: [...handoffs.rows.keys()].sort().map((queue) => {
      const cells: Record<string, Cell> = {};
      for (const o of HANDOFF_OUTCOMES) cells[o] = countCell(handoffs.get(queue, o));
      const waits = waitColumns.reduce((sum, c) => sum + handoffs.get(queue, c), 0);
      cells.meanWaitMinutes = meanCell(handoffs.get(queue, 'waitsum') / 60, waits);
      for (const c of waitColumns) cells[c] = countCell(handoffs.get(queue, c));
      return { key: queue, cells };
    }),
  };
  const feedbackTable: Table = {
    id: 'feedback',
    columns: ['yes', 'no', 'yesShare'],
    rows: [...feedback.rows.keys()].sort().map((key) => ({
      key,
      cells: {
        yes: countCell(feedback.get(key, 'yes')),
        no: countCell(feedback.get(key, 'no')),
        yesShare: shareCell(feedback.get(key, 'yes'), feedback.total(key)),
      },
    })),
  };

  return {
    query,
    funnel,
    routesByDialog,
    tables: [
      countTable('started', started, query.days, LANG_COLUMNS, true),
      countTable('startedByChannel', startedByChannel, [...startedByChannel.rows.keys()].sort(), ['count'], false),
      countTable('routesByDay', routesByDay, query.days, routesByDay.columns(), true),
      countTable('topicsByLanguage', topicsByLang, [...topicsByLang.rows.keys()].sort(), LANG_COLUMNS, true),
      countTable('routesByService', services, [...services.rows.keys()].sort(), ['count'], false),
      countTable('crisis', crisis, query.days, ['crisis', 'checkin'], false),
      handoffTable,
      feedbackTable,
    ],
  };
}

/** One dialog's funnel as a table: every step the content has, in the order it is written. */
export function funnelTable(dialog: string, stepIds: { id: string; kind: string; service?: string }[], report: Report): Table {
  const counts = report.funnel.get(dialog) ?? new Map<string, StepCounts>();
  const routes = report.routesByDialog.get(dialog) ?? new Map<string, number>();
  return {
    id: `funnel:${dialog}`,
    columns: ['reached', 'left', 'leftShare'],
    rows: stepIds
      .filter((s) => s.kind === 'ask' || s.kind === 'route')
      .map(({ id, kind, service }) => {
        if (kind === 'route') {
          // A route step "is reached" when its route event was sent (by dialog and service; two
          // route steps of one dialog to the same service share the figure); nobody waits there.
          const n = routes.get(service ?? '') ?? 0;
          return { key: id, cells: { reached: countCell(n), left: null, leftShare: null } };
        }
        const c = counts.get(id) ?? { reached: 0, movedOn: 0 };
        const left = Math.max(0, c.reached - c.movedOn);
        return { key: id, cells: { reached: countCell(c.reached), left: countCell(left), leftShare: shareCell(left, c.reached) } };
      }),
  };
}

/** The funnel table of every dialog, in the content's order (the page draws these, the CSV lists them). */
export function funnelTables(dialogs: DialogScript[], report: Report): { script: DialogScript; table: Table }[] {
  return dialogs.map((script) => ({
    script,
    table: funnelTable(script.id, [...script.steps.values()].map((st) => ({ id: st.id, kind: st.kind, service: st.kind === 'route' ? st.service : undefined })), report),
  }));
}
