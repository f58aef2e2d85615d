/**
 * One language's text pipeline: normalise → expand hyphen coordinations → tokenise → colloquial
 * spellings → typo correction → stem, plus a light decompounder. Finnish and Swedish glue words
 * together ("lamppuöljy", "äldreomsorg"); when a long word is unknown we look for a known word at
 * its end (the head) or start, so new compounds still carry their meaning.
 */
import { fold } from './fold';
import { Memo, Remembers, recall, remember } from './memo';
import { expandCoordination } from './normalise';
import { stem, stemCannotChangeStart, stemUncached } from './stemmer';
import { normaliseLast, tokeniseLast } from './tokenise';
import type { Lang } from './types';
import { MIN_HEAD_STEM, Vocabulary } from './vocabulary';
import { ClippedEndings, unclip } from './clipped';
import { hasIntensifier, unintensify } from './intensifier';

export interface Token extends Remembers {
  /** Normalised word after spelling maps and typo correction. */
  word: string;
  stem: string;
  /** The word and its stem with diacritics folded (ä→a, ö→o, å→a), the second form of the word. */
  fold: string;
  foldStem: string;
  /** Set when typo correction replaced what the resident typed. */
  corrected?: true;
  /** The word as typed, when typo correction replaced it. */
  typed?: Token;
  /**
   * Per-word work of later steps (pattern lists, features), remembered on the token (memo.ts):
   * never evidence itself. Set when a token is made (every token has one shape): undefined for a
   * token the word memo shares, null for one no other message will see.
   */
  memo?: unknown[] | null;
}

interface WordAnalysis {
  typed: Token[];
  fixable: boolean[];
}

export interface SpellingData {
  colloquial: Map<string, string>;
  /** Clipped endings of speech ("tänää" → "tänään"), tried on words the vocabulary lacks (clipped.ts). */
  clipped?: ClippedEndings;
  /** Intensifier prefixes written together with their word ("jätteont" → "ont"; intensifier.ts). */
  intensifiers?: readonly string[];
  stopwords: Set<string>;
  /** Words spelled right (and their folded forms) that typo correction leaves as typed (dictionary.ts). */
  dictionary?: ReadonlySet<string>;
}

const MIN_PART = 3;
/** Longest head of a compound we look for: heads are short words ("hoito", "vård"). */
const MAX_HEAD = 20;
/**
 * Typo correction is tried on at most this many words of one message, each of at most
 * MAX_CORRECT_LENGTH letters: a resident's message has a few typos; a pasted wall of unknown
 * words must not cost a lookup each (no input may block the event loop).
 */
const MAX_CORRECTIONS = 16;
const MAX_CORRECT_LENGTH = 24;
/** Typed words whose analysis is remembered, per language (memo.ts: at most twice this many). */
const MAX_MEMO = 5_000;
/**
 * Only a message's first this many words enter the word memo: a pasted wall of thousands of
 * distinct words would otherwise push out the words residents really use (and cost GC time);
 * its later words are still looked up, and analysed as usual when not found.
 */
const MEMO_WORDS_PER_MESSAGE = 200;
/** Character n-grams (of the folded word) carry inflection and typos: "masentaa" shares "mase", "asen" with "masennus". */
export const GRAM = '#';
const GRAM_N = 4;
const MIN_GRAM_WORD = 5;

function charGrams(word: string): string[] {
  if (word.length < MIN_GRAM_WORD) return [];
  const w = `<${word}>`;
  const out: string[] = [];
  for (let i = 0; i + GRAM_N <= w.length; i++) out.push(GRAM + w.slice(i, i + GRAM_N));
  return out;
}

export class Analyser {
  readonly vocabulary: Vocabulary;
  private readonly stopStems: Set<string>;
  /** A word enters on its second sighting: words seen once (random text) would push out residents' words. */
  private readonly memo = new Memo<string, WordAnalysis>(MAX_MEMO, true);
  private sealed = false;

