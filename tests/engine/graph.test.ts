/**
 * content:graph: the pure Mermaid drawing (src/engine/mermaid.ts) and the command on broken
 * content (prints diagnostics, never throws).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProgram } from '../../src/engine/compiler/compile';
import { parseExpression } from '../../src/engine/expression';
import type { DialogScript, Step } from '../../src/engine/program';
import { dialogToMarkdown, dialogToMermaid, edgesOf, escapeLabel, shorten } from '../../src/engine/mermaid';

const repo = path.join(__dirname, '..', '..');
const fixtures = path.join(repo, 'tests', 'fixtures');
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function rootWith(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-graph-'));
  tmpDirs.push(dir);
  fs.cpSync(path.join(fixtures, 'dialogs-fail', '_support'), dir, { recursive: true });
  fs.cpSync(path.join(fixtures, fixture), dir, { recursive: true, filter: (src) => path.basename(src) !== 'expect.json' });
  return dir;
}

const t = (fi: string) => ({ fi, sv: fi, en: fi });
function script(steps: Step[], start = steps[0]?.id ?? ''): DialogScript {
  return { id: 'x', topic: 'unknown', start, params: [], file: 'dialogs/x.yaml', steps: new Map(steps.map((s) => [s.id, s])), positions: new Map() };
}

describe('dialogToMermaid on the ok fixture', () => {
  const { program } = compileProgram(rootWith('dialogs-ok'), { services: new Set(['svc-a', 'svc-b']), queues: new Set(['q-a']) });
  const main = dialogToMermaid(program.dialogs.get('main')!);

  test('is a flowchart with one node per step and an entry from the start', () => {
    expect(main.startsWith('flowchart TD\n')).toBe(true);
    for (const id of program.dialogs.get('main')!.steps.keys()) expect(main).toContain(`"${id} · `);
    expect(main).toMatch(/start --> s0\n/);
  });

  test('labels nodes with the kind and the Finnish text, and edges with choices and conditions', () => {
    expect(main).toContain('hello · say: Hei! Autan löytämään palvelun.');
    expect(main).toContain('age · ask (number): Kuinka vanha olet?');
    expect(main).toMatch(/s1 -->\|"Itseni"\| s2/);
    expect(main).toMatch(/s1 -->\|"Läheiseni"\| s6/);
    expect(main).toContain(`-->|"who == 'self' and age #lt; 30"|`);
    expect(main).toMatch(/s3 -->\|"else"\| s5/);
    expect(main).toMatch(/s2 -->\|"number → age"\| s3/);
  });

  test('shows the service of a route, the queue of a handoff, and calls as links', () => {
    expect(main).toContain('youth · route → svc-a (human)');
    expect(main).toContain('to-person · handoff → queue q-a');
    expect(main).toMatch(/d0>"dialog helper"\]/);
    expect(main).toContain('click d0 href "./helper.md"');
    expect(main).toContain('s6 -.-> d0');
  });

  test('wraps the chart in a Markdown file with a mermaid block', () => {
    const md = dialogToMarkdown(program.dialogs.get('helper')!);
    expect(md).toMatch(/^# Dialog `helper`\n/);
    expect(md).toContain('```mermaid\nflowchart TD\n');
    expect(md.trimEnd().endsWith('```')).toBe(true);
    expect(md).toContain('done · end');
    expect(md).toContain('-->|"not safe"|');
  });
});

describe('dialogToMermaid on awkward content', () => {
  test('step ids that are Mermaid keywords never become node ids', () => {
    const chart = dialogToMermaid(script([
      { kind: 'say', id: 'graph', text: t('a'), next: 'end' },
      { kind: 'end', id: 'end', feedback: true },
    ]));
    expect(chart).not.toMatch(/^\s+(end|graph)\b/m);
    expect(chart).toContain('end · end + feedback');
  });

  test('quotes, angle brackets, # and newlines in texts are escaped', () => {
    const chart = dialogToMermaid(script([
      { kind: 'say', id: 'a', text: t('Sano "hei" <b>#1</b>\nrivi'), next: 'b' },
      { kind: 'end', id: 'b', feedback: false },
    ]), { maxText: 200 });
    const label = chart.split('\n').find((l) => l.includes('a · say'))!;
    expect(label).toContain('Sano #quot;hei#quot; #lt;b#gt;#35;1#lt;/b#gt; rivi');
    expect(label.slice(label.indexOf('"') + 1, label.lastIndexOf('"'))).not.toMatch(/["<>\n]/);
  });

  test('long texts are shortened with an ellipsis', () => {
    expect(shorten('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(shorten('  short  text ', 40)).toBe('short text');
    expect(escapeLabel('x < 1')).toBe('x #lt; 1');
  });

  test('a goto to a step that is not there is drawn as a missing node instead of failing', () => {
    const chart = dialogToMermaid(script([{ kind: 'say', id: 'a', text: t('a'), next: 'nowhere' }], 'a'));
    expect(chart).toMatch(/missing0\["missing step: nowhere"\]:::missing/);
    expect(chart).toContain('s0 --> missing0');
  });

  test('choices going to the same step share one edge', () => {
    const ask: Step = {
      kind: 'ask', id: 'q', text: t('?'), type: 'choice', next: 'z',
      choices: [{ id: 'a', label: t('A'), goto: 'z' }, { id: 'b', label: t('B') }, { id: 'c', label: t('C'), goto: 'y' }],
    };
    expect(edgesOf(ask)).toEqual([['z', 'A / B'], ['y', 'C']]);
  });

  test('a scored question shows its points, and a score branch the band of points each way stands for', () => {
    const q: Step = {
      kind: 'ask', id: 'q', text: t('?'), type: 'choice', next: 'r', score: 'auditc',
      choices: [{ id: 'a', label: t('A'), points: 0 }, { id: 'b', label: t('B'), points: 4 }],
    };
    const parsed = parseExpression('score.auditc >= 3');
    if (!parsed.ok) throw new Error(parsed.message);
    const r: Step = { kind: 'branch', id: 'r', cases: [{ when: parsed.expr, source: 'score.auditc >= 3', goto: 'high' }], otherwise: 'low' };
    const chart = dialogToMermaid(script([q, r, { kind: 'end', id: 'high', feedback: false }, { kind: 'end', id: 'low', feedback: false }], 'q'));
    expect(chart).toContain('"A (+0) / B (+4)"');
    expect(chart).toContain('"score.auditc #gt;= 3 · auditc 3–4"');
    expect(chart).toContain('"else · auditc 0–2"');
  });

  test('an empty dialog still draws', () => {
    expect(dialogToMermaid(script([]))).toMatch(/^flowchart TD\n/);
  });
});

describe('npm run content:graph', () => {
  const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
  const cli = (...args: string[]) => spawnSync(tsx, [path.join(repo, 'scripts', 'content-graph.ts'), ...args], { encoding: 'utf8', cwd: repo, timeout: 60_000 });

  test('prints the diagnostics of broken content and still draws what it could read', () => {
    const r = cli('--root', rootWith('dialogs-fail/DLG008-unknown-step'));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('dialogs/main.yaml:10:17 error DLG008');
    expect(r.stdout).toContain('```mermaid');
    expect(r.stdout).toContain('missing step: finish');
  });

  test('writes one Markdown file per dialog with --out, or one dialog when named', () => {
    const root = rootWith('dialogs-ok');
    const out = path.join(root, 'graphs');
    const r = cli('--root', root, '--out', out);
    // The fixture has no service catalogue, so only DLG010/DLG011 (unknown service/queue) appear.
    expect(r.stderr.split('\n').filter((l) => / error /.test(l) && !/ DLG01[01] /.test(l))).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('wrote 2 graph(s)');
    expect(fs.readdirSync(out).sort()).toEqual(['helper.md', 'main.md']);
    const one = cli('helper', '--root', root);
    expect(one.stdout).toContain('# Dialog `helper`');
    expect(one.stdout).not.toContain('# Dialog `main`');
  });

  test('a YAML syntax error is a diagnostic and a non-zero exit, not a crash', () => {
    const r = cli('--root', rootWith('dialogs-fail/DLG001-yaml-syntax'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DLG001');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
