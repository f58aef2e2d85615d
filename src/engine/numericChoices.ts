/**
 * Choices that are numeric ranges ("18–29", "alle 18", "65 tai yli", "Alle kouluikäinen (0–6 v)",
 * "1–2", "10 tai enemmän"): a typed number is a value, not a position, and picks the range that
 * holds it, whether typed alone ("25") or in a sentence ("oon 22v"). A typed range ("2-4 kertaa
 * kuussa") picks the choice with that same range.
 */
import type { Lang } from '../lang';
import type { Choice } from './program';

/** Age units after a number, inflected ("3-vuotiaalla", "2 år", "4 years old", "22v"), folded or not. */
const AGE_UNIT = String.raw`(?:v|vee|vuotta|vuotia\w*|vuotias|vuoden|ar|år|ars|års|arig|årig|years?|yrs?|yo|y\/o)\b`;
const UNIT = String.raw`(?:[\s-]*${AGE_UNIT})?`;

/** The numeric range a label describes. */
export function labelRange(label: string): [number, number] | undefined {
  const text = label.toLowerCase();
  const between = /(\d+)\s*(?:[–-]|to|or|tai|eller)\s*(\d+)/.exec(text);
  if (between) return [Number(between[1]), Number(between[2])];
  const below = /(?:alle|under|below|younger than)\s*(\d+)/.exec(text);
  if (below) return [0, Number(below[1]) - 1];
  const orYounger = new RegExp(String.raw`(\d+)${UNIT}\s*(?:tai nuorempi|tai alle|eller yngre|or younger|or under)`).exec(text);
  if (orYounger) return [0, Number(orYounger[1])];
  const above = new RegExp(String.raw`(\d+)${UNIT}\s*(?:\+|tai yli|tai vanhempi|tai enemmän|tai useammin|eller äldre|eller mer|eller fler|eller oftare|or older|or over|or more|and over)`).exec(text);
  if (above) return [Number(above[1]), Number.POSITIVE_INFINITY];
  return undefined;
}

/**
 * Every choice is a range (at least two): a number typed here is an age or an amount, not a
 * position. Where only some are ("Omastani / Toisen, 16 tai vanhempi / Lapsen (15 tai nuorempi)")
 * a number up to the count of choices is a position.
 */
export function hasRanges(choices: Choice[], lang: Lang): boolean {
  return choices.length >= 2 && choices.every((c) => labelRange(c.label[lang]));
}

/** The one choice whose range holds the number. */
export function choiceForNumber(value: number, choices: Choice[], lang: Lang): Choice | undefined {
  const fitting = choices.filter((c) => {
    const range = labelRange(c.label[lang]);
    return range && value >= range[0] && value <= range[1];
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** A range typed by the resident ("2-4", "2–4", "3 - 4" in the raw text). */
export function typedRange(raw: string): [number, number] | undefined {
  const m = /(?:^|\D)(\d{1,3})\s*[–—-]\s*(\d{1,3})(?:\D|$)/.exec(raw);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The one choice whose label has exactly this range. */
export function choiceForRange(range: [number, number], choices: Choice[], lang: Lang): Choice | undefined {
  const same = choices.filter((c) => {
    const r = labelRange(c.label[lang]);
    return r && r[0] === range[0] && r[1] === range[1];
  });
  return same.length === 1 ? same[0] : undefined;
}

/** A number in a folded sentence, with or without a unit ("oon 22v", "han on 84 vuotta", "3 vuotiaalla"). */
export function numberInText(folded: string): number | undefined {
  const m = new RegExp(String.raw`(?:^|\s)(\d{1,3})${UNIT}(?:\s|$|-)`).exec(spaced(folded));
  return m ? Number(m[1]) : undefined;
}

/**
 * An age the resident states: a number with an age unit ("3-vuotiaalla", "2 år", "4 years old",
 * "2v") or after "is/är/on" ("my son is 4", "min dotter är 2"). A bare number ("kuumetta 3
 * päivää") is not an age.
 */
export function statedAge(folded: string): number | undefined {
  const text = spaced(folded);
  const withUnit = new RegExp(String.raw`(?:^|\s)(\d{1,3})\s*${AGE_UNIT}`).exec(text);
  if (withUnit) return Number(withUnit[1]);
  const after = /(?:^|\s)(?:is|ar|on|oon|olen|am|im)\s+(\d{1,3})(?:\s|$)(?!(?:paiva|viikko|kuukau|kertaa|lasta|lapsi|dag|vecka|manad|gang|barn|day|week|month|time|kid|child))/.exec(text);
  return after ? Number(after[1]) : undefined;
}

/** "22v" → "22 v", "3vuotiaalla" → "3 vuotiaalla": a unit glued to the number. */
function spaced(folded: string): string {
  return folded.replace(/(\d)([a-z])/g, '$1 $2');
}
