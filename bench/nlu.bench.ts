/**
 * NLU benchmark, imported by bench/run.ts: classify-one-message latency and training time on the
 * shipped content. Ordinary messages are the dev sets plus deterministic recombinations of their
 * words, so most are unseen by the memo caches, as real traffic would be. Long messages are
 * inputs of up to 4,000 characters built to be slow: one 4,000-letter word (the Snowball stemmer
 * is quadratic in word length), unseen random words (typo correction), dev messages pasted
 * together (every pattern gets many starting points). Targets (issue #10): p99 < 1 ms ordinary,
 * < 5 ms long.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildNlu } from '../src/nlu';
import { readUtterances } from '../src/nlu/evaluate';

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
const LONG_CHARS = 4000;
const WARMUP = 500;
const TRAIN_RUNS = 15;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A small deterministic PRNG (mulberry32) so every run measures the same messages. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function messages(): string[] {
  const texts: string[] = [];
  const dev = path.join(repoRoot, 'eval/dev');
  for (const f of readdirSync(dev).filter((n) => n.endsWith('.jsonl'))) texts.push(...readUtterances(path.join(dev, f)).map((u) => u.text));
  const words = texts.flatMap((t) => t.split(/\s+/));
  const rand = rng(42);
  const out = [...texts];
  while (out.length < MESSAGES + WARMUP) {
    const n = 1 + Math.floor(rand() * 7);
    out.push(Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' '));
  }
  return out;
}

/** Long inputs, each up to LONG_CHARS characters, three kinds in turn. */
function longMessages(ordinary: readonly string[]): string[] {
  const rand = rng(7);
  const letters = 'abcdefghijklmnopqrstuvwxyzäöå';
  const word = (n: number): string => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
  const out: string[] = [];
  for (let i = 0; out.length < LONG_MESSAGES; i++) {
    let m: string;
    if (i % 3 === 0) m = word(LONG_CHARS);
    else if (i % 3 === 1) {
      m = '';
      while (m.length < LONG_CHARS) m += `${word(2 + Math.floor(rand() * 12))} `;
    } else {
      m = '';
      while (m.length < LONG_CHARS) m += `${ordinary[Math.floor(rand() * ordinary.length)]}. `;
    }
    out.push(m.slice(0, LONG_CHARS));
  }
  return out;
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
  const msgs = messages();
  for (let i = 0; i < WARMUP; i++) nlu.classify(msgs[i]);
  const ordinary = timed(nlu, msgs.slice(WARMUP, WARMUP + MESSAGES));
  const long = timed(nlu, longMessages(msgs.slice(0, 400)));

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
