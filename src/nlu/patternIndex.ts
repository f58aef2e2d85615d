/**
 * Speed for long messages: instead of trying every pattern at every word (hundreds of patterns ×
 * hundreds of words × three languages), each pattern is filed under the keys its first word can
 * match (stem, word, folded forms, a prefix), and a message word looks up only the patterns filed
 * under its own keys. Prefix keys live in a trie over the folded word's letters, so a word costs
 * one walk down its letters, not a slice and a lookup per prefix length. Patterns whose first word
 * has a `*suffix` or `*contains*` alternative cannot be filed; their first word is tested at every
 * word here. The real first-word test then decides, so a start the index gives is a match of the
 * first word, and callers need not test it again.
 *
 * A word's list of patterns is remembered on its token (memo.ts): tokens of the analyser's word
 * memo are shared between messages, so a word residents use is looked up once, not per message.
 */
import type { Token } from './analyser';
import { recall, remember } from './memo';
import type { Pattern } from './patterns';

interface TrieNode {
  /** Children by UTF-16 code unit (a prefix is a whole string, so code units match as code points would). */
  next: Map<number, TrieNode>;
  /** Patterns filed under the prefix that ends at this node. */
  ids: number[];
}

const node = (): TrieNode => ({ next: new Map(), ids: [] });
const NONE: readonly number[] = [];

export class PatternIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();
  private readonly prefixes: TrieNode = node();
  private readonly everywhere: number[] = [];
  private readonly candidates: number[] = [];

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
          for (let c = 0; c < value.length; c++) {
            const ch = value.charCodeAt(c);
            let child = n.next.get(ch);
            if (!child) n.next.set(ch, (child = node()));
            n = child;
          }
          file(n.ids, id);
        } else fileIn(kind === 's:' ? this.byStem : this.byWord, value, id);
      }
    });
  }

  /**
   * For each pattern id, the token indices (ascending) where its first word matches (undefined:
   * none).
   */
  starts(tokens: readonly Token[]): (number[] | undefined)[] {
    const out: (number[] | undefined)[] = new Array(this.patterns.length);
    for (let i = 0; i < tokens.length; i++) {
      const ids = this.matchingAt(tokens[i]);
      for (let k = 0; k < ids.length; k++) {
        const list = out[ids[k]];
        if (list) list.push(i);
        else out[ids[k]] = [i];
      }
    }
    return out;
  }

  /** Ids of the patterns whose first word matches `t`, ascending; remembered on the token. */
  private matchingAt(t: Token): readonly number[] {
    const hit = recall(t, this) as readonly number[] | undefined;
    if (hit !== undefined) return hit;
    // Most words of a message match no pattern: gather into a reused array, keep only real matches.
    const c = this.candidates;
    c.length = 0;
    gather(c, this.byWord.get(t.word));
    if (t.fold !== t.word) gather(c, this.byWord.get(t.fold));
    gather(c, this.byStem.get(t.stem));
    if (t.foldStem !== t.stem) gather(c, this.byStem.get(t.foldStem));
    let n: TrieNode | undefined = this.prefixes;
    for (let k = 0; k < t.fold.length; k++) {
      n = n.next.get(t.fold.charCodeAt(k));
      if (!n) break;
      if (n.ids.length) gather(c, n.ids);
    }
    gather(c, this.everywhere);
    let ids: number[] | null = null;
    for (let k = 0; k < c.length; k++) {
      const id = c[k];
      if (ids?.includes(id) || !this.patterns[id].words[0](t)) continue;
      (ids ??= []).push(id);
    }
    const out = ids ? ids.sort((a, b) => a - b) : NONE;
    remember(t, this, out);
    return out;
  }
}

function gather(into: number[], ids: readonly number[] | undefined): void {
  if (ids) for (let k = 0; k < ids.length; k++) into.push(ids[k]);
}
