/**
 * Generates a large, valid content set for the compile benchmark: `dialogs` dialogs of
 * `stepsPerDialog` steps (default 40 × 50 = 2,000) mixing say, ask (choices, number), branch with
 * conditions, route, handoff, call and end, plus the engine's own content files. Deterministic:
 * the same options always write the same files.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface GeneratedContent {
  rootDir: string;
  services: Set<string>;
  queues: Set<string>;
  steps: number;
}

const repoContent = path.resolve(__dirname, '..', 'content');
const SERVICES = ['gen-svc-a', 'gen-svc-b', 'gen-svc-c'];
const QUEUE = 'gen-queue';

const text = (fi: string) => `{ fi: "${fi}", sv: "${fi} (sv)", en: "${fi} (en)" }`;

/**
 * One block of five steps starting at k: a message, a three-way choice, a condition on it, a
 * route / call / handoff, and a number question that every path passes through.
 */
function block(d: number, k: number, last: boolean, dialogs: number): string[] {
  const s = (i: number) => `s${i}`;
  const previousNumber = k >= 5 ? ` Edellinen vastaus {n${k - 5}}.` : '';
  const lines = [
    `  - id: ${s(k)}`,
    `    say: ${text(`Dialogi ${d}, vaihe ${k}.${previousNumber}`)}`,
    `    next: ${s(k + 1)}`,
    `  - id: ${s(k + 1)}`,
    '    ask:',
    `      text: ${text(`Valitse vaihtoehto ${k}`)}`,
    `      remember: v${k}`,
    '      choices:',
    `        - { id: a, label: ${text(`Ensimmäinen ${k}`)}, goto: ${s(k + 2)} }`,
    `        - { id: b, label: ${text(`Toinen ${k}`)}, goto: ${s(k + 3)}, set: { picked${k}: true } }`,
    `        - { id: c, label: ${text(`Kolmas ${k}`)}, goto: ${s(k + 4)}, topic: human }`,
    `  - id: ${s(k + 2)}`,
    '    branch:',
    `      - if: "v${k} == 'a' and not (v${k} == 'c')${k >= 5 ? ` or n${k - 5} >= 50` : ''}"`,
    `        goto: ${s(k + 3)}`,
    `      - else: ${s(k + 4)}`,
  ];
  const kind = (d + k / 5) % 3;
  if (kind === 1 && d + 1 < dialogs) {
    lines.push(`  - id: ${s(k + 3)}`, `    call: d${d + 1}`, `    next: ${s(k + 4)}`);
  } else if (kind === 2) {
    lines.push(`  - id: ${s(k + 3)}`, '    handoff:', `      queue: ${QUEUE}`, `    next: ${s(k + 4)}`);
  } else {
    lines.push(`  - id: ${s(k + 3)}`, '    route:', `      service: ${SERVICES[(d + k) % SERVICES.length]}`, '      topic: human', `    next: ${s(k + 4)}`);
  }
  if (last) {
    lines.push(`  - id: ${s(k + 4)}`, '    end:', '      feedback: true', `      text: ${text(`Kiitos, ${d}.`)}`);
  } else {
    lines.push(
      `  - id: ${s(k + 4)}`,
      '    ask:',
      '      type: number',
      `      text: ${text(`Anna luku ${k}`)}`,
      '      min: 0',
      '      max: 100',
      `      retry: ${text('Kirjoita luku 0–100.')}`,
      `      remember: n${k}`,
      `    next: ${s(k + 5)}`,
    );
  }
  return lines;
}

export function dialogYaml(d: number, id: string, stepsPerDialog: number, dialogs: number): string {
  const blocks = Math.max(1, Math.floor(stepsPerDialog / 5));
  const lines = [`id: ${id}`, 'topic: human', 'start: s0', 'steps:'];
  for (let b = 0; b < blocks; b++) lines.push(...block(d, b * 5, b === blocks - 1, dialogs));
  return `${lines.join('\n')}\n`;
}

/** Writes the content set into rootDir (created if needed) and returns what the compiler needs. */
export function generateDialogs(rootDir: string, options: { dialogs?: number; stepsPerDialog?: number } = {}): GeneratedContent {
  const dialogs = options.dialogs ?? 40;
  const stepsPerDialog = options.stepsPerDialog ?? 50;
  fs.mkdirSync(path.join(rootDir, 'dialogs'), { recursive: true });
  fs.mkdirSync(path.join(rootDir, 'content'), { recursive: true });
  for (const f of ['commands.yaml', 'engine-texts.yaml']) fs.copyFileSync(path.join(repoContent, f), path.join(rootDir, 'content', f));
  fs.writeFileSync(path.join(rootDir, 'content', 'topics.yaml'), `human:\n  dialog: main\n  label: ${text('Yleinen')}\n`);
  let steps = 0;
  for (let d = 0; d < dialogs; d++) {
    const id = d === 0 ? 'main' : `d${d}`;
    const yaml = dialogYaml(d, id, stepsPerDialog, dialogs);
    steps += (yaml.match(/^ {2}- id: /gm) ?? []).length;
    fs.writeFileSync(path.join(rootDir, 'dialogs', `${id}.yaml`), yaml);
  }
  return { rootDir, services: new Set(SERVICES), queues: new Set([QUEUE]), steps };
}
