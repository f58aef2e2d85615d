import { SoftmaxRegression } from '../../src/nlu/softmaxRegression';

const examples = [
  { features: ['sun', 'warm'], label: 0 },
  { features: ['sun', 'beach'], label: 0 },
  { features: ['snow', 'cold'], label: 1 },
  { features: ['snow', 'ski'], label: 1 },
  { features: ['rain', 'wet'], label: 2 },
  { features: ['rain', 'umbrella'], label: 2 },
];

describe('SoftmaxRegression', () => {
  it('learns which feature tells the classes apart', () => {
    const m = new SoftmaxRegression(3);
    m.train(examples);
    for (const [f, label] of [['sun', 0], ['snow', 1], ['rain', 2]] as const) {
      const p = m.probabilities([f]);
      expect(p.indexOf(Math.max(...p))).toBe(label);
    }
  });

  it('gives probabilities that sum to one, and ignores features it never saw', () => {
    const m = new SoftmaxRegression(3);
    m.train(examples);
    const p = m.probabilities(['snow', 'never-seen']);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect([...p]).toEqual([...m.probabilities(['snow'])]);
    expect(m.knowsAny(['never-seen'])).toBe(false);
    expect(m.knowsAny(['never-seen', 'ski'])).toBe(true);
  });

  it('is deterministic: the same data trains the same weights', () => {
    const a = new SoftmaxRegression(3);
    const b = new SoftmaxRegression(3);
    a.train(examples);
    b.train(examples);
    expect([...a.probabilities(['sun', 'cold'])]).toEqual([...b.probabilities(['sun', 'cold'])]);
  });

  it('a heavier L2 penalty keeps probabilities away from 0 and 1', () => {
    const loose = new SoftmaxRegression(3);
    const tight = new SoftmaxRegression(3);
    loose.train(examples, { l2: 0 });
    tight.train(examples, { l2: 0.5 });
    expect(Math.max(...tight.probabilities(['sun']))).toBeLessThan(Math.max(...loose.probabilities(['sun'])));
  });

  it('a weighted example counts more', () => {
    const m = new SoftmaxRegression(2);
    m.train([
      { features: ['x'], label: 0, weight: 5 },
      { features: ['x'], label: 1 },
    ]);
    expect(m.probabilities(['x'])[0]).toBeGreaterThan(0.5);
  });
});
