/**
 * The glossary check: one term per language for each role and service. content/glossary.yaml
 * lists, per concept, the term to use and the terms to avoid; every resident text (a `fi:`,
 * `sv:` or `en:` value in the resident-facing content files) that contains an avoided term is a
 * GLO001 warning at its position. Input phrases (what residents may type) are not checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPair, isScalar, LineCounter, parseDocument, visit, type Scalar } from 'yaml';
import { isLang, LANGS, type Lang } from '../lang';
import type { Diagnostic } from './diagnostic';

export interface GlossaryTerm {
  concept: string;
  use: Record<Lang, string>;
  avoid: Record<Lang, string[]>;
}

interface Rule {
  lang: Lang;
  pattern: RegExp;
  word: string;
  term: GlossaryTerm;
}

/** "handledare*" → /(?<![\p{L}])handledare\p{L}*(?![\p{L}])/iu: a whole word, any ending. */
function wordPattern(word: string): RegExp {
  const stem = word.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<!\\p{L})${stem}${word.endsWith('*') ? '\\p{L}*' : ''}(?!\\p{L})`, 'iu');
}

export function readGlossary(contentDir: string): GlossaryTerm[] {
  const file = path.join(contentDir, 'glossary.yaml');
  if (!fs.existsSync(file)) return [];
  const doc = parseDocument(fs.readFileSync(file, 'utf8')).toJS() as { terms?: GlossaryTerm[] } | null;
  return (doc?.terms ?? []).map((t) => ({
    concept: String(t.concept),
    use: { fi: String(t.use?.fi ?? ''), sv: String(t.use?.sv ?? ''), en: String(t.use?.en ?? '') },
    avoid: { fi: t.avoid?.fi ?? [], sv: t.avoid?.sv ?? [], en: t.avoid?.en ?? [] },
  }));
}

/** The files residents read: dialogs (not tests) and content, minus the input-phrase files. */
export function residentTextFiles(rootDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'nlu') walk(p);
      } else if (/\.ya?ml$/.test(e.name) && !/\.test\.ya?ml$/.test(e.name) && !['commands.yaml', 'glossary.yaml'].includes(e.name)) {
        out.push(p);
      }
    }
  };
  walk(path.join(rootDir, 'dialogs'));
  walk(path.join(rootDir, 'content'));
  return out.sort();
}

export function checkGlossary(rootDir: string, terms: GlossaryTerm[] = readGlossary(path.join(rootDir, 'content'))): Diagnostic[] {
  const rules: Rule[] = terms.flatMap((term) => LANGS.flatMap((lang) => term.avoid[lang].map((word) => ({ lang, word, term, pattern: wordPattern(word) }))));
  if (rules.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const file of residentTextFiles(rootDir)) {
    const lc = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc });
    const rel = path.relative(rootDir, file).split(path.sep).join('/');
    visit(doc, {
      Pair(_k, pair) {
        if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return;
        const lang = String((pair.key as Scalar).value) as Lang;
        const value = (pair.value as Scalar).value;
        if (!isLang(lang) || typeof value !== 'string') return;
        for (const r of rules) {
          if (r.lang !== lang) continue;
          const m = r.pattern.exec(value);
          if (!m) continue;
          const pos = lc.linePos((pair.value as Scalar).range?.[0] ?? 0);
          out.push({
            file: rel, line: pos.line, col: pos.col, code: 'GLO001', severity: 'warning',
            message: `expected "${r.term.use[lang]}" for ${r.term.concept} (${lang}), found "${m[0]}"`,
            hint: 'one term per language for each role and service: see the glossary in docs/editing.md',
          });
        }
      },
    });
  }
  return out;
}

