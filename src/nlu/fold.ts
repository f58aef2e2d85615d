/**
 * Diacritic folding: "unilääkkeitä" → "unilaakkeita", "lyö" → "lyo", "hemvård" → "hemvard".
 * Residents on phones often type without ä/ö/å, so every word has a folded second form beside the
 * spelled one, on both sides (training content and message). We never fold *instead of* the
 * spelled form: that would merge real words ("år" year / "ar"), so the spelled form still decides
 * where it is known.
 */
const MARKS = /\p{M}/gu;

/** The definition: canonical decomposition, combining marks dropped, recomposed. */
export function foldUnicode(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/**
 * Every word of every message in three languages is folded, so Latin letters (below U+0250, where
 * ä, ö, å, é, ü… are) are folded by a table of foldUnicode's answer per letter. Letter by letter is
 * the same as the whole word there: each letter decomposes on its own, its marks are dropped, and
 * no two of the Latin letters left compose with each other (tests/nlu/speed.test.ts checks every
 * pair). Any other character sends the word to foldUnicode.
 */
const TABLE_END = 0x250;
const TABLE: string[] = Array.from({ length: TABLE_END }, (_, c) => foldUnicode(String.fromCharCode(c)));

export function fold(word: string): string {
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) {
      plain = false;
      if (c >= TABLE_END) return foldUnicode(word);
    }
  }
  if (plain) return word; // plain ASCII needs no work (most English, much of what residents type)
  let out = '';
  for (let i = 0; i < word.length; i++) out += TABLE[word.charCodeAt(i)];
  return out;
}