  constructor(
    readonly lang: Lang,
    private readonly spelling: SpellingData,
  ) {
    const known = new Set<string>([...spelling.stopwords, ...spelling.colloquial.keys()]);
    this.vocabulary = new Vocabulary(known);
    this.stopStems = new Set([...spelling.stopwords].map((w) => stem(w, lang)));
  }

  /** Adds a training text's words to the vocabulary (typo targets and decompounding parts). */
  learn(text: string): void {
    for (const t of this.tokens(text, false)) this.vocabulary.add(t.word, t.stem, t.fold, t.foldStem);
  }

  seal(): void {
    this.vocabulary.seal();
    this.memo.clear();
    this.sealed = true;
  }

  /** Normalised, colloquial spellings mapped, optionally typo-corrected, stemmed. */
  tokens(text: string, correct = true): Token[] {
    const norm = expandCoordination(normaliseLast(text), (w) => this.vocabulary.hasWord(w));
    const out: Token[] = [];
    let corrections = 0;
    const raws = tokeniseLast(norm);
    for (let r = 0; r < raws.length; r++) {
      const { typed, fixable } = this.analyse(raws[r], r < MEMO_WORDS_PER_MESSAGE);
      for (let k = 0; k < typed.length; k++) {
        const asTyped = typed[k];
        const tryFix = correct && corrections < MAX_CORRECTIONS && fixable[k];
        const fixed = tryFix ? this.vocabulary.correct(asTyped.word, asTyped.stem) : null;
        if (tryFix) corrections++;
        out.push(fixed ? { ...this.token(fixed, true), typed: asTyped } : asTyped);
      }
    }
    return out;
  }

  /**
   * One typed word: its spelling-mapped words as tokens, and for each whether typo correction may
   * be tried (short enough and unknown in every form). Memoised (when `remember`) once the
   * vocabulary is sealed, as the answer depends on it; the tokens are shared between messages and
   * never changed.
   */
  private analyse(raw: string, remember: boolean): WordAnalysis {
    const hit = this.sealed ? this.memo.get(raw) : undefined;
    if (hit) return hit;
    const mapped = this.spelling.colloquial.get(raw) ?? this.unclipped(raw) ?? this.unintensified(raw);
    const words = mapped === undefined ? [raw] : mapped.split(' ').filter(Boolean);
    const shared = this.sealed && remember && this.memo.admit(raw);
    const typed: Token[] = [];
    const fixable: boolean[] = [];
    for (const w of words) {
      const s = stemUncached(w, this.lang);
      const f = fold(w);
      const fs = f === w ? s : stemUncached(f, this.lang);
      typed.push({ word: w, stem: s, fold: f, foldStem: fs, memo: shared ? undefined : null });
      fixable.push(w.length <= MAX_CORRECT_LENGTH && !this.vocabulary.hasFolded(f, fs) && !this.spelling.dictionary?.has(w));
    }
    const a = { typed, fixable };
    if (shared) this.memo.set(raw, a);
    return a;
  }

  /**
   * A clipped spoken ending restored, once the vocabulary is complete; undefined when none applies.
   * Also for a clipped form the content itself uses ("väsyny" in a risk file): training phrases,
   * patterns and messages all pass through here after sealing, so both sides read the full form.
   */
  private unclipped(raw: string): string | undefined {
    const rules = this.spelling.clipped;
    if (!this.sealed || !rules?.length || this.spelling.stopwords.has(raw)) return undefined;
    return unclip(raw, rules, this.isKnownWord) ?? undefined;
  }

  /** An intensifier prefix taken off a word the vocabulary lacks, once it is complete ("jätteont" → "ont"). */
  private unintensified(raw: string): string | undefined {
    const prefixes = this.spelling.intensifiers;
    if (!this.sealed || !prefixes?.length) return undefined;
    // Most words start with no intensifier: that answer needs no vocabulary lookup.
    if (!hasIntensifier(raw, prefixes) || this.isKnownWord(raw)) return undefined;
    return unintensify(raw, prefixes, this.isKnownWord) ?? undefined;
  }

