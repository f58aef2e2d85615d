/**
 * A pattern's words are separated by spaces, and `a|b` offers one word or another: an
 * alternative cannot hold two words. "beating her|him|the woman|my mum" reads as "beating", then
 * "her|him|the", then "woman|my", then "mum", so it never matches "beating the woman" or "beating
 * her" (blind set M: a neighbour heard beating a woman got nothing). An editor who writes that
 * meant separate lines. The giveaway is a group that mixes an article or a possessive (the start
 * of a second word) with an ordinary word; content checks warn with the group's column (NLU014).
 */
import type { Lang } from './types';

/** Words that begin a phrase of two words: in a group next to ordinary words, a space was meant. */
const STARTERS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['the', 'a', 'an', 'my', 'his', 'their', 'our', 'your']),
  sv: new Set(['en', 'ett', 'min', 'mitt', 'mina', 'din', 'ditt', 'dina', 'sin', 'sitt', 'sina', 'hans', 'deras', 'vår', 'vårt', 'våra']),
  // Finnish has no articles and puts the possessive in the ending: no group looks like this.
  fi: new Set(),
};

/** Words that stand well beside either kind (pronouns, "all"): they tell nothing. */
const NEUTRAL: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['her', 'him', 'me', 'us', 'them', 'it', 'he', 'she', 'they', 'all', 'own', 'per', 'each', 'every']),
  sv: new Set(['henne', 'honom', 'hennes', 'mig', 'oss', 'dem', 'den', 'det', 'allt', 'alla', 'eget', 'egen', 'egna']),
  fi: new Set(),
};

export interface SpacedAlternative {
  /** 0-based offset of the group in the pattern text. */
  offset: number;
  group: string;
}

/** The first group of `pattern` that looks like a two-word alternative, or null. */
export function spacedAlternative(pattern: string, lang: Lang): SpacedAlternative | null {
  const starters = STARTERS[lang];
  if (starters.size === 0) return null;
  let offset = 0;
  for (const group of pattern.split(' ')) {
    const here = offset;
    offset += group.length + 1;
    // "minut*|=min": a word with a wildcard is a stem, and "min" there is no possessive.
    if (!group.includes('|') || group.includes('*')) continue;
    const words = group.split('|').map((w) => w.replace(/^=/, '').toLowerCase());
    const starts = words.some((w) => starters.has(w));
    const ordinary = words.some((w) => w !== '' && !starters.has(w) && !NEUTRAL[lang].has(w));
    if (starts && ordinary) return { offset: here, group };
  }
  return null;
}
