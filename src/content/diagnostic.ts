/**
 * A diagnostic is what every content check returns instead of throwing: the dialog compiler, the
 * service-catalogue loader and the region-pack checks all speak this one shape, so
 * `npm run content:check` can print them together as `file:line:col code message`.
 *
 * Positions are 1-based (line and column), as editors show them.
 */
export type Severity = 'error' | 'warning';

export interface SourcePosition {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
}

export interface Diagnostic extends SourcePosition {
  /** Stable code from the catalogue in docs/diagnostics.md, e.g. "DLG001". */
  code: string;
  severity: Severity;
  /** What was expected and what was found. */
  message: string;
  /** How to fix it, where one helps. */
  hint?: string;
}

/** `file:line:col code message` (plus the hint), the format editors and CI read. */
export function formatDiagnostic(d: Diagnostic): string {
  const base = `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`;
  return d.hint ? `${base} (hint: ${d.hint})` : base;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
