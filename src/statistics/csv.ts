/**
 * The statistics as CSV, from the same tables the page shows (so the two always agree): one line
 * per figure, `table,row,column,value`, suppressed figures as `<5`, with the query as comment
 * lines on top. RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it.
 */
import type { Table } from './report';
import { cellText } from './suppress';

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(tables: Table[], query: { from: string; to: string; region: string }): string {
  const lines = [`# Opastin service statistics ${query.from}..${query.to}, region ${query.region}; counts under 5 shown as <5`, 'table,row,column,value'];
  for (const table of tables) {
    for (const row of table.rows) {
      for (const column of table.columns) lines.push([table.id, row.key, column, cellText(row.cells[column] ?? null)].map(field).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
