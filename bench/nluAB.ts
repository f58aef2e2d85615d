/**
 * `npx tsx bench/nluAB.ts <rootA> <rootB> [rounds]`: classify() time of two versions of the NLU
 * code side by side in one process, for before/after figures on a shared, loaded machine (two
 * bench runs a minute apart differ by more than most changes). A root is a directory with the
 * code's `src/` (e.g. `git archive <rev> src | tar -x -C /tmp/a` and a `node_modules` symlink);
 * both run on this tree's content and bench/nluInputs.ts inputs. Each round trains a fresh engine
 * of each version (the order alternates), warms it on 500 ordinary messages and times 2,000
 * ordinary messages and the 200 inputs of each long kind, in the bench's order; per message the
 * smallest min(wall, CPU) of the rounds is kept, as in bench/nlu.bench.ts.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { longMessages, ordinaryMessages } from './nluInputs';

type Build = (contentDir: string) => { nlu: { classify(text: string): unknown } };

const repoRoot = path.resolve(__dirname, '..');
const roots = [process.argv[2], process.argv[3]];
if (!roots[0] || !roots[1]) throw new Error('usage: npx tsx bench/nluAB.ts <rootA> <rootB> [rounds]');
const rounds = Number(process.argv[4] ?? 4);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builds = roots.map((r) => (require(path.resolve(r, 'src/nlu')) as { buildNlu: Build }).buildNlu);
const msgs = ordinaryMessages(repoRoot, 2500);
const long = longMessages(msgs.slice(0, 400), 600);
const SETS = ['ordinary', 'one word', 'random words', 'pasted'];
const inputs = [msgs.slice(500, 2500), ...[0, 1, 2].map((k) => long.filter((_, i) => i % 3 === k))];
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** best[version][set][message]: the smallest min(wall, CPU) so far. */
const best: number[][][] = roots.map(() => SETS.map(() => []));
for (let r = 0; r < rounds; r++) {
  for (const v of r % 2 ? [1, 0] : [0, 1]) {
    const { nlu } = builds[v](path.join(repoRoot, 'content'));
    for (let i = 0; i < 500; i++) nlu.classify(msgs[i]);
    inputs.forEach((set, s) =>
      set.forEach((m, i) => {
        const c0 = cpuMs();
        const t0 = performance.now();
        nlu.classify(m);
        const x = Math.min(performance.now() - t0, cpuMs() - c0);
        const b = best[v][s];
        b[i] = b[i] === undefined ? x : Math.min(b[i], x);
      }),
    );
  }
}
const quantile = (xs: readonly number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
SETS.forEach((name, s) => {
  const cols = roots.map((root, v) => `${root}: median ${quantile(best[v][s], 0.5).toFixed(3)} p99 ${quantile(best[v][s], 0.99).toFixed(3)} ms`);
  console.log(`${name.padEnd(13)} ${cols.join(' | ')}`);
});
