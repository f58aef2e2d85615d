/**
 * Understanding a typed answer to a question: a choice by label (case, å/ä/ö, small typos,
 * inflected forms via stems, in any of the three languages), by one of the content's other
 * wordings (`also`), by a yes/no word, by part of its label, by number (an age picks the range
 * that holds it; a plain number picks by position only where the choices are not ranges); a
 * number; yes or no. Every rule needs exactly one fitting choice: a guess between two is no answer.
 */
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../lang';
import { LANGS } from '../lang';
import type { Choice } from './program';
import { foldText } from './normaliseText';
import { choiceForNumber, choiceForRange, hasRanges, labelRange, numberInText, typedRange } from './numericChoices';
import { phraseIn } from './phraseMatch';
import { onlySelf, selfChoice } from './selfReference';

export type Stemmer = (text: string, lang: Lang) => string[];

/**
 * Yes and no words per language, folded. A label's first word is read in its own language only:
 * the Swedish article "En" ("En vuxen närstående") is not the Finnish "en" (I don't). "on", "oli"
 * and "kyl" are how Finnish answers "onko…?", "oliko…?" and a quick yes.
 */
const YES_BY_LANG: Record<Lang, string[]> = {
  fi: ['kylla', 'kyl', 'kyla', 'joo', 'jooh', 'juu', 'jep', 'jepu', 'ok', 'okei', 'on', 'oli'],
  sv: ['ja', 'jo', 'japp', 'jaa', 'javisst', 'visst', 'absolut', 'ok'],
  en: ['yes', 'yeah', 'yea', 'yep', 'yup', 'sure', 'ok', 'okay', 'y', 'k'],
};
const NO_BY_LANG: Record<Lang, string[]> = {
  fi: ['ei', 'en', 'eipa', 'eika', 'e'],
  sv: ['nej', 'nae', 'na', 'naa', 'nix'],
  en: ['no', 'nope', 'nah', 'n'],
};
const YES = new Set(Object.values(YES_BY_LANG).flat());
const NO = new Set(Object.values(NO_BY_LANG).flat());

function only<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

export function matchChoice(text: string, choices: Choice[], lang: Lang, stems?: Stemmer): Choice | undefined {
  const folded = foldText(text);
  if (!folded) return undefined;
  const asNumber = /^(\d{1,3})\.?$/.exec(folded);
  if (asNumber) {
    // At an age question "2" is an age, not the second button.
    const value = Number(asNumber[1]);
    if (hasRanges(choices, lang)) return choiceForNumber(value, choices, lang);
    return value >= 1 && value <= choices.length ? choices[value - 1] : undefined;
  }
  // Exact label (any language: a resident may answer in another language than the bot's) or id.
  // A label's note in brackets ("Kouluikäinen (7 v tai vanhempi)") need not be typed.
  for (const l of [lang, ...LANGS]) {
    const exact = choices.find((c) => foldText(c.label[l]) === folded || foldText(c.label[l].replace(/\([^)]*\)/g, '')) === folded);
    if (exact) return exact;
  }
  const byId = choices.find((c) => foldText(c.id) === folded);
  if (byId) return byId;
  // "me", "mine", "mä itse", "jag själv" at a "whose … ?" question.
  const self = selfChoice(choices);
  if (self && onlySelf(folded)) return self;
  const yesNo = yesNoWord(folded);
  if (yesNo !== undefined) return choiceForYesNo(yesNo, choices);
  // Small typos: the nearest label within a distance that grows with its length.
  let best: { choice: Choice; d: number } | undefined;
  for (const choice of choices) {
    const label = foldText(choice.label[lang]);
    const d = distance(label, folded);
    const allowed = label.length >= 12 ? 3 : label.length >= 6 ? 2 : label.length >= 4 ? 1 : 0;
    if (d <= allowed && (!best || d < best.d)) best = { choice, d };
  }
  if (best) return best.choice;
  // "oon 22v", "hän on 84-vuotias": an age in a sentence picks the range.
  // "2-4 kertaa kuussa": a typed range picks the choice with that range, and is never read as its first number.
  const range = typedRange(text);
  if (range && choices.some((c) => labelRange(c.label[lang]))) return choiceForRange(range, choices, lang);
  const age = numberInText(folded);
  if (age !== undefined && hasRanges(choices, lang)) return choiceForNumber(age, choices, lang);
  return choiceInStory(text, choices, lang, stems) ?? partOfLabel(text, folded, choices, lang, stems);
}

