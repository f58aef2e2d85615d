/**
 * `npm run nlu:eval [-- --json]`: scores the NLU on the shared dev set and our held-out set.
 * Exits non-zero when crisis recall on any set is below 100 %: missing a resident in crisis is
 * the one regression we never ship.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildNlu } from '../src/nlu';
import { EvalReport, evaluate, readUtterances } from '../src/nlu/evaluate';
import { formatDiagnostic } from '../src/content/diagnostic';

const repoRoot = path.resolve(__dirname, '..');
const sets = [
  { name: 'dev', file: path.resolve(repoRoot, '../shared/eval/utterances-dev.jsonl') },
  { name: 'heldout', file: path.resolve(repoRoot, 'eval/utterances-heldout.jsonl') },
  { name: 'stress', file: path.resolve(repoRoot, 'eval/utterances-stress.jsonl') },
];
const json = process.argv.includes('--json');

const pct = (x: number | null): string => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

function printReport(name: string, file: string, r: EvalReport): void {
  console.log(`\n== ${name} (${path.relative(repoRoot, file)}, ${r.total} utterances)`);
  console.log(`topic accuracy        ${pct(r.accuracy)}`);
  console.log(`language accuracy     ${pct(r.languageAccuracy)}`);
  console.log(`crisis recall         ${pct(r.crisisRecall)}  (${r.crisisPositives} crisis utterances)`);
  console.log(`crisis false positive ${pct(r.crisisFalsePositiveRate)}  (${r.crisisNegatives} non-crisis utterances)`);
  console.log('topic               precision  recall  support');
  for (const [t, m] of Object.entries(r.perTopic)) {
    console.log(`  ${t.padEnd(18)} ${pct(m.precision)}  ${pct(m.recall)}  ${String(m.support).padStart(5)}`);
  }
  if (r.confusions.length) console.log('confusions (expected → predicted):');
  for (const c of r.confusions) {
    const crisis = c.crisisExpected !== null && c.crisisExpected !== c.crisisPredicted ? `  [crisis expected ${c.crisisExpected}, got ${c.crisisPredicted}]` : '';
    console.log(`  ${c.expected.join('|')} → ${c.predicted}: ${JSON.stringify(c.text)}${crisis}`);
  }
}

function main(): number {
  const { nlu, diagnostics } = buildNlu(path.join(repoRoot, 'content'));
  const results: Record<string, EvalReport | { skipped: string }> = {};
  let failed = false;
  for (const { name, file } of sets) {
    if (!existsSync(file)) {
      results[name] = { skipped: `not found: ${file}` };
      if (!json) console.log(`\n== ${name}: skipped, ${file} not found`);
      continue;
    }
    const report = evaluate(nlu, readUtterances(file));
    results[name] = report;
    if (report.crisisRecall !== null && report.crisisRecall < 1) failed = true;
    if (!json) printReport(name, file, report);
  }
  if (json) {
    console.log(JSON.stringify({ diagnostics, sets: results }, null, 2));
  } else {
    for (const d of diagnostics) console.log(formatDiagnostic(d));
    console.log(failed ? '\nFAIL: crisis recall below 100 %' : '\nOK: crisis recall 100 % on every set');
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
