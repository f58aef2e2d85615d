/**
 * Reading editor-written YAML without ever throwing: syntax errors and wrong shapes become
 * diagnostics that point at file:line:col (1-based), and the reader recovers and keeps going
 * so an editor sees every problem of a file at once.
 */
import { readFileSync } from 'node:fs';
import { Document, LineCounter, Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Diagnostic, Severity } from '../content/diagnostic';

export class YamlFile {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lines = new LineCounter();
  doc: Document | null = null;

  constructor(
    readonly absPath: string,
    /** Repository-relative path with forward slashes, as diagnostics show it. */
    readonly file: string,
  ) {}

  /** Parses the file; false (with NLU001/NLU011 diagnostics) when it cannot be used at all. */
  load(): boolean {
    let text: string;
    try {
      text = readFileSync(this.absPath, 'utf8');
    } catch (e) {
      this.report('NLU011', null, `cannot read file: ${(e as Error).message}`);
      return false;
    }
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const lp = err.linePos?.[0] ?? this.lines.linePos(err.pos[0]);
        this.diagnostics.push({
          file: this.file,
          line: lp.line,
          col: lp.col,
          code: 'NLU001',
          severity: 'error',
          message: `YAML syntax error: ${err.message.split('\n')[0]}`,
          hint: 'the whole file was skipped; check indentation, a missing ":" or an unclosed quote',
        });
      }
      return false;
    }
    this.doc = doc;
    return true;
  }

  /** `within`: characters into the node's text, to point at a part of a phrase. */
  report(code: string, node: unknown, message: string, hint?: string, severity: Severity = 'error', within = 0): void {
    const offset = ((node as Node | null)?.range?.[0] ?? 0) + within;
    const { line, col } = this.lines.linePos(offset);
    this.diagnostics.push({ file: this.file, line: Math.max(line, 1), col: Math.max(col, 1), code, severity, message, ...(hint ? { hint } : {}) });
  }

  /** Key/value pairs of a mapping node; reports NLU002 and returns [] for anything else. */
  entries(node: unknown, what: string): { key: string; keyNode: unknown; value: unknown }[] {
    if (!isMap(node)) {
      this.report('NLU002', node, `expected ${what} (a mapping of "name: ..."), found ${describe(node)}`);
      return [];
    }
    const out: { key: string; keyNode: unknown; value: unknown }[] = [];
    for (const pair of node.items) {
      if (!isScalar(pair.key)) {
        this.report('NLU002', pair.key, `expected a plain name as key in ${what}`);
        continue;
      }
      out.push({ key: String(pair.key.value), keyNode: pair.key, value: pair.value });
    }
    return out;
  }

  /**
   * Items of a list of phrases; non-text items are reported (NLU007) and skipped. `lint` may
   * find something doubtful in a phrase: reported where it is, as a warning, and kept.
   */
  strings(node: unknown, what: string, lint?: PhraseLint): string[] {
    if (node === null || node === undefined) return [];
    if (!isSeq(node)) {
      this.report('NLU002', node, `expected ${what} as a list ("- phrase" lines), found ${describe(node)}`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim()) {
        out.push(String(item.value).trim());
        const doubt = lint?.(String(item.value));
        if (doubt) this.report(doubt.code, item, doubt.message, doubt.hint, 'warning', doubt.offset + (isQuoted(item) ? 1 : 0));
      } else {
        this.report('NLU007', item, `expected a non-empty phrase in ${what}, found ${describe(item)}`, 'write each phrase as "- text" on its own line');
      }
    }
    return out;
  }

  /** The top-level mapping value at `key`, or undefined. */
  top(key: string): unknown {
    const contents = this.doc?.contents;
    if (!isMap(contents)) return undefined;
    return contents.get(key, true);
  }

  /** Reports top-level keys other than `allowed` (likely typos an editor would want to know of). */
  checkTopKeys(allowed: string[]): void {
    const contents = this.doc?.contents;
    if (contents === null || contents === undefined) return;
    for (const { key, keyNode } of this.entries(contents, 'the file')) {
      if (!allowed.includes(key)) {
        this.report('NLU002', keyNode, `unexpected top-level key "${key}"`, `expected one of: ${allowed.join(', ')}`, 'warning');
      }
    }
  }
}

/** Something doubtful at `offset` characters into a phrase (a warning; the phrase is kept). */
export type PhraseLint = (text: string) => { code: string; offset: number; message: string; hint: string } | null;

function isQuoted(item: unknown): boolean {
  return isScalar(item) && (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE');
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'an empty value' : `"${String(node.value)}"`;
  return 'something else';
}
