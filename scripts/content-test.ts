/**
 * npm run content:test — runs every conversation test (dialogs/*.test.yaml) against the real
 * engine with the demo region (or REGION), and fails if any test fails or a shipped dialog has none.
 */
import path from 'node:path';
import { formatDiagnostic } from '../src/content/diagnostic';
import { ContentStore } from '../src/engine/contentStore';
import { runConversationTests } from '../src/testing/runTests';
import { createLogger } from '../src/logging/logger';

async function main(): Promise<void> {
  const rootDir = path.resolve(process.argv[2] ?? process.cwd());
  const region = process.env.REGION || 'demo';
  const store = new ContentStore(rootDir, region, createLogger('silent'));
  const outcome = store.reload();
  if (!outcome.ok) {
    for (const d of outcome.diagnostics) console.log(formatDiagnostic(d));
    console.log('content has errors: run npm run content:check');
    process.exit(1);
  }
  const started = Date.now();
  const report = await runConversationTests(rootDir, store);
  for (const d of report.diagnostics) console.log(formatDiagnostic(d));
  for (const f of report.failed) console.log(`${f.file}:${f.line}:${f.col} FAIL "${f.test}": ${f.message}`);
  const untested = [...store.current()!.program.dialogs.keys()].filter((id) => !report.perDialog.has(id));
  for (const id of untested) console.log(`dialogs/${id}.yaml:1:1 FAIL the dialog has no conversation test (add dialogs/${id}.test.yaml)`);
  console.log(`content:test: ${report.passed} passed, ${report.failed.length} failed (${Date.now() - started} ms)`);
  process.exit(report.failed.length > 0 || report.diagnostics.length > 0 || untested.length > 0 ? 1 : 0);
}

void main();
