/**
 * Understanding a typed answer to a question: a choice by number ("2"), by label, or tolerantly
 * (case, å/ä/ö, small typos, inflected forms via stems); a number; yes or no.
 */
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../lang';
import type { Choice } from './program';
import { foldText } from './normaliseText';

export type Stemmer = (text: string, lang: Lang) => string[];

export function matchChoice(text: string, choices: Choice[], lang: Lang, stems?: Stemmer): Choice | undefined {
  const folded = foldText(text);
  if (!folded) return undefined;
  const asNumber = /^(\d{1,3})\.?$/.exec(folded);
  if (asNumber) {
    // A number up to the count of choices picks by position (as the numbered list suggests);
    // "25" at an age question whose choices are ranges ("18–29") means the range that holds it.
    const value = Number(asNumber[1]);
    if (value >= 1 && value <= choices.length) return choices[value - 1];
    return choiceForNumber(value, choices, lang);
  }
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

/** The numeric range a label describes: "18–29", "alle 18" / "under 18", "65+" / "65 tai yli". */
function labelRange(label: string): [number, number] | undefined {
  const text = label.toLowerCase();
  const between = /(\d+)\s*[–-]\s*(\d+)/.exec(text);
  if (between) return [Number(between[1]), Number(between[2])];
  const below = /(?:alle|under|below|younger than)\s*(\d+)/.exec(text);
  if (below) return [0, Number(below[1]) - 1];
  const above = /(\d+)\s*(?:\+|tai yli|tai vanhempi|eller äldre|eller mer|or older|or over|and over)/.exec(text);
  if (above) return [Number(above[1]), Number.POSITIVE_INFINITY];
  return undefined;
}

/** The one choice whose range holds the number, when every matching label is a range. */
function choiceForNumber(value: number, choices: Choice[], lang: Lang): Choice | undefined {
  const ranges = choices.map((c) => labelRange(c.label[lang]));
  if (ranges.filter(Boolean).length < 2) return undefined;
  const fitting = choices.filter((_, i) => ranges[i] && value >= ranges[i]![0] && value <= ranges[i]![1]);
  return fitting.length === 1 ? fitting[0] : undefined;
}
