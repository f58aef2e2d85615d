/**
 * Understanding a typed answer to a question: a choice by number ("2"), by label, or tolerantly
 * (case, å/ä/ö, small typos, inflected forms via stems); a number; yes or no.
 */
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../bot/language';
import type { Choice } from './program';
import { foldText } from './normaliseText';

export type Stemmer = (text: string, lang: Lang) => string[];

export function matchChoice(text: string, choices: Choice[], lang: Lang, stems?: Stemmer): Choice | undefined {
  const folded = foldText(text);
  if (!folded) return undefined;
  const asNumber = /^(\d{1,2})\.?$/.exec(folded);
  if (asNumber) return choices[Number(asNumber[1]) - 1];
  // Exact label (any language: a resident may answer in another language than the bot's) or id.
  for (const l of [lang, 'fi', 'sv', 'en'] as const) {
    const exact = choices.find((c) => foldText(c.label[l]) === folded);
    if (exact) return exact;
  }
  const byId = choices.find((c) => foldText(c.id) === folded);
  if (byId) return byId;
  // Small typos: the nearest label within a distance that grows with its length.
  let best: { choice: Choice; d: number } | undefined;
  for (const choice of choices) {
    const label = foldText(choice.label[lang]);
    const d = distance(label, folded);
    const allowed = label.length >= 12 ? 3 : label.length >= 6 ? 2 : label.length >= 4 ? 1 : 0;
    if (d <= allowed && (!best || d < best.d)) best = { choice, d };
  }
  if (best) return best.choice;
  // Inflected forms: the answer's stems cover every stem of exactly one label ("ikääntymisestä").
  if (stems) {
    const answer = new Set(stems(text, lang));
    const covering = choices.filter((c) => {
      const labelStems = stems(c.label[lang], lang);
      return labelStems.length > 0 && labelStems.every((s) => answer.has(s));
    });
    if (covering.length === 1) return covering[0];
  }
  return undefined;
}

export function parseNumber(text: string): number | undefined {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)/.exec(text);
  return m ? Number(m[1].replace(',', '.')) : undefined;
}

const YES = new Set(['kylla', 'joo', 'juu', 'jep', 'ok', 'ja', 'jo', 'yes', 'yeah', 'yep', 'y', 'k']);
const NO = new Set(['ei', 'en', 'eipa', 'nej', 'no', 'nope', 'n', 'e']);

export function parseYesNo(text: string, labels: { yes: string; no: string }): boolean | undefined {
  const folded = foldText(text);
  if (folded === foldText(labels.yes) || YES.has(folded)) return true;
  if (folded === foldText(labels.no) || NO.has(folded)) return false;
  const first = folded.split(' ')[0];
  if (YES.has(first)) return true;
  if (NO.has(first)) return false;
  return undefined;
}
