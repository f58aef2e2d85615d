/**
 * Writes content/nlu/dictionary/<lang>.txt (src/nlu/dictionary.ts) from the word-frequency lists of
 * hermitdave/FrequencyWords (OpenSubtitles 2018; CC BY-SA 4.0), one `<lang>_50k.txt` a language:
 *
 *   npm run nlu:dictionary -- <FrequencyWords checkout>/content/2018
 *
 * Only words typo correction would look at are kept (letters only, MIN_LETTERS or more), sorted,
 * so that a new run shows as a readable diff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dictionaryFile } from '../src/nlu/dictionary';
import { resolveNluDir } from '../src/nlu/trainingData';
import { LANGS } from '../src/nlu/types';

const MIN_LETTERS = 5;

const source = process.argv[2];
if (!source) {
  console.error('usage: npm run nlu:dictionary -- <FrequencyWords>/content/2018');
  process.exit(2);
}
const nluDir = resolveNluDir(path.resolve(__dirname, '..', 'content'));
for (const lang of LANGS) {
  const lines = readFileSync(path.join(source, lang, `${lang}_50k.txt`), 'utf8').split('\n');
  const words = new Set<string>();
  for (const line of lines) {
    const w = line.split(' ')[0]?.toLowerCase().normalize('NFC') ?? '';
    if (w.length >= MIN_LETTERS && /^\p{L}+$/u.test(w)) words.add(w);
  }
  const file = dictionaryFile(nluDir, lang);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, [...words].sort().join('\n') + '\n');
  console.log(`${path.relative(process.cwd(), file)}: ${words.size} words`);
}