  /** A word of the vocabulary, as spelled or with ä/ö/å folded: the test both spoken-form rules use. */
  private readonly isKnownWord = (w: string): boolean => this.vocabulary.hasWord(w) || this.vocabulary.hasFoldedWord(fold(w));

  private token(word: string, corrected: boolean): Token {
    const s = stem(word, this.lang);
    const f = fold(word);
    const t: Token = { word, stem: s, fold: f, foldStem: f === word ? s : stem(f, this.lang), memo: null };
    if (corrected) t.corrected = true;
    return t;
  }

  isStop(t: Token): boolean {
    return this.spelling.stopwords.has(t.word) || this.stopStems.has(t.stem);
  }

  /**
   * Content features for classification: the folded stem of every non-stop word (the same on the
   * training side, so "paihdepalvelu" and "päihdepalvelu" are one feature), and for a word whose
   * stem is unknown its known compound parts.
   */
  features(tokens: readonly Token[]): string[] {
    const out: string[] = [];
    for (const t of tokens) {
      for (const f of this.tokenFeatures(t)) out.push(f);
    }
    return out;
  }

  /**
   * features(tokens), and the features of the tokens typo correction left as typed, in one pass:
   * the classifier's safety net reads the second (engine.ts).
   */
  featuresAndTyped(tokens: readonly Token[]): { all: string[]; typed: string[] } {
    const all: string[] = [];
    const typed: string[] = [];
    for (const t of tokens) {
      const fs = this.tokenFeatures(t);
      for (const f of fs) all.push(f);
      if (!t.corrected) for (const f of fs) typed.push(f);
    }
    return { all, typed };
  }

  /**
   * One token's features. Remembered on the token once the vocabulary is sealed: tokens of the
   * word memo are shared between messages (and between a message and its parts), so a word's
   * compound parts and n-grams are worked out once.
   */
  private tokenFeatures(t: Token): readonly string[] {
    const hit = this.sealed ? (recall(t, this) as readonly string[] | undefined) : undefined;
    if (hit) return hit;
    const out: string[] = [];
    if (!this.isStop(t)) {
      out.push(t.foldStem);
      if (!this.vocabulary.hasFoldStem(t.foldStem)) out.push(...this.compoundParts(t.fold));
      out.push(...charGrams(t.fold));
    }
    if (this.sealed) remember(t, this, out);
    return out;
  }

  /**
   * Known folded stems at the end (head) and start of an unknown long (folded) word:
   * "paihdeongelmaiselle" → head "ongelmais…" and modifier "paihde". Decompounding against the
   * known vocabulary only, so a part is always a word the content uses.
   */
  compoundParts(word: string): string[] {
    if (word.length < 2 * MIN_PART + 1) return [];
    const parts: string[] = [];
    for (let i = Math.max(MIN_PART, word.length - MAX_HEAD); i <= word.length - 5; i++) {
      // Most candidates start with letters no known stem starts with: not stemmed (stemmer.ts).
      if (stemCannotChangeStart(word, i, this.lang) && !this.vocabulary.mayStartFoldStem(word, i)) continue;
      const s = stemUncached(word.slice(i), this.lang);
      if (s.length >= MIN_HEAD_STEM && this.vocabulary.hasFoldStem(s)) {
        parts.push(s);
        break;
      }
    }
    // A modifier must be a whole known word ("imetys|ongelmat"); a known stem alone is too weak
    // evidence here ("hake|utuminen" is an inflection, not a compound).
    for (let i = word.length - 4; i >= MIN_PART + 1; i--) {
      const left = word.slice(0, i);
      if (this.vocabulary.hasFoldedWord(left)) {
        const s = stem(left, this.lang);
        if (!parts.includes(s)) parts.push(s);
        break;
      }
    }
    return parts;
  }
}
