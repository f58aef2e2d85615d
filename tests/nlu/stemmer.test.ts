import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../../src/nlu/fold';
import { normalise } from '../../src/nlu/normalise';
import { snowball, snowballOriginal } from '../../src/nlu/snowballFast';
import { ALGORITHM, stem } from '../../src/nlu/stemmer';
import { tokenise } from '../../src/nlu/tokenise';
import { contentDir, repoRoot, shippedNlu } from './helpers';

describe('Finnish stemming (snowball-stemmers)', () => {
  it('strips case endings from inflected forms', () => {
    expect(stem('päihdepalveluihin', 'fi')).toBe('päihdepalvelu');
    expect(stem('masennukseen', 'fi')).toBe('masennuks');
    expect(stem('äidilleni', 'fi')).toBe('äid');
  });

  it('maps different inflections of one word to one stem', () => {
    for (const group of [
      ['päihdepalveluihin', 'päihdepalvelut', 'päihdepalveluja'],
      ['masennukseen', 'masennuksesta', 'masennuksen'],
      ['äidilleni', 'äidille', 'äidin'],
      ['itsemurhasta', 'itsemurha', 'itsemurhaa'],
    ]) {
      expect(new Set(group.map((w) => stem(w, 'fi'))).size).toBe(1);
    }
  });

  it('stems Swedish and English too', () => {
    expect(stem('hemvården', 'sv')).toBe(stem('hemvård', 'sv'));
    expect(stem('tabletterna', 'sv')).toBe(stem('tabletter', 'sv'));
    expect(stem('coughing', 'en')).toBe(stem('cough', 'en'));
  });

  it('Nlu.stems applies colloquial spellings before stemming', () => {
    expect(shippedNlu().stems('mulla on kurkku kipee', 'fi')).toEqual(shippedNlu().stems('minulla on kurkku kipeä', 'fi'));
  });
});

describe('the fast snowball-stemmers load (snowballFast.ts)', () => {
  it('is the rewritten copy, not the package as published', () => {
    expect(snowball).not.toBe(snowballOriginal);
  });

  it('gives the published package\'s stem for every content and eval word and for random strings', () => {
    const texts = [
      ...readdirSync(path.join(contentDir, 'nlu')).map((f) => readFileSync(path.join(contentDir, 'nlu', f), 'utf8')),
      ...readdirSync(path.join(repoRoot, 'eval/dev')).map((f) => readFileSync(path.join(repoRoot, 'eval/dev', f), 'utf8')),
    ];
    const words = new Set(texts.flatMap((t) => tokenise(normalise(t))).flatMap((w) => [w, fold(w)]));
    let seed = 1;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const letters = 'abcdefghijklmnopqrstuvwxyzäöåy';
    for (let i = 0; i < 20_000; i++) words.add(Array.from({ length: 1 + Math.floor(rand() * 16) }, () => letters[Math.floor(rand() * letters.length)]).join(''));
    expect(words.size).toBeGreaterThan(22_000);
    for (const algorithm of Object.values(ALGORITHM)) {
      const fast = snowball.newStemmer(algorithm);
      const published = snowballOriginal.newStemmer(algorithm);
      const differ = [...words].filter((w) => fast.stem(w) !== published.stem(w));
      expect({ algorithm, differ: differ.slice(0, 10) }).toEqual({ algorithm, differ: [] });
    }
  });
});
