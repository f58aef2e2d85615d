/**
 * The statistics page's HTML, rendered on the server: plain forms and tables, no script, so it
 * works with a keyboard and a screen reader as any document does. Every figure comes from a
 * report table (already suppressed); each table cell carries its row and column key so the page
 * and the CSV can be compared cell by cell.
 */
import type { DialogScript } from '../../engine/program';
import { funnelTables, Report, Table } from '../report';
import { Cell, cellText } from '../suppress';
import { funnelSvg } from './funnelGraph';
import { label, PAGE_LANGS, PAGE_STRINGS, PageLang, PageStrings } from './strings';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (v: string): string => v.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const fill = (text: string, vars: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (_m, k: string) => vars[k] ?? '');

export const STATISTICS_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageFrame {
  lang: PageLang;
  cssHref: string;
  /** The current query string without `lang`, kept by the language links. */
  queryWithoutLang: string;
}

function shell(frame: PageFrame, s: PageStrings, header: string, main: string): string {
  const langLinks = PAGE_LANGS.map((l) => {
    const href = `/statistics?${frame.queryWithoutLang ? `${frame.queryWithoutLang}&` : ''}lang=${l}`;
    return `<li><a href="${esc(href)}" lang="${l}" hreflang="${l}"${l === frame.lang ? ' aria-current="true"' : ''}>${esc(PAGE_STRINGS[l].languageName)}</a></li>`;
  }).join('');
  return `<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(s.title)}</title>
<link rel="stylesheet" href="${esc(frame.cssHref)}">
</head>
<body>
<a class="skip" href="#main">${esc(s.skip)}</a>
<header class="top">
  <h1>${esc(s.heading)}</h1>
  <nav aria-label="${esc(s.languageNav)}"><ul class="langs">${langLinks}</ul></nav>
  ${header}
</header>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>`;
}

export function renderSignIn(frame: PageFrame, error: 'failed' | 'locked' | null): string {
  const s = PAGE_STRINGS[frame.lang];
  const message = error === 'failed' ? s.signInFailed : error === 'locked' ? s.lockedOut : '';
  const main = `<section aria-labelledby="signin-h">
  <h2 id="signin-h">${esc(s.signInHeading)}</h2>
  <p>${esc(s.signInIntro)}</p>
  <form method="post" action="/statistics/signin?lang=${frame.lang}">
    <p><label for="username">${esc(s.username)}</label><br><input id="username" name="username" autocomplete="username" required maxlength="64"></p>
    <p><label for="password">${esc(s.password)}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
    <p><button type="submit">${esc(s.signIn)}</button></p>
    ${message ? `<p id="signin-error" role="alert" class="error">${esc(message)}</p>` : ''}
  </form>
</section>`;
  return shell(frame, s, '', main);
}

export interface StatisticsView {
  report: Report;
  from: string;
  to: string;
  regions: { id: string; name: string }[];
  dialogs: DialogScript[];
  /** Display name for a row key or column of a table (service, queue or topic name), or null to show the id. */
  nameOf: (tableId: string, key: string) => string | null;
  who: string;
  csrfToken: string;
  rangeError: boolean;
}

/** `route:elderly` → "After a route: elderly"; `handoff:other` → "After a counsellor conversation". */
function feedbackName(key: string, s: PageStrings): string {
  const [source, dialog] = key.split(':');
  const where = label(s, `source_${source}`, source);
  return dialog && dialog !== 'other' ? `${where}: ${dialog}` : where;
}

function cellHtml(cell: Cell, s: PageStrings): string {
  if (cell === 'suppressed') return `<abbr title="${esc(s.suppressed)}">&lt;5</abbr>`;
  if (cell === null) return `<span aria-label="${esc(s.notApplicable)}">–</span>`;
  return esc(cellText(cell));
}

