/**
 * Folding for tolerant matching of typed answers and for collision checks: NFC, lower case,
 * punctuation dropped, whitespace folded, and å/ä/ö folded so "Ikaantyminen" matches "Ikääntyminen".
 */
export function foldText(text: string): string {
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
