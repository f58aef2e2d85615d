/**
 * Clipped endings of spoken Finnish, as a rule rather than a word list: "tänää" (tänään), "jälkee"
 * (jälkeen), "väsyny" (väsynyt), "nukkunu" (nukkunut), "pitäis" (pitäisi), "isoks" (isoksi),
 * "koulust" (koulusta). spelling.<lang>.yaml `clipped:` lists "ending as typed: full ending(s)";
 * a word unknown in the vocabulary is given the first full form the vocabulary knows, so a real
 * word is never rewritten and a guess that leads nowhere is dropped.
 */
export type ClippedEndings = readonly (readonly [typed: string, full: readonly string[]])[];

/** The restored word, or null when no rule gives a known word. `known` is the vocabulary's test. */
export function unclip(word: string, rules: ClippedEndings, known: (candidate: string) => boolean): string | null {
  for (const [typed, fulls] of rules) {
    if (word.length <= typed.length + 1 || !word.endsWith(typed)) continue;
    const base = word.slice(0, word.length - typed.length);
    for (const full of fulls) {
      const candidate = base + full;
      if (known(candidate)) return candidate;
    }
  }
  return null;
}