/**
 * The one choice a longer message speaks of: one of its other wordings occurs in it ("mun isä ei
 * pärjää" → a family member), or the stems of its whole label do. Used for typed answers and
 * for the facts in a first message.
 */
export function choiceInStory(text: string, choices: Choice[], lang: Lang, stems?: Stemmer): Choice | undefined {
  const folded = foldText(text);
  const textStems = new Map<Lang, Set<string>>();
  const stemsOfText = (l: Lang) => {
    if (!textStems.has(l)) textStems.set(l, new Set(stems ? stems(text, l) : []));
    return textStems.get(l)!;
  };
  // Whole words, or (inflected) the phrase's stems all in the text's, both stemmed in the phrase's language.
  const covers = (phrase: string, l: Lang) => {
    if (phraseIn(folded, foldText(phrase))) return true;
    if (!stems) return false;
    const phraseStems = stems(phrase, l);
    return phraseStems.length > 0 && phraseStems.every((s) => stemsOfText(l).has(s));
  };
  // Other wordings in any language: "mine" on the Finnish page still means "Omastani".
  const said = choices.filter((c) => LANGS.some((l) => (c.also?.[l] ?? []).some((p) => covers(p, l))) || covers(c.label[lang], lang));
  return only(said);
}

/** A part of exactly one label: "kriisipuhelin" for "Kriisipuhelin suomeksi". */
function partOfLabel(text: string, folded: string, choices: Choice[], lang: Lang, stems?: Stemmer): Choice | undefined {
  const words = folded.split(' ').filter((w) => w.length >= 3);
  if (words.length === 0) return undefined;
  const inLabel = choices.filter((c) => {
    const labelWords = foldText(c.label[lang]).split(' ');
    return words.every((w) => labelWords.some((l) => l === w || (w.length >= 4 && l.startsWith(w))));
  });
  if (inLabel.length === 1) return inLabel[0];
  if (!stems) return undefined;
  const answer = stems(text, lang);
  if (answer.length === 0) return undefined;
  return only(choices.filter((c) => {
    const label = new Set(stems(c.label[lang], lang));
    return answer.every((s) => label.has(s));
  }));
}

/** true / false for a message that is just a yes or no word ("joo", "nej", "no!"). */
function yesNoWord(folded: string): boolean | undefined {
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return undefined;
}

/** The choice that says yes (or no): a label that is the word itself first, else the one starting with it (in the label's own language). */
function choiceForYesNo(yes: boolean, choices: Choice[]): Choice | undefined {
  const words = yes ? YES_BY_LANG : NO_BY_LANG;
  const first = (c: Choice) => LANGS.map((l) => ({ l, w: foldText(c.label[l]).split(' ') }));
  const bare = choices.filter((c) => first(c).some(({ l, w }) => w.length === 1 && words[l].includes(w[0])));
  if (bare.length > 0) return only(bare);
  return only(choices.filter((c) => first(c).some(({ l, w }) => words[l].includes(w[0]))));
}

export function parseNumber(text: string): number | undefined {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)/.exec(text);
  return m ? Number(m[1].replace(',', '.')) : undefined;
}

/** A yes/no question's answer: the labels, a yes/no word, or a sentence that starts with one. */
export function parseYesNo(text: string, labels: { yes: string; no: string }): boolean | undefined {
  const strict = parseYesNoStrict(text, labels);
  if (strict !== undefined) return strict;
  return yesNoWord(foldText(text).split(' ')[0]);
}

/**
 * A yes or no and nothing more: the labels, a bare yes/no word, or one followed by at most two
 * words ("ei kiitos", "ei ollut"). "ei, haluan puhua ihmisen kanssa" is not an answer: it asks
 * for something, so it must reach the rest of the turn.
 */
export function parseYesNoStrict(text: string, labels: { yes: string; no: string }): boolean | undefined {
  const folded = foldText(text);
  if (folded === foldText(labels.yes)) return true;
  if (folded === foldText(labels.no)) return false;
  const words = folded.split(' ');
  if (words.length > 3) return undefined;
  return yesNoWord(words[0]);
}
