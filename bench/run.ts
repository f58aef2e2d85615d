/**
 * npm run bench: runs every bench module, prints a table of medians (and p99 where given), the
 * 2,000-step compile time and the load targets (turns.bench.ts) against their targets, and writes
 * bench/results.json. `npm run bench -- turns` runs only the named modules;
 * `BENCH_PROFILE=1 npm run bench -- turns` profiles a turn instead (docs/performance.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as compileBench from './compile.bench';
import * as nluBench from './nlu.bench';
import * as statisticsBench from './statistics.bench';
import type { BenchResult } from './nlu.bench';
import * as turnsBench from './turns.bench';

const MODULES: [string, { run(): Promise<BenchResult[]> }][] = [
  ['nlu', nluBench],
  ['compile', compileBench],
  ['statistics', statisticsBench],
  ['turns', turnsBench],
  ['client', require('./client.bench')], // Chromium on Fast-3G: our chat client and Web Chat (issue #13)
];

const fmt = (n: number | undefined) => (n === undefined ? '' : n < 1 ? n.toFixed(3) : n.toFixed(1));

async function main(): Promise<number> {
  const results: (BenchResult & { module: string })[] = [];
  const failures: string[] = [];
  const only = process.argv.slice(2);
  for (const [name, mod] of MODULES) {
    if (only.length > 0 && !only.includes(name)) continue;
    try {
      for (const r of await mod.run()) results.push({ module: name, ...r });
    } catch (err) {
      failures.push(`${name}: ${(err as Error).message}`);
    }
  }

  const rows = [['benchmark', 'median', 'p99', 'unit', 'samples'], ...results.map((r) => [r.name, fmt(r.median), fmt(r.p99), r.unit, String(r.samples)])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }

  for (const r of results) if (r.note) console.log(r.note);

  const big = results.find((r) => r.name === compileBench.GENERATED_NAME);
  const ratio = big ? big.median / compileBench.TARGET_MS : undefined;
  if (big && ratio !== undefined) {
    console.log(`\n2,000-step compile: ${fmt(big.median)} ms median = ${(ratio * 100).toFixed(0)}% of the ${compileBench.TARGET_MS} ms target (ratio ${ratio.toFixed(2)}) ${ratio <= 1 ? 'OK' : 'OVER TARGET'}`);
  }
  const targets = turnsBench.report();
  if (targets.length > 0) console.log(`\nLoad targets (issue #14):\n${targets.map((t) => `  ${t}`).join('\n')}`);
  for (const f of failures) console.error(`FAILED ${f}`);

  const out = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    results,
    compileTarget: { name: compileBench.GENERATED_NAME, targetMs: compileBench.TARGET_MS, ratio },
    loadTargets: turnsBench.checks,
    failures,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(__dirname, 'results.json'))}`);
  return failures.length > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
