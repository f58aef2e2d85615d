/**
 * Reads one YAML file into a `yaml` Document with a LineCounter, so every later check can point
 * at the exact node (1-based line and column) instead of at the file as a whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostic';
import { CODES, type CatCode } from './codes';

export interface YamlSource {
  /** Path as reported in diagnostics (relative to the report root, forward slashes). */
  file: string;
  abs: string;
  doc: Document.Parsed;
  lc: LineCounter;
}

/** Collects diagnostics; every check goes through here so code → severity stays consistent. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly rootDir: string) {}

  rel(abs: string): string {
    return path.relative(this.rootDir, abs).split(path.sep).join('/');
  }

  add(
    file: string,
    line: number,
    col: number,
    code: CatCode,
    message: string,
    hint?: string,
    severity: Severity = CODES[code].severity,
  ): void {
    const d: Diagnostic = { file, line, col, code, severity, message };
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }

  /** Report at a node's start; falls back to 1:1 when the node has no range (e.g. missing). */
  at(
    src: YamlSource,
    node: Node | null | undefined,
    code: CatCode,
    message: string,
    hint?: string,
    severity?: Severity,
  ): void {
    const offset = node?.range?.[0];
    const { line, col } = offset === undefined ? { line: 1, col: 1 } : src.lc.linePos(offset);
    this.add(src.file, line, col, code, message, hint, severity);
  }

  /** Report against a whole file or folder (no node to point at). */
  atFile(absOrRel: string, code: CatCode, message: string, hint?: string, severity?: Severity): void {
    const file = path.isAbsolute(absOrRel) ? this.rel(absOrRel) : absOrRel;
    this.add(file, 1, 1, code, message, hint, severity);
  }
}

/**
 * Parses a file. Syntax errors become CAT001 at the error's own position; the document is still
 * returned when `yaml` could recover, but callers skip schema checks on broken files so one typo
 * does not cascade into a dozen confusing follow-up messages.
 */
export function readYaml(abs: string, reporter: Reporter): YamlSource | undefined {
  const file = reporter.rel(abs);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (err) {
    reporter.atFile(file, 'CAT002', `expected a readable file, found ${(err as NodeJS.ErrnoException).code ?? 'an error'}`);
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lc.linePos(e.pos[0]);
      const first = e.message.split('\n')[0] ?? e.message;
      reporter.add(file, line, col, 'CAT001', `expected valid YAML, found a syntax error: ${first}`,
        'check indentation, quotes and that every key is written only once');
    }
    return undefined;
  }
  return { file, abs, doc, lc };
}

/** All `*.yaml` / `*.yml` files directly in a folder, sorted so diagnostics come out stable. */
export function yamlFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}
