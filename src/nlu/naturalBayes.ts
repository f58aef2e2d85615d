/**
 * natural's BayesClassifier (natural 8.1 over apparatus 0.0.10), the same arithmetic in the same
 * order, without its per-message pass over the whole vocabulary: natural turns every message into
 * a 0/1 vector as long as the vocabulary (textToFeatures) and every training document too (so
 * training was quadratic), then sums log(count / total) over the 1s from the last feature down.
 * Here a message looks up its own few features and sums the same precomputed logs in that same
 * descending feature order, so every probability is bit for bit natural's
 * (tests/nlu/features.test.ts compares the two on the shipped content). Feature order is natural's
 * too: the key order of a plain object (integer-like keys first, then insertion order).
 */
export interface Classification {
  label: string;
  value: number;
}

export class NaturalBayes {
  /** Feature → occurrence count, a plain object as in natural (its key order is the feature order). */
  private readonly features: { [f: string]: number } = {};
  private readonly docs: { label: string; words: readonly string[] }[] = [];
  private index = new Map<string, number>();
  /** label → log(count / classTotal) per feature index, for features seen with the label. */
  private logs = new Map<string, Map<number, number>>();
  /** label → log(smoothing / classTotal), for a feature never seen with the label. */
  private unseen = new Map<string, number>();
  private priors = new Map<string, number>();

  constructor(private readonly smoothing = 1) {}

  addDocument(words: readonly string[], label: string): void {
    if (words.length === 0) return;
    this.docs.push({ label, words: [...words] });
    for (const w of words) this.features[w] = (this.features[w] || 0) + 1;
  }

  train(): void {
    const keys = Object.keys(this.features);
    this.index = new Map(keys.map((k, i) => [k, i]));
    // apparatus: totals start at 1 ("an extra for smoothing"), a feature's first count at 1 + smoothing.
    const classFeatures = new Map<string, Map<number, number>>();
    const classTotals = new Map<string, number>();
    let totalExamples = 1;
    for (const doc of this.docs) {
      let cf = classFeatures.get(doc.label);
      if (!cf) {
        classFeatures.set(doc.label, (cf = new Map()));
        classTotals.set(doc.label, 1);
      }
      totalExamples++;
      classTotals.set(doc.label, classTotals.get(doc.label)! + 1);
      for (const i of new Set(doc.words.map((w) => this.index.get(w)!))) {
        const c = cf.get(i);
        cf.set(i, c ? c + 1 : 1 + this.smoothing);
      }
    }
    this.logs = new Map();
    for (const [label, cf] of classFeatures) {
      const total = classTotals.get(label)!;
      this.logs.set(label, new Map([...cf].map(([i, c]) => [i, Math.log(c / total)])));
      this.unseen.set(label, Math.log(this.smoothing / total));
      this.priors.set(label, total / totalExamples);
    }
  }

  /** natural's getClassifications: labels in first-seen order, sorted by probability (stable). */
  getClassifications(observation: readonly string[]): Classification[] {
    const present = [...new Set(observation.map((w) => this.index.get(w)).filter((i): i is number => i !== undefined))].sort((a, b) => b - a);
    const out: Classification[] = [];
    for (const [label, logs] of this.logs) {
      const unseen = this.unseen.get(label)!;
      let prob = 0;
      for (const i of present) prob += logs.get(i) ?? unseen;
      out.push({ label, value: this.priors.get(label)! * Math.exp(prob) });
    }
    return out.sort((x, y) => y.value - x.value);
  }
}
