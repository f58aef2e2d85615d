import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../../src/nlu/fold';
import { normalise } from '../../src/nlu/normalise';
import { snowball, snowballOriginal } from '../../src/nlu/snowballFast';
import { Analyser } from '../../src/nlu/analyser';
import { ALGORITHM, STEM_START, stem, stemCannotChangeStart } from '../../src/nlu/stemmer';
import { LANGS } from '../../src/nlu/types';
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
    const words = contentWords();
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

/** Every content and eval word, spelled and folded. */
function contentWords(): Set<string> {
  const texts = [
    ...readdirSync(path.join(contentDir, 'nlu')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(path.join(contentDir, 'nlu', f), 'utf8')),
    ...readdirSync(path.join(repoRoot, 'eval/dev')).map((f) => readFileSync(path.join(repoRoot, 'eval/dev', f), 'utf8')),
  ];
  return new Set(texts.flatMap((t) => tokenise(normalise(t))).flatMap((w) => [w, fold(w)]));
}

/** Random strings, Finnish-shaped ones with doubled letters, and ones built of Snowball's suffixes. */
function trickyWords(count: number): string[] {
  let seed = 7;
  const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = (s: string): string => s[Math.floor(rand() * s.length)];
  const letters = 'abcdefghijklmnopqrstuvwxyzäöå';
  const vowels = 'aeiouyäöå';
  const consonants = 'bcdfghjklmnprstvkkllsst';
  const endings = ['ies', 'ied', 'sses', 'ing', 'ed', 'ly', 'ation', 'ational', 'biliti', 'izer', 'ousness', 'es', 's', 'kse', 'ksi', 'ssa', 'lla', 'tta', 'jo', 'oj', 'ää', 'tt', 'y', 'ja', 'löst', 'fullt', 'heten', 'arna'];
  const out: string[] = [];
  while (out.length < count) {
    const kind = out.length % 3;
    let w = '';
    if (kind === 0) while (w.length < 4 + Math.floor(rand() * 14)) w += pick(letters);
    else if (kind === 1) {
      const n = 4 + Math.floor(rand() * 14);
      while (w.length < n) {
        const c = rand() < 0.5 ? pick(vowels) : pick(consonants);
        w += rand() < 0.3 ? c + c : c;
      }
    } else {
      while (w.length < 1 + Math.floor(rand() * 4)) w += rand() < 0.5 ? pick(vowels) : pick(consonants);
      w += endings[Math.floor(rand() * endings.length)] + (rand() < 0.5 ? endings[Math.floor(rand() * endings.length)] : '');
    }
    out.push(w);
  }
  return out;
}

describe('ruling a compound head out by its start (stemCannotChangeStart)', () => {
  it('holds on every content and eval word and on 300,000 tricky strings per language', () => {
    const words = [...contentWords(), ...trickyWords(300_000)].filter((w) => w.length >= 5);
    for (const lang of LANGS) {
      const wrong = words.filter((w) => {
        const s = stem(w, lang);
        return s.length >= 4 && stemCannotChangeStart(w, 0, lang) && s.slice(0, STEM_START) !== w.slice(0, STEM_START);
      });
      expect({ lang, wrong: wrong.slice(0, 10) }).toEqual({ lang, wrong: [] });
    }
  });

  it('gives the compound parts of the search that stems every candidate', () => {
    const vocabulary = [...contentWords()];
    const probes = [...vocabulary.flatMap((w, i) => [w + vocabulary[(i * 7919) % vocabulary.length], vocabulary[(i * 104729) % vocabulary.length] + w]), ...trickyWords(30_000)].map(fold);
    for (const lang of LANGS) {
      const a = new Analyser(lang, { colloquial: new Map(), stopwords: new Set() });
      for (const w of vocabulary) a.learn(w);
      a.seal();
      // The search as it was: every candidate stemmed (analyser.ts compoundParts before the start test).
      const everyCandidate = (word: string): string[] => {
        if (word.length < 7) return [];
        const parts: string[] = [];
        for (let i = Math.max(3, word.length - 20); i <= word.length - 5; i++) {
          const s = stem(word.slice(i), lang);
          if (s.length >= 4 && a.vocabulary.hasFoldStem(s)) {
            parts.push(s);
            break;
          }
        }
        for (let i = word.length - 4; i >= 4; i--) {
          const left = word.slice(0, i);
          if (a.vocabulary.hasFoldedWord(left)) {
            const s = stem(left, lang);
            if (!parts.includes(s)) parts.push(s);
            break;
          }
        }
        return parts;
      };
      let found = 0;
      const differ = probes.filter((w) => {
        const ours = a.compoundParts(w);
        if (ours.length) found++;
        return JSON.stringify(ours) !== JSON.stringify(everyCandidate(w));
      });
      expect({ lang, differ: differ.slice(0, 10) }).toEqual({ lang, differ: [] });
      expect(found).toBeGreaterThan(5_000);
    }
  });
});
