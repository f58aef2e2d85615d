/**
 * Snowball stemmers for Finnish, Swedish and English (natural has no Finnish stemmer), loaded
 * through snowballFast.ts (the same stems, several times faster).
 * Stemming is the hot path of classification, so results are memoised per language; the cache
 * is bounded so a long-running server cannot grow it without limit from random input.
 */
import type { SnowballStemmer } from 'snowball-stemmers';
import { Memo } from './memo';
import { snowball } from './snowballFast';
import type { Lang } from './types';

export const ALGORITHM: Record<Lang, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };
const MAX_CACHE = 10_000;

const stemmers = new Map<Lang, SnowballStemmer>();
const caches = new Map<Lang, Memo<string, string>>();

export function stem(word: string, lang: Lang): string {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Memo(MAX_CACHE);
    caches.set(lang, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = stemUncached(word, lang);
  cache.set(word, out);
  return out;
}

/**
 * The stem without the memo, for callers that remember their own results (the analyser's word
 * memo): a word they have not seen is rarely in the stem memo either, and two lookups and an
 * insert into a big table cost as much as stemming a short word.
 */
export function stemUncached(word: string, lang: Lang): string {
  let s = stemmers.get(lang);
  if (!s) {
    s = snowball.newStemmer(ALGORITHM[lang]);
    stemmers.set(lang, s);
  }
  return s.stem(word);
}

/** Letters of a stem's start that stemCannotChangeStart() speaks of (see stemStartKey). */
export const STEM_START = 3;

/**
 * Whether every stem of 4+ letters of `word.slice(at)` is sure to begin with that word's first
 * STEM_START letters, so a known stem can be ruled out by its start before stemming (the
 * compound-head search, analyser.ts). Swedish and English Snowball only rewrite a word's end:
 * every suffix they replace lies in R1, which starts at the third letter at the earliest, and each
 * replacement keeps the suffix's first letter ("biliti" → "ble"); a deleted or trimmed end leaves
 * fewer than 4 letters when it reaches the third. Finnish also takes one letter out of a doubled
 * pair anywhere ("kattoja" → "kato", tidy's undoubling), so a word with a doubled letter among its
 * first four is not sure. tests/nlu/stemmer.test.ts checks this on every content and eval word
 * and on a million random and Finnish-shaped strings per language.
 */
export function stemCannotChangeStart(word: string, at: number, lang: Lang): boolean {
  if (lang !== 'fi') return true;
  const a = word.charCodeAt(at);
  const b = word.charCodeAt(at + 1);
  const c = word.charCodeAt(at + 2);
  return a !== b && b !== c && c !== word.charCodeAt(at + 3);
}

/** The first STEM_START letters of `word.slice(at)` as one number, for a set without slicing strings. */
export function stemStartKey(word: string, at: number): number {
  return word.charCodeAt(at) * 2 ** 32 + word.charCodeAt(at + 1) * 2 ** 16 + word.charCodeAt(at + 2);
}
