/**
 * Word patterns written by content editors (crisis phrases, hyperbole, Omaolo keywords).
 *
 * A pattern is a sequence of words; each pattern word matches a message word when
 *  - it has the same stem ("itsemurha" matches "itsemurhasta"), or is the same word;
 *  - `word*` — the message word starts with it; `*word` — ends with it; `*word*` — contains it;
 *  - `=word` — exactly this word, no other inflection ("=hitting" but not "hits");
 *  - `a|b|c` — any of the alternatives.
 * Words must appear in this order, with at most `gap` other words between neighbours, so
 * "haluan kuolla" also matches "haluan vaan kuolla pois".
 */
import type { Token } from './analyser';

export const DEFAULT_GAP = 3;

type WordTest = (t: Token) => boolean;

export interface Pattern {
  source: string;
  words: WordTest[];
  /** Plain (non-wildcard) stems of the pattern, for "which kind is this closest to". */
  stems: string[];
  gap: number;
}

function compileAlternative(alt: string, stemOf: (w: string) => string): { test: WordTest; stem: string | null } {
  if (alt.startsWith('=')) {
    const exact = alt.slice(1);
    return { test: (t) => t.word === exact, stem: null };
  }
  const starts = alt.startsWith('*');
  const ends = alt.endsWith('*') && alt.length > 1;
  const core = alt.replace(/^\*|\*$/g, '');
  if (starts && ends) return { test: (t) => t.word.includes(core), stem: null };
  if (ends) return { test: (t) => t.word.startsWith(core), stem: null };
  if (starts) return { test: (t) => t.word.endsWith(core), stem: null };
  const s = stemOf(core);
  return { test: (t) => t.stem === s || t.word === core, stem: s };
}

/** Returns null for an empty pattern (the caller reports it). */
export function compilePattern(source: string, stemOf: (w: string) => string, gap = DEFAULT_GAP): Pattern | null {
  const words: WordTest[] = [];
  const stems: string[] = [];
  for (const part of source.trim().toLowerCase().normalize('NFC').split(/\s+/)) {
    const alts = part
      .split('|')
      .map((a) => a.replace(/[^\p{L}\p{N}*=]/gu, ''))
      .filter((a) => a.replace(/[*=]/g, '').length > 0);
    if (alts.length === 0) continue;
    const compiled = alts.map((a) => compileAlternative(a, stemOf));
    for (const c of compiled) if (c.stem) stems.push(c.stem);
    words.push(compiled.length === 1 ? compiled[0].test : (t) => compiled.some((c) => c.test(t)));
  }
  return words.length ? { source, words, stems, gap } : null;
}

/** Indices of the matched message words, or null. Tries every start so a later match is found. */
export function matchPattern(p: Pattern, tokens: readonly Token[]): number[] | null {
  const at = (wi: number, from: number, to: number, acc: number[]): number[] | null => {
    if (wi === p.words.length) return acc;
    for (let i = from; i < Math.min(to, tokens.length); i++) {
      if (p.words[wi](tokens[i])) {
        const r = at(wi + 1, i + 1, i + 2 + p.gap, [...acc, i]);
        if (r) return r;
      }
    }
    return null;
  };
  return at(0, 0, tokens.length, []);
}

/** Drops the message words matched by any of `masks` (e.g. hyperbole like "kuolen nälkään"). */
export function maskTokens(tokens: readonly Token[], masks: readonly Pattern[]): Token[] {
  if (masks.length === 0) return [...tokens];
  const drop = new Set<number>();
  for (const m of masks) {
    let rest = tokens.map((t, i) => ({ t, i })).filter(({ i }) => !drop.has(i));
    for (;;) {
      const hit = matchPattern(m, rest.map((r) => r.t));
      if (!hit) break;
      for (const h of hit) drop.add(rest[h].i);
      rest = rest.filter(({ i }) => !drop.has(i));
    }
  }
  return tokens.filter((_, i) => !drop.has(i));
}
