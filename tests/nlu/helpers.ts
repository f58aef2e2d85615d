/** One trained Nlu shared by the tests of a file (training takes ~0.1 s). */
import path from 'node:path';
import { buildNlu, Nlu } from '../../src/nlu';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const contentDir = path.join(repoRoot, 'content');

let cached: Nlu | null = null;
/** The Nlu production builds: rules, phrases and the message model learned from every labelled set. */
export function shippedNlu(): Nlu {
  if (!cached) cached = buildNlu(contentDir).nlu;
  return cached;
}

let rulesCached: Nlu | null = null;
/** The rules and phrases alone, without the message model: for tests of what a rule or guard decides. */
export function rulesOnlyNlu(): Nlu {
  if (!rulesCached) rulesCached = buildNlu(contentDir, { messages: [] }).nlu;
  return rulesCached;
}

export type Lang = 'fi' | 'sv' | 'en';

/** The crisis decision as one string: "none", or level/kind ("crisis/suicide", "check/violence"). */
export function crisisLevelOf(text: string, lang: Lang, nlu: Nlu = shippedNlu()): string {
  const r = nlu.detectCrisis(text, lang);
  return r.level === 'none' ? 'none' : `${r.level}/${r.kind}`;
}

/**
 * Expects a crisis decision: a level/kind string, or "not crisis" (anything but the full
 * response) or "caught" (the full response, of any kind).
 */
export function expectCrisisLevel(text: string, lang: Lang, expected: string, nlu: Nlu = shippedNlu()): void {
  const got = crisisLevelOf(text, lang, nlu);
  if (expected === 'not crisis') expect(got.startsWith('crisis')).toBe(false);
  else if (expected === 'caught') expect(got.startsWith('crisis')).toBe(true);
  else expect(got).toBe(expected);
}

/** One it.each over [text, lang, expected] rows, decided by the rules alone (rulesOnlyNlu), as expectCrisisLevel reads `expected`. */
export function checkRuleLevels(cases: [string, Lang, string][]): void {
  it.each(cases)('%s (%s) → %s', (text, lang, expected) => expectCrisisLevel(text, lang, expected, rulesOnlyNlu()));
}
