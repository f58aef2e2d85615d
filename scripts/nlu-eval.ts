/**
 * `npm run nlu:eval [-- [--json] [--fit-temperature] [set.jsonl ...]]`
 *
 * Without paths: scores every dev set in eval/dev/ and exits 1 when any misses the gate of
 * src/nlu/evaluate.ts (crisis caught 100 %, full-crisis false alarms ≤3 %, check-in rate ≤10 %,
 * topic accuracy ≥90 %, ECE ≤0.1). With paths: scores those sets only, e.g. a blind set
 * (`npm run nlu:eval -- eval/blind/C.jsonl`), reports the gate but never changes anything.
 * A blind set is scored once and the result written into docs/nlu-blind-scores.md (protocol: eval/blind/README.md).
 * `--fit-temperature`: fits the calibration temperature on the dev sets (never on a blind set).
 * `--tune`: compares settings of the message model, leaving one labelled set out (tune()).
 * `--rules-only`: scores without the message model (rules and phrases alone), to see its share.
 */
import path from 'node:path';
import { trainNlu } from '../src/nlu/build';
import { CrossFit } from '../src/nlu/crossFit';
import { labelledSetFiles, labelledSets } from '../src/nlu/labelledSets';
import { EvalReport, evaluate, gateFailures, readUtterances, Utterance } from '../src/nlu/evaluate';
import { loadTrainingData } from '../src/nlu/trainingData';
import { overlapping } from '../src/nlu/trainingOverlap';
import { formatDiagnostic } from '../src/content/diagnostic';

const repoRoot = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const paths = args.filter((a) => !a.startsWith('--'));

const pct = (x: number | null): string => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

function printReport(name: string, r: EvalReport, withEce: boolean): void {
  console.log(`\n== ${name} (${r.total} utterances)`);
  console.log(`topic accuracy          ${pct(r.accuracy)}`);
  console.log(`language (no hint)      ${pct(r.languageAccuracy)}   (all on the Finnish page: ${pct(r.languageAccuracyFiPage)})`);
  console.log(`crisis caught           ${pct(r.crisisCaught)}   (full response ${pct(r.crisisFull)}; ${r.crisisPositives} crisis lines)`);
  console.log(`full-crisis false alarm ${pct(r.falseAlarmRate)}   (${r.crisisNegatives} non-crisis lines)`);
  console.log(`check-in rate           ${pct(r.checkRate)}`);
  console.log(`medical emergency → 112 ${pct(r.emergencyRecall)}   (${r.emergencyPositives} emergency lines${r.emergencyPoisoning ? `; ${r.emergencyPoisoning} got the poisoning response, 112 card first but not "call 112 now"` : ''})`);
  console.log(`ECE (topic confidence)   ${r.ece === null ? 'n/a' : r.ece.toFixed(3)}`);
  console.log('topic               precision  recall  support');
  for (const [t, m] of Object.entries(r.perTopic)) console.log(`  ${t.padEnd(18)} ${pct(m.precision)}  ${pct(m.recall)}  ${String(m.support).padStart(5)}`);
  if (r.confusions.length) console.log('confusions (expected → predicted [crisis level]):');
  for (const c of r.confusions) console.log(`  ${c.expected.join('|')} → ${c.predicted} [${c.level}${c.crisisExpected === null ? '' : `, crisis ${c.crisisExpected}`}]: ${JSON.stringify(c.text)}`);
  const fails = gateFailures(r, withEce);
  console.log(fails.length ? `gate: MISSED — ${fails.join('; ')}` : 'gate: met');
}

function devSets(): { name: string; file: string }[] {
  return labelledSetFiles().filter((s) => s.name.startsWith('dev/'));
}

