/**
 * NLU benchmark, imported by bench/run.ts: classify-one-message latency and training time on the
 * shipped content. Ordinary messages are the dev sets plus deterministic recombinations of their
 * words, so most are unseen by the memo caches, as real traffic would be. Long messages are
 * inputs of up to 4,000 characters built to be slow: one 4,000-letter word (the Snowball stemmer
 * is quadratic in word length), unseen random words (typo correction), dev messages pasted
 * together (every pattern gets many starting points). Targets (issue #10): p99 < 1 ms ordinary,
 * < 5 ms long.
 */
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
}

const repoRoot = path.resolve(__dirname, '..');
const contentDir = path.join(repoRoot, 'content');
const MESSAGES = 5000;
const LONG_MESSAGES = 300;
const WARMUP = 500;
const TRAIN_RUNS = 15;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Process CPU time in ms (user + system, all threads): unlike wall time it does not count the
 * time this process waits for a core, which on a shared, loaded machine dominates a p99. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall-clock and CPU times of classifying each message, each sorted. */
function timed(nlu: { classify(t: string): unknown }, msgs: readonly string[]): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const m of msgs) {
    const c0 = cpuMs();
    const t0 = performance.now();
    nlu.classify(m);
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

export async function run(): Promise<BenchResult[]> {
  const { nlu } = buildNlu(contentDir);
  const msgs = ordinaryMessages(repoRoot, MESSAGES + WARMUP);
  for (let i = 0; i < WARMUP; i++) nlu.classify(msgs[i]);
  const ordinary = timed(nlu, msgs.slice(WARMUP, WARMUP + MESSAGES));
  const long = timed(nlu, longMessages(msgs.slice(0, 400), LONG_MESSAGES));

  const train: number[] = [];
  for (let i = 0; i < TRAIN_RUNS; i++) {
    const t0 = performance.now();
    buildNlu(contentDir);
    train.push(performance.now() - t0);
  }
  train.sort((a, b) => a - b);

  return [
    { name: 'nlu.classify (one message)', unit: 'ms', median: quantile(ordinary.wall, 0.5), p99: quantile(ordinary.wall, 0.99), samples: MESSAGES },
    { name: 'nlu.classify (one message, CPU time)', unit: 'ms', median: quantile(ordinary.cpu, 0.5), p99: quantile(ordinary.cpu, 0.99), samples: MESSAGES },
    { name: `nlu.classify (long, ${LONG_CHARS} chars)`, unit: 'ms', median: quantile(long.wall, 0.5), p99: quantile(long.wall, 0.99), samples: LONG_MESSAGES },
    { name: `nlu.classify (long, ${LONG_CHARS} chars, CPU time)`, unit: 'ms', median: quantile(long.cpu, 0.5), p99: quantile(long.cpu, 0.99), samples: LONG_MESSAGES },
    { name: 'nlu.build (load + train shipped content)', unit: 'ms', median: quantile(train, 0.5), p99: quantile(train, 0.99), samples: train.length },
  ];
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
