/**
 * Word patterns written by content editors (crisis phrases, hyperbole, Omaolo keywords).
 *
 * A pattern is a sequence of words; each pattern word matches a message word when
 *  - it has the same stem ("itsemurha" matches "itsemurhasta"), or is the same word;
 *  - `word*` — the message word starts with it; `*word` — ends with it; `*word*` — contains it;
 *  - `=word` — exactly this word, no other inflection ("=hitting" but not "hits");
 *  - `a|b|c` — any of the alternatives.
 * Every test also accepts the diacritic-folded form on both sides ("lyö" matches "lyo").
 * Words must appear in this order, with at most `gap` other words between neighbours, so
 * "haluan kuolla" also matches "haluan vaan kuolla pois".
 */
import type { Token } from './analyser';
import { fold } from './fold';

export const DEFAULT_GAP = 3;
/** Folded wildcard pieces and folded stems shorter than these are too ambiguous on their own. */
const MIN_FOLDED_PIECE = 4;
const MIN_FOLDED_STEM = 5;
/** A folded whole word this short is another language's word: "dö" folded is English "do". */
const MIN_FOLDED_WORD = 3;
const SHORT_EXTRA = 2;

type WordTest = (t: Token) => boolean;

export interface Pattern {
  source: string;
  words: WordTest[];
  /** Plain (non-wildcard) stems of the pattern, for "which kind is this closest to". */
  stems: string[];
  gap: number;
  /**
   * Lookup keys under which a message word can match the FIRST pattern word (see
   * patternIndex.ts); null when some alternative (`*suffix`, `*contains*`) cannot be indexed.
   */
  firstKeys: string[] | null;
}

interface Alternative {
  test: WordTest;
  stem: string | null;
  keys: string[] | null;
}

/** Index keys a token is looked up under: its word, stem, folded forms ("p:" prefixes are added by the index). */
export const wordKey = (w: string): string => `w:${w}`;
export const stemKey = (s: string): string => `s:${s}`;
export const prefixKey = (p: string): string => `p:${p}`;

function compileAlternative(alt: string, stemOf: (w: string) => string): Alternative {
  if (alt.startsWith('=')) {
    const exact = alt.slice(1);
    const f = fold(exact);
    if (f !== exact && f.length < MIN_FOLDED_WORD) return { test: (t) => t.word === exact, stem: null, keys: [wordKey(exact)] };
    return { test: (t) => t.word === exact || t.fold === f, stem: null, keys: [wordKey(exact), wordKey(f)] };
  }
  const starts = alt.startsWith('*');
  const ends = alt.endsWith('*') && alt.length > 1;
  const core = alt.replace(/^\*|\*$/g, '');
  const f = fold(core);
  // A short folded piece is ambiguous ("söi*" folded would match "soitin", I called; "dö*" would
  // match "dotter"), so under MIN_FOLDED_PIECE letters the folded form only counts for a word typed
  // without ä/ö/å that is at most SHORT_EXTRA letters longer ("lyo" for "lyö*", "soin" for "söin").
  const short = f !== core && f.length < MIN_FOLDED_PIECE;
  const foldOk = (t: Token): boolean => !short || (t.word === t.fold && t.fold.length <= f.length + SHORT_EXTRA);
  const spelledOr = (t: Token, test: (w: string, piece: string) => boolean): boolean => test(t.word, core) || (foldOk(t) && test(t.fold, f));
  if (starts && ends) return { test: (t) => spelledOr(t, (w, p) => w.includes(p)), stem: null, keys: null };
  // Both branches imply that the folded word starts with the folded piece.
  if (ends) return { test: (t) => spelledOr(t, (w, p) => w.startsWith(p)), stem: null, keys: [prefixKey(f)] };
  if (starts) return { test: (t) => spelledOr(t, (w, p) => w.endsWith(p)), stem: null, keys: null };
  const s = stemOf(core);
  const fs = stemOf(f);
  // Folded stems of under MIN_FOLDED_STEM letters collide ("börda" and "borde" both fold to "bord").
  const foldStemOk = fs.length >= MIN_FOLDED_STEM;
  const foldWordOk = f === core || f.length >= MIN_FOLDED_WORD;
  const keys = [stemKey(s), wordKey(core)];
  if (foldWordOk) keys.push(wordKey(f));
  if (foldStemOk) keys.push(stemKey(fs));
  return { test: (t) => t.stem === s || t.word === core || (foldWordOk && t.fold === f) || (foldStemOk && t.foldStem === fs), stem: s, keys };
}

