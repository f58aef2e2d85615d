/**
 * Compiles dialogs/*.yaml and the engine's content into a Program. Never throws: every problem is
 * a diagnostic with file, line and column, and all of them come back at once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../content/diagnostic';
import type { DialogScript, Program } from '../program';
import { checkChoices } from './choices';
import { closest, FieldReader } from './fields';
import { checkFlow } from './flow';
import { ReadDialog, readDialog, Reference } from './readDialog';
import { readCommands, readEngineTexts, readTopics, TOPIC_NAMES } from './readSupport';
import { isEditorTempFile } from '../editorFiles';
import { Diagnostics, readYamlFile } from './source';
import { checkCallArguments } from './readParams';
import { checkScores } from './scores';
import { checkVariables } from './variables';

/** What the compiler needs to know about the service catalogue of the region being compiled. */
export interface CatalogueFacts {
  services: ReadonlySet<string>;
  queues: ReadonlySet<string>;
}

export interface CompileResult {
  program: Program;
  diagnostics: Diagnostic[];
}

export function dialogFiles(rootDir: string): string[] {
  const dir = path.join(rootDir, 'dialogs');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !/\.test\.ya?ml$/.test(e.name) && !isEditorTempFile(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** A hash of every content file: the content version conversations carry in their state. */
export function contentVersion(rootDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      if (isEditorTempFile(entry.name)) continue; // e.g. an Emacs lock file: a dangling symlink
      if (entry.isDirectory()) walk(abs);
      else if (/\.(ya?ml|json)$/.test(entry.name)) hash.update(entry.name).update(fs.readFileSync(abs));
    }
  };
  walk(path.join(rootDir, 'dialogs'));
  walk(path.join(rootDir, 'content'));
  return hash.digest('hex').slice(0, 12);
}

export function compileProgram(rootDir: string, facts: CatalogueFacts): CompileResult {
  const diags = new Diagnostics();
  const read: ReadDialog[] = [];
  for (const abs of dialogFiles(rootDir)) {
    const src = readYamlFile(abs, rootDir, diags);
    if (!src) continue;
    const expectedId = path.basename(abs).replace(/\.ya?ml$/, '');
    const result = readDialog(new FieldReader(src, diags), src.root, expectedId);
    if (result) read.push(result);
  }
  const commands = readCommands(rootDir, diags);
  const texts = readEngineTexts(rootDir, diags);
  const topicRefs: { name: string; pos: Reference['pos'] }[] = [];
  const topics = readTopics(rootDir, diags, topicRefs);

  const dialogs = new Map<string, DialogScript>();
  for (const r of read) {
    if (dialogs.has(r.script.id)) {
      diags.add(r.script.positions.values().next().value ?? { file: r.script.file, line: 1, col: 1 }, 'DLG007',
        `expected dialog ids to be unique, found "${r.script.id}" in ${dialogs.get(r.script.id)!.file} and ${r.script.file}`);
      continue;
    }
    dialogs.set(r.script.id, r.script);
  }
  for (const r of read) {
    checkReferences(r, dialogs, facts, diags);
    checkFlow(r.script, diags);
    checkVariables(r.script, r.varUses, diags);
    checkChoices(r.script, r.choicePositions, commands, diags);
    checkScores(r.script, r.varUses, diags);
    for (const call of r.calls) checkCallArguments(call, dialogs.get(call.dialog)?.params, (pos, message, hint) => diags.add(pos, 'DLG028', message, hint));
  }
  for (const ref of topicRefs) {
    if (!dialogs.has(ref.name)) diags.add(ref.pos, 'DLG009', `expected a dialog "${ref.name}" in dialogs/, found none`, hintFor(ref.name, [...dialogs.keys()]));
  }
  if (!dialogs.has('main')) diags.add({ file: 'dialogs/main.yaml', line: 1, col: 1 }, 'DLG009', 'expected the main dialog dialogs/main.yaml, found none');

  const program: Program = {
    version: contentVersion(rootDir),
    dialogs,
    commands: commands ?? {
      restart: emptyLists(), stop: emptyLists(), back: emptyLists(), help: emptyLists(), human: emptyLists(), language: emptyLists(), greeting: emptyLists(),
      answers: { yes: emptyLists(), no: emptyLists(), unsure: emptyLists(), filler: emptyLists() },
    },
    texts,
    topics,
  };
  return { program, diagnostics: diags.list };
}

function emptyLists() {
  return { fi: [], sv: [], en: [] };
}

function hintFor(name: string, known: string[]): string | undefined {
  const suggestion = closest(name, known);
  return suggestion ? `did you mean "${suggestion}"?` : undefined;
}

function checkReferences(r: ReadDialog, dialogs: Map<string, DialogScript>, facts: CatalogueFacts, diags: Diagnostics): void {
  const steps = [...r.script.steps.keys()];
  for (const ref of r.refs) {
    switch (ref.kind) {
      case 'step':
        if (!r.script.steps.has(ref.name)) {
          diags.add(ref.pos, 'DLG008', `expected a step "${ref.name}" in dialog "${r.script.id}", found none`, hintFor(ref.name, steps));
        }
        break;
      case 'dialog':
        if (!dialogs.has(ref.name)) diags.add(ref.pos, 'DLG009', `expected a dialog "${ref.name}" in dialogs/, found none`, hintFor(ref.name, [...dialogs.keys()]));
        break;
      case 'service':
        if (!facts.services.has(ref.name)) diags.add(ref.pos, 'DLG010', `expected a service "${ref.name}" in the catalogue, found none`, hintFor(ref.name, [...facts.services]));
        break;
      case 'queue':
        if (!facts.queues.has(ref.name)) diags.add(ref.pos, 'DLG011', `expected a counsellor queue "${ref.name}" in the region pack, found none`, hintFor(ref.name, [...facts.queues]));
        break;
      case 'topic':
        if (!(TOPIC_NAMES as readonly string[]).includes(ref.name)) {
          diags.add(ref.pos, 'DLG012', `expected a topic (${TOPIC_NAMES.join(', ')}), found "${ref.name}"`, hintFor(ref.name, [...TOPIC_NAMES]));
        }
        break;
    }
  }
}
