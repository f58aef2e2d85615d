/**
 * NLU benchmark, imported by bench/run.ts (`npm run bench -- nlu`, or alone:
 * `npx tsx bench/nlu.bench.ts`): classify-one-message latency and training time on the shipped
 * content, over the inputs of bench/nluInputs.ts (dev texts and recombinations of their words;
 * 4,000-character inputs of three kinds, each reported on its own). Targets (issue #10 item 9):
 * p99 < 1 ms ordinary, < 5 ms for any input up to 4,000 characters; the note under the table says
 * OK or MISSED for each.
 *
 * The machine is shared (2 cores, other helpers' jobs), so wall-clock tails are mostly time spent
 * waiting for a core. Every classification is therefore timed twice: wall clock, and the process's
 * CPU time (process.cpuUsage: user + system of all its threads, so V8's background GC and compiler
 * threads count too, which makes it pessimistic, but waiting does not), and per message the
 * smaller of the two, which bounds the main thread's own time from above (it can exceed neither).
 * Everything is measured BENCH_RUNS times (default 3, at least 2), each on a freshly trained
 * engine, and per message the smallest wall time of the runs is reported too: an interruption
 * (another process, a GC pause) rarely hits the same message in every run, so that figure is the
 * work itself and stable from one bench to the next. The verdict is taken on each message's
 * smallest min(wall, CPU) of the runs, which leaves out waiting and interruptions both. The load
 * average is printed beside the figures; wall says what a resident would have waited then.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildNlu } from '../src/nlu';
import { LONG_CHARS, longMessages, ordinaryMessages } from './nluInputs';

export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  p99?: number;
  samples: number;
  /** Printed under the table (bench/run.ts). */
  note?: string;
}

const repoRoot = path.resolve(__dirname, '..');
const contentDir = path.join(repoRoot, 'content');
const MESSAGES = 5000;
const LONG_MESSAGES = 600;
const WARMUP = 500;
const TRAIN_RUNS = 15;
const RUNS = Math.max(2, Number(process.env.BENCH_RUNS ?? 3));
const ORDINARY_TARGET_MS = 1;
const LONG_TARGET_MS = 5;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Process CPU time in ms (user + system, all threads): unlike wall time it does not count the
 * time this process waits for a core, which on a shared, loaded machine dominates a p99. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Times {
  /** Wall times in message order (the others are sorted). */
  inOrder: number[];
  /** min(wall, CPU) in message order. */
  boundInOrder: number[];
  wall: number[];
  cpu: number[];
  /** Per message min(wall, CPU): the main thread's own time can exceed neither. */
  bound: number[];
}

/** Wall-clock, CPU and bound times of classifying each message, each sorted. */
function timed(nlu: { classify(t: string): unknown }, msgs: readonly string[]): Times {
  const t: Times = { inOrder: [], boundInOrder: [], wall: [], cpu: [], bound: [] };
  for (const m of msgs) {
    const c0 = cpuMs();
    const t0 = performance.now();
    nlu.classify(m);
    const wall = performance.now() - t0;
    const cpu = cpuMs() - c0;
    t.wall.push(wall);
    t.cpu.push(cpu);
    t.bound.push(Math.min(wall, cpu));
  }
  const sorted = (xs: number[]): number[] => xs.sort((a, b) => a - b);
  return { inOrder: t.wall, boundInOrder: t.bound, wall: sorted([...t.wall]), cpu: sorted(t.cpu), bound: sorted([...t.bound]) };
}

/** The three kinds of long input (bench/nluInputs.ts), in the order longMessages() makes them. */
const LONG_KINDS = ['one 4,000-letter word', 'random words', 'real messages pasted together'];

/** Per message the smallest wall time of the runs (sorted). */
function minOfRuns(runs: readonly (readonly number[])[]): number[] {
  return runs[0].map((x, i) => Math.min(x, ...runs.slice(1).map((r) => r[i]))).sort((a, b) => a - b);
}

function rows(name: string, t: Times, fastest: number[]): BenchResult[] {
  const row = (suffix: string, xs: number[]): BenchResult => ({ name: `${name}${suffix}`, unit: 'ms', median: quantile(xs, 0.5), p99: quantile(xs, 0.99), samples: xs.length });
  return [row('', t.wall), row(', CPU time', t.cpu), row(', min(wall, CPU)', t.bound), row(`, wall, min of ${RUNS} runs`, fastest)];
}

