/**
 * Loads the editor-written training content from content/nlu/ into plain data:
 *   topics.<lang>.yaml   topic → example phrases
 *   crisis.<lang>.yaml   crisis kind → patterns, plus `not-crisis` hyperbole patterns
 *   spelling.<lang>.yaml colloquial/variant spellings and stop words
 *   risk.<lang>.yaml     crisis risk-model concept → words (docs/crisis-model.md)
 *   risk.all.<group>.yaml words of no one language (medicine brands), into every language's concepts
 *   omaolo.yaml          Omaolo assessment id → keywords per language
 *   dictionary/<lang>.txt words spelled right, left alone by typo correction (dictionary.ts)
 * Broken files are skipped and broken entries dropped, each with a diagnostic (codes in docs/nlu.md).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic';
import { CRISIS_KINDS, CrisisKind, LANGS, Lang, OMAOLO_IDS, TOPICS, Topic, isCrisisKind, isLang, isTopic } from './types';
import { CONCEPTS, Concept, isConcept } from './riskRules';
import { PhraseLint, YamlFile } from './yamlSource';
import { spacedAlternative } from './spacedAlternative';
import { Dictionary, readDictionaries } from './dictionary';

export const MIN_EXAMPLES = 10;

export interface LangData {
  topics: Map<Topic, string[]>;
  crisis: Map<CrisisKind, string[]>;
  notCrisis: string[];
  risk: Map<Concept, string[]>;
  colloquial: Map<string, string>;
  /** Clipped endings of speech (clipped.ts), in file order. */
  clipped: [string, string[]][];
  /** Intensifier prefixes written together with their word (intensifier.ts). */
  intensifiers: string[];
  stopwords: Set<string>;
  /** Words spelled right that typo correction leaves alone (dictionary.ts; content/nlu/dictionary/). */
  dictionary: Dictionary;
}

export interface TrainingData {
  langs: Map<Lang, LangData>;
  /** Assessment id → language → keyword patterns, in file order (earlier wins ties). */
  omaolo: Map<string, Map<Lang, string[]>>;
}

function emptyLang(): LangData {
  return { topics: new Map(), crisis: new Map(), notCrisis: [], risk: new Map(), colloquial: new Map(), clipped: [], intensifiers: [], stopwords: new Set(), dictionary: new Set() };
}

/** Accepts the content root ("content") or the nlu folder itself. */
export function resolveNluDir(contentDir: string): string {
  const nested = path.join(contentDir, 'nlu');
  return existsSync(nested) ? nested : contentDir;
}

export function loadTrainingData(contentDir: string): { data: TrainingData; diagnostics: Diagnostic[] } {
  const dir = resolveNluDir(contentDir);
  const repoRoot = path.dirname(path.resolve(dir, '..'));
  const rel = (f: string): string => path.relative(repoRoot, f).split(path.sep).join('/');
  const diagnostics: Diagnostic[] = [];
  const data: TrainingData = { langs: new Map(LANGS.map((l) => [l, emptyLang()])), omaolo: new Map() };

  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch {
    diagnostics.push({ file: rel(dir), line: 1, col: 1, code: 'NLU011', severity: 'error', message: 'training content folder not found; every message will be "unknown"' });
    return { data, diagnostics };
  }
  for (const kind of ['topics', 'crisis', 'spelling', 'risk']) {
    for (const lang of LANGS) {
      if (!names.includes(`${kind}.${lang}.yaml`)) {
        diagnostics.push({ file: rel(path.join(dir, `${kind}.${lang}.yaml`)), line: 1, col: 1, code: 'NLU010', severity: 'warning', message: 'expected file is missing' });
      }
    }
  }

  for (const name of names) {
    const file = new YamlFile(path.join(dir, name), rel(path.join(dir, name)));
    // `risk.fi.emergency.yaml`: a part of `risk.fi.yaml` (one concept group a file, under 400 lines); parts add to the same lists.
    const m = /^(topics|crisis|spelling|risk)\.([a-z]+)(?:\.[a-z][a-z-]*)?\.ya?ml$/.exec(name);
    if (name === 'omaolo.yaml') {
      if (file.load()) readOmaolo(file, data);
    } else if (m && m[1] === 'risk' && m[2] === 'all') {
      // A brand such as Opamox is typed the same in a Swedish message as in a Finnish one (blind set P).
      if (file.load()) {
        const words = new Map<Concept, string[]>();
        readRisk(file, words, 'en');
        for (const lang of LANGS) for (const [c, list] of words) data.langs.get(lang)!.risk.set(c, [...(data.langs.get(lang)!.risk.get(c) ?? []), ...list]);
      }
    } else if (m && isLang(m[2])) {
      if (file.load()) {
        const target = data.langs.get(m[2])!;
        if (m[1] === 'topics') readTopics(file, target);
        else if (m[1] === 'crisis') readCrisis(file, target, m[2]);
        else if (m[1] === 'risk') readRisk(file, target.risk, m[2]);
        else readSpelling(file, target);
      }
    } else {
      file.report('NLU009', null, `unknown file name "${name}"; it was ignored`, 'use topics.<fi|sv|en>.yaml, crisis.<lang>.yaml, risk.<lang>.yaml, spelling.<lang>.yaml (each may have parts such as risk.<lang>.<group>.yaml), risk.all.<group>.yaml or omaolo.yaml', 'warning');
    }
    diagnostics.push(...file.diagnostics);
  }
  for (const [lang, words] of readDictionaries(dir)) data.langs.get(lang)!.dictionary = words;
  return { data, diagnostics };
}