/** Returns null for an empty pattern (the caller reports it). */
export function compilePattern(source: string, stemOf: (w: string) => string, gap = DEFAULT_GAP): Pattern | null {
  const words: WordTest[] = [];
  const stems: string[] = [];
  let firstKeys: string[] | null = null;
  for (const part of source.trim().toLowerCase().normalize('NFC').split(/\s+/)) {
    const alts = part
      .split('|')
      .map((a) => a.replace(/[^\p{L}\p{N}*=]/gu, ''))
      .filter((a) => a.replace(/[*=]/g, '').length > 0);
    if (alts.length === 0) continue;
    const compiled = alts.map((a) => compileAlternative(a, stemOf));
    for (const c of compiled) if (c.stem) stems.push(c.stem);
    if (words.length === 0) firstKeys = compiled.every((c) => c.keys) ? compiled.flatMap((c) => c.keys!) : null;
    words.push(compiled.length === 1 ? compiled[0].test : (t) => compiled.some((c) => c.test(t)));
  }
  return words.length ? { source, words, stems, gap, firstKeys } : null;
}

/** Extends a partial match of pattern words [0, wi) by the rest, searching tokens [from, to). */
function extend(p: Pattern, tokens: readonly Token[], wi: number, from: number, to: number, acc: number[]): number[] | null {
  if (wi === p.words.length) return acc;
  for (let i = from; i < Math.min(to, tokens.length); i++) {
    if (p.words[wi](tokens[i])) {
      const r = extend(p, tokens, wi + 1, i + 1, i + 2 + p.gap, [...acc, i]);
      if (r) return r;
    }
  }
  return null;
}

/** Indices of the matched message words, or null. Tries every start so a later match is found. */
export function matchPattern(p: Pattern, tokens: readonly Token[]): number[] | null {
  return extend(p, tokens, 0, 0, tokens.length, []);
}

/**
 * Every place the pattern matches with its first word at some token; index lists, in order.
 * `starts` (from a PatternIndex) are the tokens where the first word matches, ascending: only
 * those are tried, and their first word is not tested again.
 */
export function allMatches(p: Pattern, tokens: readonly Token[], limit = 8, starts?: readonly number[]): number[][] {
  const out: number[][] = [];
  const n = starts ? starts.length : tokens.length;
  for (let k = 0; k < n && out.length < limit; k++) {
    const start = starts ? starts[k] : k;
    if (!starts && !p.words[0](tokens[start])) continue;
    const r = extend(p, tokens, 1, start + 1, start + 2 + p.gap, [start]);
    if (r) out.push(r);
  }
  return out;
}

/**
 * Drops the message words matched by any of `masks` (e.g. hyperbole like "kuolen nälkään"), each
 * mask again and again from the first word until it no longer matches. `starts[k]`, from a
 * PatternIndex, lists the token indices where mask k's first word matches (undefined: none);
 * without it every token is tried. Only those are tested, so a long message costs a few tests,
 * not a pass over its words per mask.
 */
export function maskTokens(tokens: readonly Token[], masks: readonly Pattern[], starts?: readonly (readonly number[] | undefined)[]): Token[] {
  if (masks.length === 0) return [...tokens];
  const drop = new Set<number>();
  const all = tokens.map((_, i) => i);
  // The words still in play (a match may join words that a dropped match stood between), worked
  // out again only when a match has dropped more words.
  let rest: readonly number[] = all;
  let restTokens: readonly Token[] = tokens;
  const at = new Int32Array(tokens.length);
  let restFor = 0;
  masks.forEach((m, k) => {
    const candidates = starts ? starts[k] : all;
    if (!candidates) return;
    for (;;) {
      if (restFor !== drop.size) {
        rest = all.filter((i) => !drop.has(i));
        restTokens = rest.map((i) => tokens[i]);
        rest.forEach((i, j) => (at[i] = j));
        restFor = drop.size;
      }
      let hit: number[] | null = null;
      for (const c of candidates) {
        if (drop.has(c) || (!starts && !m.words[0](tokens[c]))) continue;
        const j = drop.size ? at[c] : c;
        hit = extend(m, restTokens, 1, j + 1, j + 2 + m.gap, [j]);
        if (hit) break;
      }
      if (!hit) break;
      for (const h of hit) drop.add(rest[h]);
    }
  });
  return drop.size ? tokens.filter((_, i) => !drop.has(i)) : [...tokens];
}
