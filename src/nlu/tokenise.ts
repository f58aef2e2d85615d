/**
 * A Unicode-aware tokenizer. natural's default tokenizers split on [^A-Za-z], which cuts
 * "päivystys" into "p" + "ivystys"; here a word is a run of letters and digits (\p{L}, \p{N}).
 * Apostrophes inside a word are dropped ("i'm" → "im", "don't" → "dont") so English contractions
 * become one token the spelling maps can expand. Hyphens split ("neuvola-aika" → "neuvola", "aika").
 */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

export function tokenise(normalised: string): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(WORD)) out.push(m[0].replace(/'/g, ''));
  return out;
}