/** "OK"/"MISSED" lines for the targets, on the p99 of each message's smallest min(wall, CPU) over the runs. */
function verdicts(sets: { name: string; fastest: number[]; target: number }[]): string {
  const lines = sets.map(({ name, fastest, target }) => {
    const p99 = quantile(fastest, 0.99);
    return `  ${name}: p99 ${p99.toFixed(3)} ms (median ${quantile(fastest, 0.5).toFixed(3)}) < ${target} ms ${p99 < target ? 'OK' : 'MISSED'}`;
  });
  return `nlu targets (issue #10 item 9; per message the smallest min(wall, CPU) of ${RUNS} runs):\n${lines.join('\n')}`;
}

/** Every timing of one freshly trained engine: ordinary messages after a warm-up, then each long kind. */
function measure(msgs: readonly string[], long: readonly string[]): { ordinary: Times; byKind: Times[] } {
  const { nlu } = buildNlu(contentDir);
  for (let i = 0; i < WARMUP; i++) nlu.classify(msgs[i]);
  const ordinary = timed(nlu, msgs.slice(WARMUP, WARMUP + MESSAGES));
  const byKind = LONG_KINDS.map((_, k) => timed(nlu, long.filter((__, i) => i % LONG_KINDS.length === k)));
  return { ordinary, byKind };
}

export async function run(): Promise<BenchResult[]> {
  const load = os.loadavg();
  const msgs = ordinaryMessages(repoRoot, MESSAGES + WARMUP);
  const long = longMessages(msgs.slice(0, 400), LONG_MESSAGES);
  // Independent runs on fresh engines: an interruption (another process, a GC pause) rarely hits
  // the same message in all of them, so the per-message minimum is close to the work itself.
  const runs = Array.from({ length: RUNS }, () => measure(msgs, long));
  const first = runs[0];
  const ordinaryFastest = minOfRuns(runs.map((r) => r.ordinary.inOrder));
  const longFastest = LONG_KINDS.map((_, k) => minOfRuns(runs.map((r) => r.byKind[k].inOrder)));
  // The verdict: per message the smallest min(wall, CPU) of the runs, neither the time spent
  // waiting for a core (wall) nor other threads' time (CPU) in it, and no interruption that hit
  // only some runs: the figure least moved by a loaded machine.
  const ordinaryWork = minOfRuns(runs.map((r) => r.ordinary.boundInOrder));
  const longWork = LONG_KINDS.map((_, k) => minOfRuns(runs.map((r) => r.byKind[k].boundInOrder)));

  const train: number[] = [];
  for (let i = 0; i < TRAIN_RUNS; i++) {
    const t0 = performance.now();
    buildNlu(contentDir);
    train.push(performance.now() - t0);
  }
  train.sort((a, b) => a - b);
  const after = os.loadavg();
  const verdict = verdicts([
    { name: 'ordinary message', fastest: ordinaryWork, target: ORDINARY_TARGET_MS },
    ...LONG_KINDS.map((kind, k) => ({ name: `${LONG_CHARS} chars, ${kind}`, fastest: longWork[k], target: LONG_TARGET_MS })),
  ]);

  return [
    ...rows('nlu.classify (one message)', first.ordinary, ordinaryFastest),
    ...LONG_KINDS.flatMap((kind, k) => rows(`nlu.classify (${LONG_CHARS} chars: ${kind})`, first.byKind[k], longFastest[k])),
    {
      name: 'nlu.build (load + train shipped content)',
      unit: 'ms',
      median: quantile(train, 0.5),
      p99: quantile(train, 0.99),
      samples: train.length,
      note: `nlu: load average ${load.map((x) => x.toFixed(1)).join(' ')} before, ${after.map((x) => x.toFixed(1)).join(' ')} after, ${os.cpus().length} cores; CPU time = the process's user + system time (all its threads), wall = what a resident waited; the first run's wall, CPU and min(wall, CPU), and the fastest of ${RUNS} runs per message\n${verdict}`,
    },
  ];
}

if (require.main === module) {
  run().then((r) => {
    for (const x of r) console.log(`${x.name.padEnd(62)} median ${x.median.toFixed(3).padStart(8)}  p99 ${(x.p99 ?? 0).toFixed(3).padStart(8)} ${x.unit}  (${x.samples})`);
    for (const x of r) if (x.note) console.log(x.note);
  });
}
