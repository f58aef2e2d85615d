/**
 * Text normalisation shared by every step (and by the dialog engine for tolerant choice matching).
 * We keep å, ä, ö and digits: folding them would merge different Finnish/Swedish words
 * ("tapaan" meet / "tappaan"; "år" year / "ar").
 */

/** NFC, lower case, typographic apostrophes/dashes unified, whitespace folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Conjunctions after which a hyphen-truncated compound ("mielenterveys- ja ...") shares the head. */
const CONJUNCTIONS = new Set(['ja', 'tai', 'sekä', 'eli', 'och', 'eller', 'samt', 'and', 'or']);

/**
 * Expands hyphenated coordinations: "mielenterveys- ja päihdepalvelut" →
 * "mielenterveyspalvelut ja päihdepalvelut". The shared head is the longest suffix of the last
 * compound that `isKnownHead` accepts (a word of the training vocabulary); without one we fall
 * back to dropping the hyphen so the first part still counts as a word of its own.
 */
export function expandCoordination(text: string, isKnownHead: (w: string) => boolean): string {
  // Bounded runs and a quick check first: an unbounded \p{L}+ backtracks quadratically on one
  // very long word.
  if (!text.includes('- ')) return text;
  return text.replace(
    /(\p{L}{1,40})- (\p{L}{1,10}) (\p{L}{1,40})/gu,
    (whole, first: string, conj: string, last: string) => {
      if (!CONJUNCTIONS.has(conj)) return whole;
      for (let i = 2; i <= last.length - 3; i++) {
        const head = last.slice(i);
        if (isKnownHead(head)) return `${first}${head} ${conj} ${last}`;
      }
      return `${first} ${conj} ${last}`;
    },
  );
}
