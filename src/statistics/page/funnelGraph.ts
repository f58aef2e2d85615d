/**
 * One dialog's funnel drawn over its graph, as inline SVG: the same steps and arrows that
 * `npm run content:graph` draws for editors in Mermaid (edges from src/engine/mermaid.ts), laid
 * out in rows by distance from the start, each question showing how many reached it and how many
 * left there. Drawn on the server, no script and no CDN; the table beside it carries the same
 * figures for screen readers and keyboards (the SVG is one image with a title).
 */
import type { DialogScript, Step } from '../../engine/program';
import { edgesOf } from '../../engine/mermaid';
import type { Table } from '../report';
import { Cell, cellText } from '../suppress';

const W = 184;
const H = 62;
const GAP_X = 22;
const GAP_Y = 46;
const PAD = 12;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: string): string => v.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const cut = (v: string, n: number): string => (v.length <= n ? v : `${v.slice(0, n - 1)}…`);

/** Rows by shortest distance from the start; steps not reachable from it go in a last row. */
export function layers(script: DialogScript): string[][] {
  const depth = new Map<string, number>();
  const queue: string[] = [];
  if (script.steps.has(script.start)) {
    depth.set(script.start, 0);
    queue.push(script.start);
  }
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const [to] of edgesOf(script.steps.get(id)!)) {
      if (script.steps.has(to) && !depth.has(to)) {
        depth.set(to, depth.get(id)! + 1);
        queue.push(to);
      }
    }
  }
  const last = Math.max(-1, ...depth.values()) + 1;
  const rows: string[][] = [];
  for (const id of script.steps.keys()) (rows[depth.get(id) ?? last] ??= []).push(id);
  return rows.filter(Boolean);
}

function kindLabel(step: Step): string {
  return step.kind === 'route' ? `route → ${step.service}` : step.kind === 'call' ? `call ${step.dialog}` : step.kind;
}

/** Light fill by the share that left (text stays #111 on it, so contrast holds at every share). */
function fill(share: Cell): string {
  if (typeof share !== 'number') return '#ffffff';
  const lightness = Math.round(97 - Math.min(100, share) * 0.17);
  return `hsl(8, 85%, ${lightness}%)`;
}

export function funnelSvg(script: DialogScript, table: Table, labels: { reached: string; left: string; title: string }): string {
  const rows = layers(script);
  const width = PAD * 2 + Math.max(...rows.map((r) => r.length)) * (W + GAP_X) - GAP_X;
  // Room under the last row for the curves of edges within it.
  const height = PAD * 2 + rows.length * (H + GAP_Y);
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => row.forEach((id, i) => pos.set(id, { x: PAD + i * (W + GAP_X), y: PAD + r * (H + GAP_Y) })));
  const cells = new Map(table.rows.map((row) => [row.key, row.cells]));

  const edges: string[] = [];
  for (const [id, step] of script.steps) {
    const a = pos.get(id)!;
    for (const [to] of edgesOf(step)) {
      const b = pos.get(to);
      if (!b) continue;
      const x1 = a.x + W / 2;
      const x2 = b.x + W / 2;
      if (b.y > a.y) {
        edges.push(`<path d="M${x1},${a.y + H} C${x1},${a.y + H + GAP_Y / 2} ${x2},${b.y - GAP_Y / 2} ${x2},${b.y - 2}" class="edge" marker-end="url(#arrow-${esc(script.id)})"/>`);
      } else {
        // Within a row or back up (a loop): a dashed curve under both boxes, into the target's bottom.
        const dip = Math.max(a.y, b.y) + H + GAP_Y * 0.6;
        edges.push(`<path d="M${x1},${a.y + H} C${x1},${dip} ${x2},${dip} ${x2},${b.y + H + 2}" class="edge back" marker-end="url(#arrow-${esc(script.id)})"/>`);
      }
    }
  }

  const nodes: string[] = [];
  for (const [id, step] of script.steps) {
    const { x, y } = pos.get(id)!;
    const c = cells.get(id);
    const figures = c
      ? step.kind === 'ask'
        ? `${labels.reached} ${cellText(c.reached)} · ${labels.left} ${cellText(c.left)}${typeof c.leftShare === 'number' ? ` (${c.leftShare} %)` : ''}`
        : `${labels.reached} ${cellText(c.reached)}`
      : '';
    const shape = step.kind === 'ask' ? 'ask' : step.kind === 'route' ? 'route' : 'other';
    nodes.push(
      `<g class="node ${shape}"><rect x="${x}" y="${y}" width="${W}" height="${H}" rx="${step.kind === 'end' ? 24 : 4}" fill="${fill(c?.leftShare ?? null)}"/>` +
        `<text x="${x + 8}" y="${y + 18}" class="id">${esc(cut(id, 24))}</text>` +
        `<text x="${x + 8}" y="${y + 35}" class="kind">${esc(cut(kindLabel(step), 28))}</text>` +
        (figures ? `<text x="${x + 8}" y="${y + 53}" class="figures">${esc(cut(figures, 32))}</text>` : '') +
        `</g>`,
    );
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" class="funnel" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="svg-title-${esc(script.id)}">` +
    `<title id="svg-title-${esc(script.id)}">${esc(labels.title)}</title>` +
    `<defs><marker id="arrow-${esc(script.id)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>` +
    `${edges.join('')}${nodes.join('')}</svg>`;
}
