/**
 * A Unicode-aware tokenizer. natural's default tokenizers split on [^A-Za-z], which cuts
 * "päivystys" into "p" + "ivystys"; here a word is a run of letters and digits (\p{L}, \p{N}).
 * Apostrophes inside a word are dropped ("i'm" → "im", "don't" → "dont") so English contractions
 * become one token the spelling maps can expand. Hyphens split ("neuvola-aika" → "neuvola", "aika").
 * A one-letter prefix stays on its word ("a-klinikka" → "aklinikka", "a-clinic", "c-vitamiini"):
 * alone, "a" is a stop word and "clinic" any clinic, so the A-clinic (substance use) was lost.
 *
 * Words are cut at MAX_TOKEN letters: the longest real Finnish compounds residents type are under
 * 35 letters, and the Snowball stemmer is quadratic in word length (a 4,000-letter "word" took
 * seconds of CPU). Cutting keeps the start of the word, where a compound's first part is.
 */
import { lastOf } from './memo';
import { normalise } from './normalise';

const WORD = /(?:(?<![\p{L}\p{N}-])\p{L}-(?=\p{L}))?[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
export const MAX_TOKEN = 40;

export function tokenise(normalised: string): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(WORD)) {
    const w = m[0].replace(/['-]/g, '');
    out.push(w.length > MAX_TOKEN ? w.slice(0, MAX_TOKEN) : w);
  }
  return out;
}

/**
 * The last text's normal form and tokens: classifying one message normalises and tokenises it in
 * the language identifier and in every language's analyser. Callers must not change the array.
 */
export const normaliseLast = lastOf(normalise);
export const tokeniseLast = lastOf(tokenise);
