/** The speed work must not change a decision: exact re-implementations and bounded memo tables. */
import type { BayesClassifier as NaturalClassifier } from 'natural';
import { fold, foldUnicode } from '../../src/nlu/fold';
import { Memo } from '../../src/nlu/memo';
import { NaturalBayes } from '../../src/nlu/naturalBayes';
import { normalise } from '../../src/nlu/normalise';
import { tokenise } from '../../src/nlu/tokenise';
import { devUtterances } from '../../bench/nluInputs';
import { repoRoot } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const NaturalBayesClassifier: typeof NaturalClassifier = require('natural/lib/natural/classifiers/bayes_classifier');

describe('NaturalBayes (naturalBayes.ts)', () => {
  it('gives natural\'s BayesClassifier probabilities bit for bit, labels in its order', () => {
    const lines = devUtterances(repoRoot);
    // Integer-like words and an Object.prototype name exercise natural's plain-object key order.
    const docs = lines.map((u, i) => ({ words: [...tokenise(normalise(u.text)), ...(i % 7 === 0 ? [String(i % 50), 'constructor'] : [])], label: u.topics[0] }));
    const train = docs.filter((_, i) => i % 2 === 0);
    const natural = new NaturalBayesClassifier(undefined, 0.05);
    const ours = new NaturalBayes(0.05);
    for (const d of train) {
      if (d.words.length) natural.addDocument(d.words, d.label);
      ours.addDocument(d.words, d.label);
    }
    natural.train();
    ours.train();
    const observations = docs.filter((_, i) => i % 2 === 1).map((d) => [...new Set(d.words)]);
    expect(observations.length).toBeGreaterThan(400);
    for (const o of observations) expect(ours.getClassifications(o)).toEqual(natural.getClassifications([...o]));
  });
});

describe('Memo (memo.ts)', () => {
  it('keeps words in use and stays bounded under random input', () => {
    const m = new Memo<string, number>(100);
    m.set('apua', 1);
    for (let i = 0; i < 10_000; i++) {
      m.set(`w${i}`, i);
      if (i % 50 === 0) expect(m.get('apua')).toBe(1);
    }
    expect(m.get('w0')).toBeUndefined();
    expect(m.get('w9999')).toBe(9999);
    const sizes = m as unknown as { young: Map<string, number>; old: Map<string, number> };
    expect(sizes.young.size + sizes.old.size).toBeLessThanOrEqual(200);
  });
});

describe('Memo second sight (memo.ts admit)', () => {
  it('lets a key in on its second miss only, so a flood of one-off keys keeps the words in use', () => {
    const m = new Memo<string, number>(100, true);
    expect(m.admit('apua')).toBe(false);
    expect(m.admit('apua')).toBe(true);
    m.set('apua', 1);
    for (let i = 0; i < 10_000; i++) {
      const key = `w${i}`;
      if (m.admit(key)) m.set(key, i);
    }
    expect(m.get('apua')).toBe(1);
    expect(m.get('w9999')).toBeUndefined();
    expect(new Memo<string, number>(100).admit('x')).toBe(true);
  });
});

describe('fold (fold.ts)', () => {
  it('folds letter by letter below U+0250 exactly as the whole-word definition, and other text by it', () => {
    // Every pair of letters (and each alone) in the table's range: a pair is where composing could differ.
    for (let a = 0; a < 0x250; a++) {
      const x = String.fromCharCode(a);
      expect(fold(x)).toBe(foldUnicode(x));
      for (let b = 0; b < 0x250; b++) {
        const xy = x + String.fromCharCode(b);
        if (fold(xy) !== foldUnicode(xy)) expect(`${a.toString(16)} ${b.toString(16)} ${fold(xy)}`).toBe(foldUnicode(xy));
      }
    }
    const words = [...devUtterances(repoRoot).flatMap((u) => tokenise(normalise(u.text))), 'unilääkkeitä', 'hemvård', 'cafe\u0301', 'a\u0308iti', '가각', 'ﬁnnish'];
    for (const w of words) expect(fold(w)).toBe(foldUnicode(w));
  });
});
