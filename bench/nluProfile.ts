/**
 * `npx tsx bench/nluProfile.ts [ordinary|long|long-word|long-random|long-pasted]`: where classification time goes. Trains the shipped
 * content first (not profiled), then profiles classify() over the bench's inputs with the V8
 * profiler (node:inspector) and prints self time by area and function and the inclusive share of
 * the NLU's pipeline steps (docs/nlu.md, "Benchmark").
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNlu } from '../src/nlu';
import { longMessages, ordinaryMessages } from './nluInputs';
import { summariseProfile } from './profileSummary';

const STEPS = ['detect', 'maskedTokens', 'tokens', 'stem', 'correct', 'assess', 'features', 'compoundParts', 'scores', 'naturalModel', 'ownModel', 'secondWorry', 'topicScores', 'starts', 'allMatches', 'maskTokens', 'conceptPositions', 'closestKind', 'hasDistinctiveFeature'];

const repoRoot = path.resolve(__dirname, '..');
/** long-word, long-random, long-pasted: one of the three kinds of long input (bench/nluInputs.ts). */
const KINDS = ['ordinary', 'long', 'long-word', 'long-random', 'long-pasted'];
const kind = KINDS.includes(process.argv[2]) ? process.argv[2] : 'ordinary';
const { nlu } = buildNlu(path.join(repoRoot, 'content'));
const ordinary = ordinaryMessages(repoRoot, 20_000);
const long = longMessages(ordinary.slice(0, 400), 900).filter((_, i) => kind === 'long' || i % 3 === KINDS.indexOf(kind) - 2);
const msgs = kind === 'ordinary' ? ordinary : long;
for (const m of msgs.slice(0, 300)) nlu.classify(m); // warm up the JIT, as a running server is

const session = new Session();
session.connect();
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));

void (async () => {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  const t0 = performance.now();
  for (const m of msgs) nlu.classify(m);
  const ms = performance.now() - t0;
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  const file = path.join(tmpdir(), `nlu-${kind}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const s = summariseProfile(file, STEPS);
  console.log(`${kind}: ${msgs.length} messages in ${ms.toFixed(0)} ms (${((1000 * ms) / msgs.length).toFixed(0)} µs each, profiler on); profile ${file}`);
  console.log('\ninclusive % of pipeline steps:');
  for (const [k, v] of Object.entries(s.inclusive).sort((a, b) => b[1] - a[1])) if (v >= 0.5) console.log(`  ${v.toFixed(1).padStart(5)}  ${k}`);
  console.log('\nby area (self %):');
  for (const a of s.byArea.slice(0, 10)) console.log(`  ${a.selfPct.toFixed(1).padStart(5)}  ${a.area}`);
  console.log('\nby function (self %):');
  for (const f of s.byFunction.slice(0, 20)) console.log(`  ${f.selfPct.toFixed(1).padStart(5)}  ${f.name}`);
})();
