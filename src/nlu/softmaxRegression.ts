/**
 * Multinomial logistic regression over sparse binary features, trained with AdaGrad (Duchi et al.
 * 2011) and L2 weight decay. It is the learner behind the message model (messageModel.ts): naive
 * Bayes, which the topic classifier uses, treats every word as independent evidence and so
 * counts a long message's ten generic words ten times; a discriminative model learns which words
 * actually tell topics apart in real messages, and which ones (a laugh, "2015", "in a novel")
 * turn a death word into something else.
 *
 * Deterministic: the example order of every epoch comes from a seeded generator, so the same
 * data always trains the same weights (tests and `nlu:compare` rely on it).
 */
import { seededRandom } from '../seededRandom';

export interface TrainingExample {
  features: readonly string[];
  /** Index into the classes. */
  label: number;
  weight?: number;
}

export interface RegressionOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update of a feature's weights. */
  l2?: number;
  seed?: number;
}

const DEFAULTS: Required<RegressionOptions> = { epochs: 12, learningRate: 0.4, l2: 1e-4, seed: 1 };

export class SoftmaxRegression {
  /** Feature → its row in `weights`. */
  private readonly index = new Map<string, number>();
  /** Row-major: feature row × class. */
  private weights = new Float64Array(0);
  private readonly bias: Float64Array;

  constructor(readonly classes: number) {
    this.bias = new Float64Array(classes);
  }

  train(examples: readonly TrainingExample[], options: RegressionOptions = {}): void {
    const o = { ...DEFAULTS, ...options };
    const k = this.classes;
    // Features as row numbers once, so the inner loop is array arithmetic, not map lookups.
    const rows = examples.map((e) => {
      const ids = new Set<number>();
      for (const f of e.features) {
        let id = this.index.get(f);
        if (id === undefined) this.index.set(f, (id = this.index.size));
        ids.add(id);
      }
      return { ids: Int32Array.from(ids), label: e.label, weight: e.weight ?? 1 };
    });
    this.weights = new Float64Array(this.index.size * k);
    const w = this.weights;
    const squares = new Float64Array(w.length);
    const biasSquares = new Float64Array(k);
    const order = rows.map((_, i) => i);
    const random = seededRandom(o.seed);
    const p = new Float64Array(k);
    const lr = o.learningRate;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const n of order) {
        const row = rows[n];
        this.logitsInto(row.ids, p);
        softmaxInPlace(p);
        for (let c = 0; c < k; c++) {
          const g = row.weight * (p[c] - (c === row.label ? 1 : 0));
          biasSquares[c] += g * g;
          this.bias[c] -= (lr * g) / Math.sqrt(biasSquares[c] + 1e-8);
          for (let r = 0; r < row.ids.length; r++) {
            const at = row.ids[r] * k + c;
            const gw = g + o.l2 * w[at];
            squares[at] += gw * gw;
            w[at] -= (lr * gw) / Math.sqrt(squares[at] + 1e-8);
          }
        }
      }
    }
  }

  /** Class probabilities of a message's features (unknown features are ignored). */
  probabilities(features: readonly string[]): Float64Array {
    const ids = new Set<number>();
    for (const f of features) {
      const id = this.index.get(f);
      if (id !== undefined) ids.add(id);
    }
    const p = new Float64Array(this.classes);
    this.logitsInto(Int32Array.from(ids), p);
    softmaxInPlace(p);
    return p;
  }

  /** Whether any of the features was seen in training. */
  knowsAny(features: readonly string[]): boolean {
    return features.some((f) => this.index.has(f));
  }

  private logitsInto(ids: Int32Array, out: Float64Array): void {
    const k = this.classes;
    for (let c = 0; c < k; c++) out[c] = this.bias[c];
    for (let r = 0; r < ids.length; r++) {
      const base = ids[r] * k;
      for (let c = 0; c < k; c++) out[c] += this.weights[base + c];
    }
  }
}

function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < v.length; c++) if (v[c] > max) max = v[c];
  let sum = 0;
  for (let c = 0; c < v.length; c++) {
    v[c] = Math.exp(v[c] - max);
    sum += v[c];
  }
  for (let c = 0; c < v.length; c++) v[c] /= sum;
}
