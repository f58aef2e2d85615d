/**
 * Speed for long messages: instead of trying every pattern at every word (hundreds of patterns ×
 * hundreds of words × three languages), each pattern is filed under the keys its first word can
 * match (stem, word, folded forms, a prefix), and a message word looks up only the patterns filed
 * under its own keys. Prefix keys live in a trie over the folded word's letters, so a word costs
 * one walk down its letters, not a slice and a lookup per prefix length. Patterns whose first word
 * has a `*suffix` or `*contains*` alternative cannot be filed; their first word is tested at every
 * word here. The real word test still decides; the index only skips patterns that cannot match
 * there.
 */
import type { Token } from './analyser';
import type { Pattern } from './patterns';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Patterns filed under the prefix that ends at this node. */
  ids: number[];
}

const node = (): TrieNode => ({ next: new Map(), ids: [] });

export class PatternIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();
  private readonly prefixes: TrieNode = node();
  private readonly everywhere: number[] = [];

  constructor(readonly patterns: readonly Pattern[]) {
    const file = (list: number[], id: number): void => {
      if (list[list.length - 1] !== id) list.push(id);
    };
    const fileIn = (map: Map<string, number[]>, key: string, id: number): void => {
      const list = map.get(key);
      if (!list) map.set(key, [id]);
      else file(list, id);
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
          let n = this.prefixes;
          for (const ch of value) {
            let child = n.next.get(ch);
            if (!child) n.next.set(ch, (child = node()));
            n = child;
          }
          file(n.ids, id);
        } else fileIn(kind === 's:' ? this.byStem : this.byWord, value, id);
      }
    });
  }

  /** For each pattern id, the token indices where its first word may match (undefined: none). */
  starts(tokens: readonly Token[]): (number[] | undefined)[] {
    const out: (number[] | undefined)[] = new Array(this.patterns.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      add(out, this.byWord.get(t.word), i);
      if (t.fold !== t.word) add(out, this.byWord.get(t.fold), i);
      add(out, this.byStem.get(t.stem), i);
      if (t.foldStem !== t.stem) add(out, this.byStem.get(t.foldStem), i);
      let n: TrieNode | undefined = this.prefixes;
      for (const ch of t.fold) {
        n = n.next.get(ch);
        if (!n) break;
        if (n.ids.length) add(out, n.ids, i);
      }
      // A start whose first word fails here would be skipped by the matcher anyway.
      for (const id of this.everywhere) if (this.patterns[id].words[0](t)) add(out, [id], i);
    }
    return out;
  }
}

/** Files token index i under each pattern id; tokens come in order, so every list stays ascending. */
function add(out: (number[] | undefined)[], ids: readonly number[] | undefined, i: number): void {
  if (!ids) return;
  for (const id of ids) {
    const list = out[id];
    if (!list) out[id] = [i];
    else if (list[list.length - 1] !== i) list.push(i);
  }
}