function tableHtml(table: Table, s: PageStrings, caption: string, rowHeading: string, nameOf: StatisticsView['nameOf']): string {
  const head = [rowHeading, ...table.columns.map((c) => label(s, `col_${c}`, c === 'total' ? s.total : c === 'count' ? s.count : c === 'other' ? s.other : nameOf(`${table.id}:column`, c) ?? c))];
  const body = table.rows.length === 0
    ? `<tr><td colspan="${head.length}">${esc(s.noData)}</td></tr>`
    : table.rows.map((row) => {
        const name = nameOf(table.id, row.key) ?? (row.key === 'other' ? s.other : table.id === 'feedback' ? feedbackName(row.key, s) : row.key);
        const cells = table.columns.map((c) => `<td data-column="${esc(c)}">${cellHtml(row.cells[c] ?? null, s)}</td>`).join('');
        return `<tr data-row="${esc(row.key)}"><th scope="row">${esc(name)}</th>${cells}</tr>`;
      }).join('\n');
  const id = `t-${table.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table data-table="${esc(table.id)}"><caption id="${id}">${esc(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

export function renderStatistics(frame: PageFrame, view: StatisticsView): string {
  const s = PAGE_STRINGS[frame.lang];
  const { report } = view;
  const header = `<form method="post" action="/statistics/signout" class="who"><span>${esc(fill(s.signedInAs, { name: view.who }))}</span>
  <input type="hidden" name="csrf" value="${esc(view.csrfToken)}"> <button type="submit">${esc(s.signOut)}</button></form>`;
  const regionOptions = [{ id: 'all', name: s.allRegions }, ...view.regions]
    .map((r) => `<option value="${esc(r.id)}"${r.id === report.query.region ? ' selected' : ''}>${esc(r.name)}</option>`).join('');
  const csvHref = `/statistics/export.csv?from=${view.from}&to=${view.to}&region=${encodeURIComponent(report.query.region)}`;
  const filter = `<section aria-labelledby="filter-h" class="filter">
  <h2 id="filter-h">${esc(s.filterHeading)}</h2>
  <form method="get" action="/statistics">
    <input type="hidden" name="lang" value="${frame.lang}">
    <p><label for="from">${esc(s.from)}</label><br><input id="from" name="from" type="date" value="${esc(view.from)}" required></p>
    <p><label for="to">${esc(s.to)}</label><br><input id="to" name="to" type="date" value="${esc(view.to)}" required></p>
    <p><label for="region">${esc(s.region)}</label><br><select id="region" name="region">${regionOptions}</select></p>
    <p><button type="submit">${esc(s.show)}</button></p>
  </form>
  ${view.rangeError ? `<p role="alert" class="error">${esc(s.badRange)}</p>` : ''}
  <p><a href="${esc(csvHref)}" download>${esc(s.exportCsv)}</a></p>
  <p class="note">${esc(s.privacyNote)}</p>
</section>`;
  const tables = report.tables.map((t) => `<section aria-labelledby="t-${t.id}">${tableHtml(t, s, label(s, `table_${t.id}`, t.id), label(s, `row_${t.id}`, s.day), view.nameOf)}</section>`).join('\n');
  const funnels = funnelTables(view.dialogs, report).map(({ script, table }) => {
    const svg = funnelSvg(script, table, { reached: s.reachedShort, left: s.leftShort, title: fill(s.funnelGraphTitle, { dialog: script.id }) });
    // Dialogs nobody reached in the period start folded, so the page stays short.
    const reached = table.rows.some((r) => r.cells.reached !== 0);
    return `<details class="dialog"${reached ? ' open' : ''}>
  <summary><h3 id="f-${esc(script.id)}">${esc(script.id)}</h3></summary>
  <div class="graph-wrap" role="region" aria-label="${esc(fill(s.funnelScroll, { dialog: script.id }))}" tabindex="0">${svg}</div>
  ${tableHtml(table, s, fill(s.funnelTable, { dialog: script.id }), s.step, () => null)}
</details>`;
  }).join('\n');
  const main = `${filter}
${tables}
<section aria-labelledby="funnel-h">
  <h2 id="funnel-h">${esc(s.funnelHeading)}</h2>
  <p>${esc(s.funnelIntro)}</p>
  ${funnels}
</section>`;
  return shell(frame, s, header, main);
}
