/**
 * Crisis detection, run on every message before anything else. Recall comes first: a resident in
 * crisis who is routed to a menu is the worst failure this bot can have.
 *
 *  1. Deterministic patterns from content/nlu/crisis.<lang>.yaml, for ALL languages whatever the
 *     message's detected language (a Swedish speaker may write two Finnish words). Each language's
 *     hyperbole patterns ("kuolen nälkään", "dying to know") first mask the words they cover, so
 *     the same message can still trigger on a real crisis phrase elsewhere in it.
 *  2. The topic classifier of the detected language, trained with crisis example phrases, as a
 *     safety net for phrasings no pattern foresaw.
 */
import type { Analyser, Token } from './analyser';
import { Pattern, maskTokens, matchPattern } from './patterns';
import { CRISIS_KINDS, CrisisKind, CrisisResult, LANGS, Lang } from './types';

export interface CrisisRules {
  analyser: Analyser;
  patterns: { kind: CrisisKind; pattern: Pattern }[];
  masks: Pattern[];
}

export const NO_CRISIS: CrisisResult = { crisis: false, level: 'none', kind: null, source: null };

export class CrisisDetector {
  constructor(private readonly rules: Map<Lang, CrisisRules>) {}

  /** Message tokens of `lang` with that language's hyperbole masked out. */
  maskedTokens(text: string, lang: Lang): Token[] {
    const r = this.rules.get(lang)!;
    return maskTokens(r.analyser.tokens(text), r.masks);
  }

  /** The first crisis pattern of any language that matches, checked in kind order. */
  byPattern(text: string, masked?: { lang: Lang; tokens: Token[] }): CrisisResult {
    let best: { kind: CrisisKind; rank: number } | null = null;
    for (const lang of LANGS) {
      const r = this.rules.get(lang)!;
      if (r.patterns.length === 0) continue;
      const tokens = masked && masked.lang === lang ? masked.tokens : this.maskedTokens(text, lang);
      if (tokens.length === 0) continue;
      for (const { kind, pattern } of r.patterns) {
        const rank = CRISIS_KINDS.indexOf(kind);
        if (best && best.rank <= rank) continue;
        if (matchPattern(pattern, tokens)) best = { kind, rank };
      }
    }
    return best ? { crisis: true, level: 'crisis', kind: best.kind, source: 'pattern' } : NO_CRISIS;
  }

  /** For a classifier-detected crisis: the kind whose pattern words overlap the message most. */
  closestKind(tokens: readonly Token[], lang: Lang): CrisisKind {
    const stems = new Set(tokens.map((t) => t.stem));
    let best: CrisisKind = 'danger';
    let bestScore = 0;
    for (const { kind, pattern } of this.rules.get(lang)!.patterns) {
      let s = 0;
      for (const ps of pattern.stems) if (stems.has(ps)) s++;
      for (const test of pattern.words) if (tokens.some((t) => test(t))) s += 0.5;
      if (s > bestScore) {
        best = kind;
        bestScore = s;
      }
    }
    return best;
  }
}
