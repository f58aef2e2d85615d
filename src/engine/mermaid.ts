/**
 * Draws one compiled dialog as a Mermaid flowchart: steps as nodes (kind and the Finnish text,
 * shortened), edges labelled with choice labels and branch conditions, calls as links to the
 * called dialog's graph, routes and handoffs showing the service or queue. Questionnaire answers
 * show their points and score branches the band of points each way stands for. Pure: no file access.
 */
import { scoreBand, scoreRanges } from './compiler/scores';
import type { DialogScript, Step } from './program';

export interface GraphOptions {
  /** Longest Finnish text shown in a node, in characters (default 40). */
  maxText?: number;
  /** Link target for a called dialog (default `./<id>.md`, the file content:graph writes). */
  linkFor?: (dialogId: string) => string;
}

/** Text safe inside a quoted Mermaid label: entity codes for the characters Mermaid parses. */
export function escapeLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Node ids are generated (s0, s1, …): step ids such as `end` or `graph` are Mermaid keywords. */
function nodeIds(script: DialogScript): Map<string, string> {
  return new Map([...script.steps.keys()].map((id, i) => [id, `s${i}`]));
}

function describeStep(step: Step, max: number): string {
  const text = (t: string) => `: ${shorten(t, max)}`;
  switch (step.kind) {
    case 'say':
      return `say${text(step.text.fi)}`;
    case 'ask':
      return `ask${step.type === 'choice' ? '' : ` (${step.type})`}${text(step.text.fi)}`;
    case 'branch':
      return 'branch';
    case 'route':
      return `route → ${step.service}${step.topic ? ` (${step.topic})` : ''}`;
    case 'handoff':
      return `handoff → queue ${step.queue}`;
    case 'call':
      return `call ${step.dialog}`;
    case 'end':
      return `end${step.feedback ? ' + feedback' : ''}${step.text ? text(step.text.fi) : ''}`;
  }
}

function node(nodeId: string, stepId: string, step: Step, max: number): string {
  const label = `"${escapeLabel(`${stepId} · ${describeStep(step, max)}`)}"`;
  switch (step.kind) {
    case 'ask':
      return `${nodeId}[/${label}/]`;
    case 'branch':
      return `${nodeId}{${label}}`;
    case 'route':
      return `${nodeId}[[${label}]]`;
    case 'handoff':
      return `${nodeId}{{${label}}}`;
    case 'call':
      return `${nodeId}[[${label}]]`;
    case 'end':
      return `${nodeId}([${label}])`;
    default:
      return `${nodeId}[${label}]`;
  }
}

type ScoreRanges = Map<string, { min: number; max: number }>;
type Band = { score: string; min: number; max: number };

const bandText = (b: Band) => `${b.score} ${b.min === b.max ? b.min : `${b.min}–${b.max}`}`;

/** What the else of a one-case score branch stands for: the points below (or above) the case's band. */
function elseBand(band: Band, range: { min: number; max: number }): Band | undefined {
  if (band.max === range.max && band.min > range.min) return { score: band.score, min: range.min, max: band.min - 1 };
  if (band.min === range.min && band.max < range.max) return { score: band.score, min: band.max + 1, max: range.max };
  return undefined;
}

/** Outgoing edges of a step as [target step id, label]; choices to the same step share one edge. */
export function edgesOf(step: Step, ranges: ScoreRanges = new Map()): [string, string][] {
  const out = new Map<string, string[]>();
  const add = (target: string | undefined, label: string) => {
    if (!target) return;
    out.set(target, [...(out.get(target) ?? []), label]);
  };
  switch (step.kind) {
    case 'ask':
      if (step.type === 'choice') for (const c of step.choices) add(c.goto ?? step.next, step.score ? `${c.label.fi} (+${c.points ?? 0})` : c.label.fi);
      else add(step.next, step.remember ? `${step.type} → ${step.remember}` : step.type);
      break;
    case 'branch': {
      // Score cases are labelled with the band of points they stand for, so editors see the bands.
      const bands = step.cases.map((c) => scoreBand(c.when, ranges));
      step.cases.forEach((c, i) => add(c.goto, bands[i] ? `${c.source} · ${bandText(bands[i]!)}` : c.source));
      const rest = step.cases.length === 1 && bands[0] ? elseBand(bands[0], ranges.get(bands[0].score)!) : undefined;
      add(step.otherwise, rest ? `else · ${bandText(rest)}` : 'else');
      break;
    }
    case 'end':
      break;
    default:
      add(step.next, '');
  }
  return [...out].map(([target, labels]) => [target, labels.filter(Boolean).join(' / ')]);
}

export function dialogToMermaid(script: DialogScript, options: GraphOptions = {}): string {
  const max = options.maxText ?? 40;
  const linkFor = options.linkFor ?? ((id: string) => `./${id}.md`);
  const ids = nodeIds(script);
  const lines = ['flowchart TD', `  start((" ${escapeLabel(script.id)} "))`];
  const missing = new Map<string, string>();
  const target = (stepId: string): string => {
    const known = ids.get(stepId);
    if (known) return known;
    if (!missing.has(stepId)) {
      const id = `missing${missing.size}`;
      missing.set(stepId, id);
      lines.push(`  ${id}["${escapeLabel(`missing step: ${stepId}`)}"]:::missing`);
    }
    return missing.get(stepId)!;
  };

  for (const [stepId, step] of script.steps) lines.push(`  ${node(ids.get(stepId)!, stepId, step, max)}`);
  if (script.start) lines.push(`  start --> ${target(script.start)}`);

  const calls = new Map<string, string>();
  const ranges = scoreRanges(script);
  for (const [stepId, step] of script.steps) {
    const from = ids.get(stepId)!;
    for (const [to, label] of edgesOf(step, ranges)) {
      const dest = target(to);
      lines.push(label ? `  ${from} -->|"${escapeLabel(shorten(label, max))}"| ${dest}` : `  ${from} --> ${dest}`);
    }
    if (step.kind === 'call') {
      if (!calls.has(step.dialog)) {
        const id = `d${calls.size}`;
        calls.set(step.dialog, id);
        lines.push(`  ${id}>"${escapeLabel(`dialog ${step.dialog}`)}"]:::dialog`);
        lines.push(`  click ${id} href "${linkFor(step.dialog)}" "Open the graph of ${escapeLabel(step.dialog)}"`);
      }
      lines.push(`  ${from} -.-> ${calls.get(step.dialog)}`);
    }
  }
  lines.push('  classDef missing fill:#fdd,stroke:#c00,color:#600');
  lines.push('  classDef dialog fill:#eef,stroke:#66c');
  return `${lines.join('\n')}\n`;
}

/** The Markdown file content:graph writes: a heading and one ```mermaid block. */
export function dialogToMarkdown(script: DialogScript, options: GraphOptions = {}): string {
  return `# Dialog \`${script.id}\`\n\nSource: \`${script.file}\` (topic: ${script.topic}). Generated by \`npm run content:graph\`; do not edit.\n\n\`\`\`mermaid\n${dialogToMermaid(script, options)}\`\`\`\n`;
}
