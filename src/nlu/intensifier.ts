/**
 * Intensifier prefixes written together with the word they strengthen, as a rule rather than a
 * word list: Swedish "jätteont" (jätte + ont), "superont", "skitont"; Finnish "tosikipeä",
 * "hirmukipeä", "superväsynyt"; English "superbad". spelling.<lang>.yaml `intensifiers:` lists the
 * prefixes; a word the vocabulary lacks that starts with one is read as the rest when the rest is
 * a known word ("jätteont i bröstet" is "ont i bröstet"), so a real word is never rewritten.
 */
/** The rest must be at least this long: "jättebo" is not "bo" with an intensifier. */
const MIN_REST = 3;

/** Whether `prefix` could be taken off `word`: the word starts with it and enough is left. */
function startsWithPrefix(word: string, prefix: string): boolean {
  return word.length >= prefix.length + MIN_REST && word.startsWith(prefix);
}

/** Whether the word starts with a prefix unintensify() could take off (it returns null otherwise). */
export function hasIntensifier(word: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => startsWithPrefix(word, p));
}

/** The word without its intensifier, or null when none gives a known word. `known` is the vocabulary's test. */
export function unintensify(word: string, prefixes: readonly string[], known: (candidate: string) => boolean): string | null {
  for (const p of prefixes) {
    if (!startsWithPrefix(word, p)) continue;
    // "jätte-ont", "super-tired": a hyphen after the prefix is the same thing.
    const rest = word.slice(p.length).replace(/^-/, '');
    if (rest.length >= MIN_REST && known(rest)) return rest;
  }
  return null;
}
