/**
 * Snowball stemmers for Finnish, Swedish and English (natural has no Finnish stemmer), loaded
 * through snowballFast.ts (the same stems, about five times faster).
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
