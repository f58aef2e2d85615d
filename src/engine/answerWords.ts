/**
 * A typed answer to one of the bot's own yes/no questions (the crisis check-in, the chat offer
 * after the crisis response, "did you mean one of these?"), read with the content's answer words
 * (content/commands.yaml `answers`). Residents answer "onko…?" with "on", "kyl", "välillä on
 * käyny mielessä", "ibland", "kind of": a phrase counts at the start of the answer, after filler
 * words ("no kyl vähän"), and the longest phrase there wins, so "en tiedä" is unsure although
 * "en" alone is no. The resident's language is tried first, because "no" opens a Finnish yes
 * ("no on") but is an English no.
 */
import type { Lang } from '../lang';
import { LANGS } from '../lang';
import { foldText } from './normaliseText';
import type { AnswerWords } from './program';

export type AnswerWord = 'yes' | 'no' | 'unsure';

const KINDS: readonly AnswerWord[] = ['unsure', 'yes', 'no'];

/** Words of `phrase` are the first words of `words`. */
function startsWith(words: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.length <= words.length && phrase.every((w, i) => words[i] === w);
}

function split(text: string): string[] {
  return foldText(text).split(' ').filter(Boolean);
}

/** The content's phrases, folded and split once per content version (they were split on every call: 1.3 % of a turn). */
type Prepared = Record<AnswerWord | 'filler', Record<Lang, string[][]>>;
const prepared = new WeakMap<AnswerWords, Prepared>();

function prepare(answers: AnswerWords): Prepared {
  let p = prepared.get(answers);
  if (!p) {
    const byLang = (lists: Record<Lang, readonly string[]>): Record<Lang, string[][]> =>
      Object.fromEntries(LANGS.map((l) => [l, lists[l].map(split)])) as Record<Lang, string[][]>;
    p = { yes: byLang(answers.yes), no: byLang(answers.no), unsure: byLang(answers.unsure), filler: byLang(answers.filler) };
    prepared.set(answers, p);
  }
  return p;
}

/** The answer kind whose phrase is longest at the start of `words`, in one language. */
function longestAt(words: readonly string[], answers: Prepared, lang: Lang): { kind: AnswerWord; length: number } | null {
  let best: { kind: AnswerWord; length: number } | null = null;
  for (const kind of KINDS) {
    for (const p of answers[kind][lang]) {
      if (startsWith(words, p) && (!best || p.length > best.length)) best = { kind, length: p.length };
    }
  }
  return best;
}

/** Drops filler words at the start, but never the whole answer ("no" alone stays "no"). */
function withoutFiller(words: string[], answers: Prepared, lang: Lang): string[] {
  let rest = words;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of answers.filler[lang]) {
      if (startsWith(rest, p) && rest.length > p.length) {
        rest = rest.slice(p.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** yes, no or unsure; null when the answer opens with none of the content's answer words. */
export function readAnswerWord(text: string, answers: AnswerWords, lang: Lang): AnswerWord | null {
  const words = split(text);
  if (words.length === 0) return null;
  const p = prepare(answers);
  for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) {
    const found = longestAt(withoutFiller(words, p, l), p, l);
    if (found) return found.kind;
  }
  return null;
}
