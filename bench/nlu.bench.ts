/**
 * NLU benchmark, imported by bench/run.ts: classify-one-message latency and training time on the
 * shipped content. Messages are the eval sets plus deterministic recombinations of their words,
 * so most are unseen by the memo caches, as real traffic would be.
 */
import { existsSync } from 'node:fs';
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
  for (const f of [path.resolve(repoRoot, '../shared/eval/utterances-dev.jsonl'), path.join(repoRoot, 'eval/utterances-heldout.jsonl')]) {
    if (existsSync(f)) texts.push(...readUtterances(f).map((u) => u.text));
  }
  const words = texts.flatMap((t) => t.split(/\s+/));
  const rand = rng(42);
  const out = [...texts];
  while (out.length < MESSAGES + WARMUP) {
    const n = 1 + Math.floor(rand() * 7);
    out.push(Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' '));
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const { nlu } = buildNlu(contentDir);
  const msgs = messages();
  for (let i = 0; i < WARMUP; i++) nlu.classify(msgs[i]);
  const times: number[] = [];
  for (let i = WARMUP; i < WARMUP + MESSAGES; i++) {
    const t0 = performance.now();
    nlu.classify(msgs[i]);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  const train: number[] = [];
  for (let i = 0; i < TRAIN_RUNS; i++) {
    const t0 = performance.now();
    buildNlu(contentDir);
    train.push(performance.now() - t0);
  }
  train.sort((a, b) => a - b);

  return [
    { name: 'nlu.classify (one message)', unit: 'ms', median: quantile(times, 0.5), p99: quantile(times, 0.99), samples: times.length },
    { name: 'nlu.build (load + train shipped content)', unit: 'ms', median: quantile(train, 0.5), p99: quantile(train, 0.99), samples: train.length },
  ];
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
