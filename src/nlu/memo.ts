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
  /** Keys missed once, for admit(): at most 2 × size of them. */
  private readonly seenOnce: Memo<K, true> | null;

  /**
   * `secondSight`: admit() lets a key in only on its second miss, so a flood of keys that never
   * come back (a pasted wall of random words) cannot push out the ones in use.
   */
  constructor(
    private readonly size: number,
    secondSight = false,
  ) {
    this.seenOnce = secondSight ? new Memo<K, true>(size) : null;
  }

  /** Whether a missed key should be stored now (always, without `secondSight`). */
  admit(key: K): boolean {
    if (!this.seenOnce || this.seenOnce.get(key)) return true;
    this.seenOnce.set(key, true);
    return false;
  }

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
    this.seenOnce?.clear();
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

/**
 * Something that carries the results of pure work done on it (a token: its pattern lists, its
 * features), as owner/value pairs. The analyser's word memo shares one token between every
 * message with that word, so what is worked out for a word once is found on it the next time,
 * without a table lookup. `memo: null` marks an object that is not shared (a word of a long
 * message past the memo's share, a corrected word): nothing is kept on it, as nothing would ever
 * find it again. A WeakMap keyed by the token would cost several times as much per new token.
 */
export interface Remembers {
  memo?: unknown[] | null;
}

/** What `owner` remembered on `o`, or undefined. Owners are few per object (an analyser, its indexes). */
export function recall(o: Remembers, owner: object): unknown {
  const m = o.memo;
  if (!m) return undefined;
  for (let k = 0; k < m.length; k += 2) if (m[k] === owner) return m[k + 1];
  return undefined;
}

export function remember(o: Remembers, owner: object, value: unknown): void {
  if (o.memo === undefined) o.memo = [owner, value];
  else if (o.memo !== null) o.memo.push(owner, value);
}
