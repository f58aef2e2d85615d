/**
 * Dialog compiler benchmark, imported by bench/run.ts: compile time of the shipped content and of
 * a generated 2,000-step content set (bench/generateDialogs.ts), whose target is under 300 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogueFacts, listRegions, loadCatalogue } from '../src/content/catalogue';
import { formatDiagnostic } from '../src/content/diagnostic';
import { CatalogueFacts, compileProgram } from '../src/engine/compiler/compile';
import { generateDialogs } from './generateDialogs';
import type { BenchResult } from './nlu.bench';

export type { BenchResult };

const repoRoot = path.resolve(__dirname, '..');
const RUNS = 20;
const WARMUP = 3;
/** The 2,000-step content set should compile in under this many milliseconds. */
export const TARGET_MS = 300;
export const GENERATED_NAME = 'compile: generated 40 dialogs × 50 steps (2,000 steps)';

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function shippedFacts(): CatalogueFacts {
  const contentDir = path.join(repoRoot, 'content');
  const services = new Set<string>();
  const queues = new Set<string>();
  for (const region of listRegions(contentDir)) {
    // The ids and roles dialogs may name, exactly as the server gives them to the compiler.
    const facts = catalogueFacts(loadCatalogue(contentDir, region, { rootDir: repoRoot }).catalogue);
    facts.services.forEach((id) => services.add(id));
    facts.queues.forEach((id) => queues.add(id));
  }
  return { services, queues };
}

/** Compiles rootDir WARMUP + RUNS times; fails loudly if the content has an error. */
function measure(name: string, rootDir: string, facts: CatalogueFacts, requireClean: boolean): BenchResult {
  const first = compileProgram(rootDir, facts).diagnostics;
  const errors = first.filter((d) => d.severity === 'error' || requireClean);
  if (errors.length > 0) {
    throw new Error(`${name}: expected content that compiles cleanly, found ${errors.length} diagnostic(s):\n${errors.slice(0, 20).map(formatDiagnostic).join('\n')}`);
  }
  for (let i = 1; i < WARMUP; i++) compileProgram(rootDir, facts);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    compileProgram(rootDir, facts);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, unit: 'ms', median: quantile(times, 0.5), p99: quantile(times, 0.99), samples: times.length };
}

export async function run(): Promise<BenchResult[]> {
  const shippedSteps = [...compileProgram(repoRoot, shippedFacts()).program.dialogs.values()].reduce((n, d) => n + d.steps.size, 0);
  const shipped = measure(`compile: shipped dialogs (${shippedSteps} steps)`, repoRoot, shippedFacts(), false);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-bench-'));
  try {
    const generated = generateDialogs(tmp);
    if (generated.steps !== 2000) throw new Error(`expected 2,000 generated steps, found ${generated.steps}`);
    const big = measure(GENERATED_NAME, tmp, generated, true);
    return [shipped, big];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
