/**
 * Diacritic folding: "unilääkkeitä" → "unilaakkeita", "lyö" → "lyo", "hemvård" → "hemvard".
 * Residents on phones often type without ä/ö/å, so every word has a folded second form beside the
 * spelled one, on both sides (training content and message). We never fold *instead of* the
 * spelled form: that would merge real words ("år" year / "ar"), so the spelled form still decides
 * where it is known.
 */
const MARKS = /\p{M}/gu;

export function fold(word: string): string {
  // Fast path: plain ASCII needs no work (most English, much of what residents type).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word;
  return word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}
