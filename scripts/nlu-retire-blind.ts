/**
 * `npm run nlu:retire-blind -- <set>` (e.g. `E`)
 *
 * After a blind set has been scored once and its score written into docs/nlu-blind-scores.md, it
 * becomes a dev set: this moves eval/blind/<set>.jsonl to eval/dev/blind-<set>.jsonl, leaving out
 * the lines that are word for word training phrases (after normalising), so that training and
 * eval never share a line. Lines are copied byte for byte otherwise.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTrainingData } from '../src/nlu/trainingData';
import { overlapKey, trainingTexts } from '../src/nlu/trainingOverlap';

const repoRoot = path.resolve(__dirname, '..');

function main(): void {
  const set = process.argv[2];
  if (!set || !/^[A-Za-z0-9_-]+$/.test(set)) {
    console.error('usage: npm run nlu:retire-blind -- <set>   (the name of eval/blind/<set>.jsonl)');
    process.exit(2);
  }
  const from = path.join(repoRoot, 'eval/blind', `${set}.jsonl`);
  const to = path.join(repoRoot, 'eval/dev', `blind-${set}.jsonl`);
  if (!existsSync(from)) throw new Error(`no blind set ${from}`);
  if (existsSync(to)) throw new Error(`${to} already exists`);
  const { data } = loadTrainingData(path.join(repoRoot, 'content'));
  const train = new Set(trainingTexts(data).map(overlapKey));
  const lines = readFileSync(from, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const kept = lines.filter((l) => !train.has(overlapKey((JSON.parse(l) as { text: string }).text)));
  writeFileSync(to, kept.join('\n') + '\n');
  rmSync(from);
  console.log(`${path.relative(repoRoot, to)}: ${kept.length} lines (${lines.length - kept.length} training phrases left out)`);
}

main();
