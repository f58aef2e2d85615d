/**
 * Choices that are numeric ranges ("18–29", "alle 18", "65 tai yli", "Alle kouluikäinen (0–6 v)"):
 * a typed age picks the range that holds it, whether typed alone ("25") or in a sentence
 * ("oon 22v").
 */
import type { Lang } from '../lang';
import type { Choice } from './program';

const UNIT = String.raw`(?:\s*(?:v|vuotta|vuotias|vuotiaat|ar|år|years?|yrs?|yo)\b)?`;

/** The numeric range a label describes. */
function labelRange(label: string): [number, number] | undefined {
  const text = label.toLowerCase();
  const between = /(\d+)\s*[–-]\s*(\d+)/.exec(text);
  if (between) return [Number(between[1]), Number(between[2])];
  const below = /(?:alle|under|below|younger than)\s*(\d+)/.exec(text);
  if (below) return [0, Number(below[1]) - 1];
  const above = new RegExp(String.raw`(\d+)${UNIT}\s*(?:\+|tai yli|tai vanhempi|eller äldre|eller mer|or older|or over|and over)`).exec(text);
  if (above) return [Number(above[1]), Number.POSITIVE_INFINITY];
  return undefined;
}

/** At least two of the choices are ranges: numbers typed here are ages or amounts, not positions. */
export function hasRanges(choices: Choice[], lang: Lang): boolean {
  return choices.filter((c) => labelRange(c.label[lang])).length >= 2;
}

/** The one choice whose range holds the number. */
export function choiceForNumber(value: number, choices: Choice[], lang: Lang): Choice | undefined {
  const fitting = choices.filter((c) => {
    const range = labelRange(c.label[lang]);
    return range && value >= range[0] && value <= range[1];
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** A number in a folded sentence, with or without a unit ("oon 22v", "han on 84 vuotta"). */
export function numberInText(folded: string): number | undefined {
  const m = new RegExp(String.raw`(?:^|\s)(\d{1,3})${UNIT}(?:\s|$|-)`).exec(folded.replace(/(\d)(v|vuotias|yo)\b/g, '$1 $2'));
  return m ? Number(m[1]) : undefined;
}