function readTopics(file: YamlFile, target: LangData): void {
  file.checkTopKeys(['topics']);
  for (const { key, keyNode, value } of file.entries(file.top('topics'), '"topics"')) {
    if (!isTopic(key)) {
      file.report('NLU003', keyNode, `unknown topic "${key}"`, `topics are: ${TOPICS.join(', ')}`);
      continue;
    }
    const phrases = dedupe(file, value, file.strings(value, `topic "${key}"`));
    if (phrases.length < MIN_EXAMPLES && key !== 'crisis') {
      file.report('NLU008', keyNode, `topic "${key}" has only ${phrases.length} example phrases`, `write at least ${MIN_EXAMPLES}, in different words`, 'warning');
    }
    target.topics.set(key, [...(target.topics.get(key) ?? []), ...phrases]);
  }
}

/** Warns of a pattern group that reads like a two-word alternative (spacedAlternative.ts, NLU014). */
function patternLint(lang: Lang): PhraseLint {
  return (text) => {
    const found = spacedAlternative(text, lang);
    if (!found) return null;
    return {
      code: 'NLU014',
      offset: found.offset,
      message: `"${found.group}" offers one word or another, but looks as if it were meant to offer phrases of two words`,
      hint: 'an alternative is one word: "beating her|him the woman" cannot be written in one line; put "beating the woman" and "beating my mum" on lines of their own',
    };
  };
}

function readCrisis(file: YamlFile, target: LangData, lang: Lang): void {
  file.checkTopKeys(['patterns', 'not-crisis']);
  for (const { key, keyNode, value } of file.entries(file.top('patterns'), '"patterns"')) {
    if (!isCrisisKind(key)) {
      file.report('NLU004', keyNode, `unknown crisis kind "${key}"`, `kinds are: ${CRISIS_KINDS.join(', ')}`);
      continue;
    }
    target.crisis.set(key, [...(target.crisis.get(key) ?? []), ...file.strings(value, `crisis kind "${key}"`, patternLint(lang))]);
  }
  target.notCrisis.push(...file.strings(file.top('not-crisis'), '"not-crisis"', patternLint(lang)));
}

function readRisk(file: YamlFile, risk: Map<Concept, string[]>, lang: Lang): void {
  file.checkTopKeys(['concepts']);
  for (const { key, keyNode, value } of file.entries(file.top('concepts'), '"concepts"')) {
    if (!isConcept(key)) {
      file.report('NLU013', keyNode, `unknown risk concept "${key}"`, `concepts are: ${CONCEPTS.join(', ')}`);
      continue;
    }
    risk.set(key, [...(risk.get(key) ?? []), ...file.strings(value, `concept "${key}"`, patternLint(lang))]);
  }
}

function readSpelling(file: YamlFile, target: LangData): void {
  file.checkTopKeys(['colloquial', 'clipped', 'intensifiers', 'stopwords']);
  const colloquial = file.top('colloquial');
  if (colloquial !== undefined && colloquial !== null) {
    for (const { key, value } of file.entries(colloquial, '"colloquial"')) {
      const v = (value as { value?: unknown } | null)?.value;
      if (typeof v !== 'string' && v !== null) {
        file.report('NLU002', value, `expected the standard spelling of "${key}" as text`);
        continue;
      }
      target.colloquial.set(key.toLowerCase().normalize('NFC'), (v ?? '').toLowerCase().normalize('NFC'));
    }
  }
  const clipped = file.top('clipped');
  if (clipped !== undefined && clipped !== null) {
    for (const { key, value } of file.entries(clipped, '"clipped"')) {
      const v = (value as { value?: unknown } | null)?.value;
      if (typeof v !== 'string' || !v.trim()) {
        file.report('NLU002', value, `expected the full ending(s) of "${key}" as text ("nyt" or "een|eä")`);
        continue;
      }
      target.clipped.push([key.toLowerCase().normalize('NFC'), v.toLowerCase().normalize('NFC').split('|').filter(Boolean)]);
    }
  }
  for (const w of file.strings(file.top('intensifiers'), '"intensifiers"')) target.intensifiers.push(w.toLowerCase().normalize('NFC'));
  for (const w of file.strings(file.top('stopwords'), '"stopwords"')) target.stopwords.add(w.toLowerCase().normalize('NFC'));
}

function readOmaolo(file: YamlFile, data: TrainingData): void {
  file.checkTopKeys(['assessments']);
  for (const { key, keyNode, value } of file.entries(file.top('assessments'), '"assessments"')) {
    if (!OMAOLO_IDS.includes(key)) {
      file.report('NLU005', keyNode, `unknown Omaolo assessment id "${key}"`, `ids are: ${OMAOLO_IDS.join(', ')}`);
      continue;
    }
    const perLang = data.omaolo.get(key) ?? new Map<Lang, string[]>();
    for (const entry of file.entries(value, `assessment "${key}"`)) {
      if (!isLang(entry.key)) {
        file.report('NLU006', entry.keyNode, `unknown language "${entry.key}"`, 'use fi, sv or en');
        continue;
      }
      perLang.set(entry.key, [...(perLang.get(entry.key) ?? []), ...file.strings(entry.value, `${key}.${entry.key}`)]);
    }
    data.omaolo.set(key, perLang);
  }
}

/** Drops repeated phrases within one list, with a warning (they would silently weigh double). */
function dedupe(file: YamlFile, node: unknown, phrases: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of phrases) {
    const k = p.toLowerCase();
    if (seen.has(k)) {
      file.report('NLU012', node, `phrase "${p}" appears twice`, 'remove the repeat', 'warning');
      continue;
    }
    seen.add(k);
    out.push(p);
  }
  return out;
}
