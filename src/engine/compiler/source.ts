/**
 * Reading YAML with positions: every value the compiler keeps remembers where it was written, so
 * a check that runs much later can still say `file:line:col`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Diagnostic, SourcePosition } from '../../content/diagnostic';
import { DLG, DlgCode } from './codes';

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(pos: SourcePosition, code: DlgCode, message: string, hint?: string): void {
    const d: Diagnostic = { ...pos, code, severity: DLG[code].severity, message };
    if (hint) d.hint = hint;
    this.list.push(d);
  }
}

export interface YamlFile {
  file: string;
  root: Node | null;
  lc: LineCounter;
}

export function relativePath(rootDir: string, abs: string): string {
  return path.relative(rootDir, abs).split(path.sep).join('/');
}

/** Parses a file; syntax errors become DLG001 and the file is skipped (no cascade of follow-ups). */
export function readYamlFile(abs: string, rootDir: string, diags: Diagnostics): YamlFile | null {
  const file = relativePath(rootDir, abs);
  const text = fs.readFileSync(abs, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lc.linePos(e.pos[0]);
      diags.add({ file, line, col }, 'DLG001', `expected valid YAML, found: ${e.message.split('\n')[0]}`,
        'check the indentation and quotes on this line');
    }
    return null;
  }
  return { file, root: doc.contents as Node | null, lc };
}

export function positionOf(src: YamlFile, node: Node | null | undefined, offset = 0): SourcePosition {
  const start = node?.range?.[0];
  if (start === undefined) return { file: src.file, line: 1, col: 1 };
  const { line, col } = src.lc.linePos(start + offset);
  return { file: src.file, line, col };
}

export function describe(node: Node | null | undefined): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'an empty value' : `${typeof node.value} "${String(node.value)}"`;
  return 'something else';
}

/** The entries of a mapping node as [key, keyNode, valueNode]. */
export function entries(map: YAMLMap): [string, Node, Node | null][] {
  return map.items.map((pair) => [String((pair.key as Node & { value?: unknown })?.toJSON?.() ?? pair.key), pair.key as Node, (pair.value ?? null) as Node | null]);
}

export function isMapNode(node: Node | null | undefined): node is YAMLMap {
  return !!node && isMap(node);
}
export function isSeqNode(node: Node | null | undefined): node is YAMLSeq {
  return !!node && isSeq(node);
}
export function scalarValue(node: Node | null | undefined): unknown {
  return node && isScalar(node) ? node.value : undefined;
}
