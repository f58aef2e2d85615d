/**
 * Folding for tolerant matching of typed answers and for collision checks: NFC, lower case,
 * punctuation dropped, whitespace folded, and å/ä/ö folded so "Ikaantyminen" matches "Ikääntyminen".
 */
import { Memo } from '../nlu/memo';

export function foldText(text: string): string {
  if (text.length > FOLD_CACHE_MAX_LENGTH) return fold(text);
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = fold(text);
    foldCache.set(text, folded);
  }
  return folded;
}

/**
 * Every turn folds the same content phrases again (command phrases, yes/no words, the offered
 * choices' labels: ≈6 % of a turn's CPU in the profile, docs/performance.md). Short texts are
 * remembered in the NLU's bounded memo table (at most FOLD_CACHE_SIZE texts, whatever residents type).
 */
const FOLD_CACHE_SIZE = 4096;
const FOLD_CACHE_MAX_LENGTH = 120;
const foldCache = new Memo<string, string>(FOLD_CACHE_SIZE / 2);

function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
