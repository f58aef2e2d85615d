/**
 * A small deterministic generator (mulberry32): the same seed gives the same numbers, so a
 * training run or a benchmark can be repeated exactly. Not for anything secret: tokens and ids
 * come from node:crypto (src/state/randomPool.ts). A leaf module, usable from every layer.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
