/**
 * `npm run nlu:compare -- <baseline.jsonl | git-rev> [--rev-content]` and
 * `npm run nlu:compare -- --save <baseline.jsonl>`
 *
 * A regression guard for work that must not change what the NLU decides (speed work): records the
 * full classify(text, localeHint) result and the language on the Finnish page of every eval/dev
 * line (with its production hint and with none), of recombined ordinary messages and of
 * 4,000-character inputs (bench/nluInputs.ts), plus the stems the dialog engine matches choices
 * with, and diffs them against a saved baseline or against the code of a git revision. With a revision, its src/ is unpacked into a temporary
 * directory and run on THIS tree's content (so content edits made elsewhere do not show up as code
 * differences; `--rev-content` uses the revision's content too). Exits 1 on any difference.
 * Nothing is committed: a baseline is a file you save before you start.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devUtterances, longMessages, ordinaryMessages } from '../bench/nluInputs';
import type { Lang, Nlu, NluBuildResult } from '../src/nlu';

const repoRoot = path.resolve(__dirname, '..');
const RECOMBINED = 2000;
const LONG = 60;
const MAX_SHOWN = 40;
const HINTS = ['fi', 'sv', 'en', undefined] as const;

interface Input {
  id: string;
  text: string;
  hint?: string;
  stemsLang?: Lang;
}

interface Record {
  id: string;
  text: string;
  hint?: string;
  result: unknown;
}

function inputs(): Input[] {
  const dev = devUtterances(repoRoot);
  const out: Input[] = [];
  dev.forEach((u, i) => {
    out.push({ id: `${u.file}:${i}:hint`, text: u.text, hint: u.locale ?? u.lang, stemsLang: u.lang });
    out.push({ id: `${u.file}:${i}:nohint`, text: u.text });
  });
  const ordinary = ordinaryMessages(repoRoot, dev.length + RECOMBINED);
  ordinary.slice(dev.length).forEach((text, i) => out.push({ id: `recombined:${i}`, text, hint: HINTS[i % HINTS.length] }));
  longMessages(ordinary.slice(0, 400), LONG).forEach((text, i) => out.push({ id: `long:${i}`, text, hint: i % 2 ? 'fi' : undefined }));
  return out;
}

/** JSON with object keys sorted, so two results compare equal whatever order code built them in. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as { [k: string]: unknown };
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(x);
}

function record(nlu: Nlu): Record[] {
  return inputs().map((inp) => ({
    id: inp.id,
    text: inp.text,
    hint: inp.hint,
    result: {
      classify: nlu.classify(inp.text, inp.hint),
      // The eval's language figure on the Finnish page.
      langOnFiPage: nlu.detectLanguage(inp.text, 'fi'),
      stems: inp.stemsLang ? nlu.stems(inp.text, inp.stemsLang) : undefined,
    },
  }));
}

/** Builds the Nlu of the code under `root` (this tree or an unpacked revision) on `content`. */
function dump(root: string, content: string): Record[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(root, 'src/nlu')) as { buildNlu(dir: string): NluBuildResult };
  return record(mod.buildNlu(content).nlu);
}

const toJsonl = (rs: readonly Record[]): string => rs.map((r) => canonical(r)).join('\n') + '\n';
const fromJsonl = (s: string): Record[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record);

function revisionRecords(rev: string, ownContent: boolean): Record[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'opastin-nlu-compare-'));
  try {
    const tar = execFileSync('git', ['archive', rev, 'src', ...(ownContent ? ['content'] : [])], { cwd: repoRoot, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
    const content = ownContent ? path.join(dir, 'content') : path.join(repoRoot, 'content');
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--dump', dir, content], { cwd: repoRoot, maxBuffer: 1 << 30, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`revision ${rev} failed:\n${child.stderr}`);
    return fromJsonl(child.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compare(before: readonly Record[], after: readonly Record[]): number {
  const old = new Map(before.map((r) => [r.id, r]));
  let same = 0;
  const diffs: string[] = [];
  for (const r of after) {
    const o = old.get(r.id);
    if (!o) diffs.push(`${r.id}: not in the baseline`);
    else if (o.text !== r.text || o.hint !== r.hint) diffs.push(`${r.id}: a different input (the eval set or the generator changed; save a new baseline)`);
    else if (canonical(o.result) !== canonical(r.result)) diffs.push(`${r.id} ${JSON.stringify(r.text.slice(0, 80))} hint ${r.hint ?? '-'}\n  before ${canonical(o.result)}\n  after  ${canonical(r.result)}`);
    else same++;
  }
  for (const id of old.keys()) if (!after.some((r) => r.id === id)) diffs.push(`${id}: missing now`);
  console.log(`${same} of ${after.length} inputs give identical results; ${diffs.length} differ`);
  for (const d of diffs.slice(0, MAX_SHOWN)) console.log(d);
  if (diffs.length > MAX_SHOWN) console.log(`… and ${diffs.length - MAX_SHOWN} more`);
  return diffs.length ? 1 : 0;
}

function main(args: string[]): number {
  if (args[0] === '--dump') {
    process.stdout.write(toJsonl(dump(args[1], args[2])));
    return 0;
  }
  const content = path.join(repoRoot, 'content');
  if (args[0] === '--save' && args[1]) {
    writeFileSync(args[1], toJsonl(dump(repoRoot, content)));
    console.log(`saved ${args[1]}`);
    return 0;
  }
  const against = args.find((a) => !a.startsWith('--'));
  if (!against) {
    console.error('usage: npm run nlu:compare -- <baseline.jsonl | git-rev> [--rev-content] | --save <file>');
    return 2;
  }
  const before = existsSync(against) ? fromJsonl(readFileSync(against, 'utf8')) : revisionRecords(against, args.includes('--rev-content'));
  return compare(before, dump(repoRoot, content));
}

process.exitCode = main(process.argv.slice(2));
