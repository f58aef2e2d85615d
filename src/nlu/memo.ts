/**
 * Bounded memo tables for the per-word work of classification (stems, language evidence, word
 * analysis): words repeat across residents and within a long message, so most lookups hit.
 *
 * A two-generation LRU approximation: entries go into `young`; when it holds `size` entries the
 * old generation is dropped and `young` becomes `old`. A hit in `old` is copied back into `young`,
 * so words in use survive and random input cannot grow memory past 2 × size entries. Cheaper per
 * hit than a strict LRU (no delete + re-insert), and never a full clear that makes every word cold
 * at once.
 */
export class Memo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}

/**
 * The last result of a one-argument function, for work several steps repeat on the same input
 * (every language's analyser normalises and tokenises the same message).
 */
export function lastOf<A, R>(fn: (a: A) => R): (a: A) => R {
  let hasLast = false;
  let lastIn: A;
  let lastOut: R;
  return (a: A): R => {
    if (!hasLast || a !== lastIn) {
      lastOut = fn(a);
      lastIn = a;
      hasLast = true;
    }
    return lastOut;
  };
}
