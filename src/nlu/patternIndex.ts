/**
 * Speed for long messages: instead of trying every pattern at every word (hundreds of patterns ×
 * hundreds of words × three languages), each pattern is filed under the keys its first word can
 * match (stem, word, folded forms, a prefix), and a message word looks up only the patterns filed
 * under its own keys. Patterns whose first word has a `*suffix` or `*contains*` alternative are
 * tried everywhere, as before. The real word test still decides; the index only skips patterns
 * that cannot match there.
 */
import type { Token } from './analyser';
import type { Pattern } from './patterns';

export class PatternIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly prefixLengths: number[];
  private readonly everywhere: number[] = [];

  constructor(readonly patterns: readonly Pattern[]) {
    const lengths = new Set<number>();
    const file = (map: Map<string, number[]>, key: string, id: number): void => {
      const list = map.get(key);
      if (!list) map.set(key, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    };
    patterns.forEach((p, id) => {
      if (!p.firstKeys) {
        this.everywhere.push(id);
        return;
      }
      for (const key of p.firstKeys) {
        const kind = key.slice(0, 2);
        const value = key.slice(2);
        if (kind === 'p:') {
          lengths.add(value.length);
          file(this.byPrefix, value, id);
        } else file(kind === 's:' ? this.byStem : this.byWord, value, id);
      }
    });
    this.prefixLengths = [...lengths].sort((a, b) => a - b);
  }

  /** For each pattern id, the token indices where its first word may match (undefined: none). */
  starts(tokens: readonly Token[]): (number[] | undefined)[] {
    const out: (number[] | undefined)[] = new Array(this.patterns.length);
    // Tokens are visited in order, so every list comes out ascending.
    const add = (ids: readonly number[] | undefined, i: number): void => {
      if (!ids) return;
      for (const id of ids) {
        const list = out[id];
        if (!list) out[id] = [i];
        else if (list[list.length - 1] !== i) list.push(i);
      }
    };
    tokens.forEach((t, i) => {
      add(this.byWord.get(t.word), i);
      if (t.fold !== t.word) add(this.byWord.get(t.fold), i);
      add(this.byStem.get(t.stem), i);
      if (t.foldStem !== t.stem) add(this.byStem.get(t.foldStem), i);
      for (const n of this.prefixLengths) {
        if (n > t.fold.length) break;
        add(this.byPrefix.get(t.fold.slice(0, n)), i);
      }
      add(this.everywhere, i);
    });
    return out;
  }
}
