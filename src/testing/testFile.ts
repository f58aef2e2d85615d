/**
 * Conversation test files (dialogs/<id>.test.yaml), read with positions so a failing expectation
 * is reported at its own line. Problems with the file itself are DLG023 diagnostics.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { Lang } from '../lang';
import type { SourcePosition } from '../content/diagnostic';
import { Diagnostics, positionOf, readYamlFile } from '../engine/compiler/source';

export type Expectation =
  | { kind: 'user'; text: string }
  | { kind: 'bot'; text: string }
  /** No bot message of this turn contains the text ("never the off-topic answer"). */
  | { kind: 'notBot'; text: string }
  | { kind: 'offers'; labels: string[] }
  | { kind: 'routes'; service?: string; topic?: string }
  | { kind: 'event'; name: string }
  | { kind: 'crisis' }
  | { kind: 'score'; scores: Record<string, number> };

export interface ConversationTest {
  name: string;
  lang: Lang;
  dialog: string;
  script: { step: Expectation; pos: SourcePosition }[];
  pos: SourcePosition;
}

const KINDS = ['user', 'bot', 'notBot', 'offers', 'routes', 'event', 'crisis', 'score'];

export function testFiles(rootDir: string): string[] {
  const dir = path.join(rootDir, 'dialogs');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.test\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

export function readTestFile(abs: string, rootDir: string, diags: Diagnostics): ConversationTest[] {
  const src = readYamlFile(abs, rootDir, diags);
  if (!src) return [];
  const bad = (node: Node | null | undefined, message: string) => diags.add(positionOf(src, node), 'DLG023', message);
  const root = src.root;
  if (!root || !isMap(root)) {
    bad(root, 'expected a mapping with "tests:", found something else');
    return [];
  }
  const top = root.toJSON() as { dialog?: string };
  const dialog = typeof top.dialog === 'string' ? top.dialog : 'main';
  const testsNode = root.get('tests', true) as Node | undefined;
  if (!testsNode || !isSeq(testsNode)) {
    bad(testsNode ?? root, 'expected "tests:" as a list of tests, found none');
    return [];
  }
  const out: ConversationTest[] = [];
  for (const t of testsNode.items as Node[]) {
    if (!isMap(t)) {
      bad(t, 'expected a test (name, lang, script), found something else');
      continue;
    }
    const json = (t as YAMLMap).toJSON() as { name?: unknown; lang?: unknown; dialog?: unknown };
    const lang = (json.lang ?? 'fi') as Lang;
    if (!['fi', 'sv', 'en'].includes(lang)) bad(t.get('lang', true) as Node, `expected lang fi, sv or en, found "${String(json.lang)}"`);
    const scriptNode = t.get('script', true) as Node | undefined;
    if (!scriptNode || !isSeq(scriptNode)) {
      bad(t, 'expected "script:" as a list of steps, found none');
      continue;
    }
    const script: ConversationTest['script'] = [];
    for (const s of scriptNode.items as Node[]) {
      const step = readStep(s);
      if (typeof step === 'string') bad(s, step);
      else script.push({ step, pos: positionOf(src, s) });
    }
    out.push({ name: String(json.name ?? '(unnamed)'), lang, dialog: typeof json.dialog === 'string' ? json.dialog : dialog, script, pos: positionOf(src, t) });
  }
  return out;
}

function readStep(node: Node): Expectation | string {
  if (!isMap(node) || node.items.length !== 1) return `expected one of ${KINDS.join(', ')} per script line, found something else`;
  const pair = node.items[0];
  const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
  const value = (pair.value as Node | null)?.toJSON?.() as unknown;
  switch (key) {
    case 'user':
    case 'bot':
    case 'notBot':
      return typeof value === 'string' || typeof value === 'number' ? { kind: key, text: String(value) } : `expected text after "${key}:"`;
    case 'offers':
      return Array.isArray(value) ? { kind: 'offers', labels: value.map(String) } : 'expected a list after "offers:"';
    case 'routes': {
      const v = (value ?? {}) as { service?: string; topic?: string };
      return { kind: 'routes', service: v.service, topic: v.topic };
    }
    case 'event':
      return typeof value === 'string' ? { kind: 'event', name: value } : 'expected an event name after "event:"';
    case 'crisis':
      return { kind: 'crisis' };
    case 'score': {
      const v = value as Record<string, unknown> | null;
      const ok = !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((n) => typeof n === 'number');
      return ok ? { kind: 'score', scores: v as Record<string, number> } : 'expected "score: { <name>: <points> }" after "score:"';
    }
    default:
      return `expected one of ${KINDS.join(', ')}, found "${key}"`;
  }
}
