/**
 * The messages the NLU benchmark times and `npm run nlu:compare` checks: the dev sets, deterministic
 * recombinations of their words (mostly unseen by the memo caches, as real traffic would be), and
 * inputs of up to 4,000 characters built to be slow: one 4,000-letter word (the Snowball stemmer is
 * quadratic in word length), unseen random words (typo correction), dev messages pasted together
 * (every pattern gets many starting points). Both tools use the same inputs so what is timed is
 * what is checked.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readUtterances, Utterance } from '../src/nlu/evaluate';
// The same generator as everywhere (mulberry32), so every run sees the same messages.
import { seededRandom } from '../src/seededRandom';

export const LONG_CHARS = 4000;


/** Every line of eval/dev/*.jsonl, files in name order. */
export function devUtterances(repoRoot: string): (Utterance & { file: string })[] {
  const dir = path.join(repoRoot, 'eval/dev');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readUtterances(path.join(dir, f)).map((u) => ({ ...u, file: f })));
}

/** The dev texts, then recombinations of their words (1–7 words each) up to `count` messages. */
export function ordinaryMessages(repoRoot: string, count: number): string[] {
  const texts = devUtterances(repoRoot).map((u) => u.text);
  const words = texts.flatMap((t) => t.split(/\s+/));
  const rand = seededRandom(42);
  const out = [...texts];
  while (out.length < count) {
    const n = 1 + Math.floor(rand() * 7);
    out.push(Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' '));
  }
  return out;
}

/** `count` inputs of LONG_CHARS characters, the three kinds in turn. */
export function longMessages(ordinary: readonly string[], count: number): string[] {
  const rand = seededRandom(7);
  const letters = 'abcdefghijklmnopqrstuvwxyzäöå';
  const word = (n: number): string => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
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
