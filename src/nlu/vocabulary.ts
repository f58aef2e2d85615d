/**
 * The known words of one language (every word in its training content) and typo correction
 * against them. Correction only touches words that are unknown in every form we recognise
 * (surface, stem, folded form, stop word, colloquial spelling), only words of 5+ letters, and only
 * within edit distance 1 (5–7 letters) or 2 (8+ letters): short words have too many near
 * neighbours, and a wrong "correction" is worse than none.
 *
 * Candidates come from a deletion index (the "symmetric delete" idea of SymSpell): every known
 * word is indexed under itself and each of its one-letter deletions; a typed word looks up its own
 * one- (and for long words two-) letter deletions. Only those few candidates get a real edit
 * distance, so a message of unknown words costs lookups, not a scan of the vocabulary. (Two
 * substitutions in one word can be missed; transpositions and single slips are found.)
 */
import { distance } from 'fastest-levenshtein';
import { Memo } from './memo';
import { stemStartKey } from './stemmer';

const MIN_LENGTH = 5;
const MAX_CACHE = 20_000;
/** The shortest stem a compound's head may be (analyser.ts). */
export const MIN_HEAD_STEM = 4;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class Vocabulary {
  /** Surface forms with how often they occur in the content (ties go to the commoner word). */
  private readonly freq = new Map<string, number>();
  private readonly stemSet = new Set<string>();
  private readonly foldWords = new Set<string>();
  private readonly foldStems = new Set<string>();
  /** stemStartKey of every folded stem of MIN_HEAD_STEM+ letters: the compound-head search's quick "no" (analyser.ts). */
  private readonly foldStemStarts = new Set<number>();
  private readonly index = new Map<string, string[]>();
  /** Corrections already looked up: at most MAX_CACHE words (two generations of half as many). */
  private readonly cache = new Memo<string, string | null>(MAX_CACHE / 2);

  constructor(private readonly extraKnown: ReadonlySet<string>) {}

  add(word: string, stem: string, folded: string, foldedStem: string): void {
    this.freq.set(word, (this.freq.get(word) ?? 0) + 1);
    this.stemSet.add(stem);
    this.foldWords.add(folded);
    this.foldStems.add(foldedStem);
    if (foldedStem.length >= MIN_HEAD_STEM) this.foldStemStarts.add(stemStartKey(foldedStem, 0));
  }

  /** Call after the last add(): builds the deletion index for fast candidate lookup. */
  seal(): void {
    this.index.clear();
    for (const w of this.freq.keys()) {
      if (w.length < MIN_LENGTH - 1) continue;
      for (const key of new Set([w, ...deletions(w)])) {
        const list = this.index.get(key);
        if (list) list.push(w);
        else this.index.set(key, [w]);
      }
    }
  }

  hasWord(word: string): boolean {
    return this.freq.has(word) || this.extraKnown.has(word);
  }

  hasStem(stem: string): boolean {
    return this.stemSet.has(stem);
  }

  /** Whether the word is known in its diacritic-folded form ("lyo" for "lyö"). */
  hasFolded(folded: string, foldedStem: string): boolean {
    return this.foldWords.has(folded) || this.foldStems.has(foldedStem) || this.extraKnown.has(folded);
  }

  hasFoldedWord(folded: string): boolean {
    return this.foldWords.has(folded) || this.extraKnown.has(folded);
  }

  hasFoldStem(foldedStem: string): boolean {
    return this.foldStems.has(foldedStem);
  }

  /** False when no folded stem of MIN_HEAD_STEM+ letters starts with the 3 letters of `word` at `at`. */
  mayStartFoldStem(word: string, at: number): boolean {
    return this.foldStemStarts.has(stemStartKey(word, at));
  }

  get size(): number {
    return this.freq.size;
  }

  /** The closest known word, or null when the word is known or nothing is close enough. */
  correct(word: string, stem: string): string | null {
    if (word.length < MIN_LENGTH || this.hasWord(word) || this.stemSet.has(stem)) return null;
    if (/\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const maxDist = word.length >= 8 ? 2 : 1;
    const keys = new Set([word, ...deletions(word)]);
    if (maxDist === 2) for (const d of deletions(word)) for (const dd of deletions(d)) keys.add(dd);
    let best: string | null = null;
    let bestDist = maxDist + 1;
    let bestFreq = 0;
    const seen = new Set<string>();
    for (const key of keys) {
      for (const cand of this.index.get(key) ?? []) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        const d = distance(word, cand);
        if (d > maxDist) continue;
        const f = this.freq.get(cand) ?? 0;
        if (d < bestDist || (d === bestDist && (f > bestFreq || (f === bestFreq && best !== null && cand < best)))) {
          best = cand;
          bestDist = d;
          bestFreq = f;
        }
      }
    }
    this.cache.set(word, best);
    return best;
  }
}