function fitTemperature(): void {
  const { data } = loadTrainingData(path.join(repoRoot, 'content'));
  const set: Utterance[] = devSets().flatMap((s) => readUtterances(s.file));
  let best = { t: 1, ece: Infinity };
  for (let t = 0.25; t <= 2.001; t += 0.05) {
    const r = evaluate(trainNlu(data, { temperature: t }), set);
    console.log(`T=${t.toFixed(2)}  ECE=${r.ece?.toFixed(4)}  accuracy=${pct(r.accuracy)}`);
    if (r.ece !== null && r.ece < best.ece) best = { t, ece: r.ece };
  }
  console.log(`best T=${best.t.toFixed(2)} (ECE ${best.ece.toFixed(4)} on ${set.length} dev lines)`);
}

/**
 * `--tune`: the message model's share of the topic vote and its raise / lower thresholds
 * (engine.ts), scored over every labelled set, each by a model trained without it. The rules were
 * tuned on most of these sets, so compare settings here, and judge them on the next blind set.
 */
function tune(): void {
  const { data } = loadTrainingData(path.join(repoRoot, 'content'));
  const sets = labelledSets();
  const fit = new CrossFit(trainNlu(data), data, sets);
  for (const share of [0.3, 0.5, 0.7]) {
    for (const raise of [0.8, 0.9, 1.01]) {
      for (const lower of [0, 0.02, 0.05, 0.1]) {
        const all = fit.evaluateTogether(sets, { share, raise, lower });
        console.log(`share ${share} raise ${raise} lower ${lower}: topic ${pct(all.accuracy)}  caught ${pct(all.crisisCaught)} (full ${pct(all.crisisFull)})  false alarms ${pct(all.falseAlarmRate)}  check-ins ${pct(all.checkRate)}  ECE ${all.ece?.toFixed(3)}`);
      }
    }
  }
}

function main(): number {
  if (args.includes('--fit-temperature')) {
    fitTemperature();
    return 0;
  }
  if (args.includes('--tune')) {
    tune();
    return 0;
  }
  const { data, diagnostics } = loadTrainingData(path.join(repoRoot, 'content'));
  // Every set is scored by an engine whose message model never saw it (crossFit.ts): a dev set by
  // one trained on the other labelled sets, a blind set by the production model.
  const fit = new CrossFit(trainNlu(data), data, labelledSets());
  const sets = paths.length ? paths.map((p) => ({ name: p, file: path.resolve(p) })) : devSets();
  const gated = paths.length === 0;
  const results: Record<string, EvalReport> = {};
  let failed = false;
  const read: { file: string; lines: Utterance[] }[] = [];
  for (const { name, file } of sets) {
    const set = readUtterances(file);
    read.push({ file, lines: set });
    const nlu = args.includes('--rules-only') ? fit.rulesOnly() : fit.engineFor(file);
    const report = evaluate(nlu, set);
    results[name] = report;
    if (gated && gateFailures(report, false).length) failed = true;
    if (!json) printReport(name, report, !gated);
    // A set from outside may share lines with the training content (one-word messages such as
    // "neuvola" often do): say so, and score the unseen lines on their own too.
    const shared = new Set(overlapping(set.map((u) => u.text), data));
    if (!gated && shared.size > 0) {
      const unseen = set.filter((u) => !shared.has(u.text));
      const sub = evaluate(nlu, unseen);
      results[`${name} (unseen lines)`] = sub;
      if (!json) {
        console.log(`\n${shared.size} lines of ${name} appear word for word in the training content: ${[...shared].map((t) => JSON.stringify(t)).join(', ')}`);
        printReport(`${name}, the ${unseen.length} lines not in the training content`, sub, true);
      }
    }
  }
  if (paths.length === 0) {
    const all = fit.evaluateTogether(read);
    results['dev (all)'] = all;
    if (gateFailures(all).length) failed = true;
    if (!json) printReport('dev (all sets together)', all, true);
  }
  if (json) console.log(JSON.stringify({ diagnostics, sets: results }, null, 2));
  else {
    for (const d of diagnostics) console.log(formatDiagnostic(d));
    if (gated) console.log(failed ? '\nFAIL: a dev set misses the gate' : '\nOK: every dev set meets the gate');
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
