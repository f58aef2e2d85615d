/**
 * The resident speaking of themselves. At a "whose … is this about?" question the choice with id
 * `self` is the resident; a typed answer made only of first-person words ("me", "mä itse", "jag
 * själv") picks it, and a first message in the first person ("mulla on ms-tauti", "I have
 * diabetes", "jag har utslag") answers it, unless the message names someone else ("mun isä",
 * "my son"), whose choice the content's `also` wordings find instead.
 */
import type { Choice } from './program';
import { foldText } from './normaliseText';

/** First-person words, folded (å/ä/ö → a/o), fi / sv / en. */
const FIRST_PERSON = new Set([
  'ma', 'maa', 'mina', 'mun', 'minun', 'mulla', 'minulla', 'mulle', 'minulle', 'mua', 'minua', 'multa', 'minulta', 'musta', 'minusta',
  'itse', 'itseni', 'itsestani', 'oma', 'omat', 'omani', 'omasta', 'omastani', 'oon', 'olen',
  'jag', 'mig', 'mitt', 'min', 'mej', 'sjalv', 'egen', 'egna',
  'i', 'me', 'my', 'mine', 'myself', 'im', 'own',
]);

/**
 * Words that name another person: then a first-person word is about whose worry it is ("mun isä"
 * is the father), not about the writer. Finnish stems match as word beginnings (isän, isälle,
 * lapsella); Swedish and English words match whole, or with a plural or possessive s.
 */
const OTHER_STEMS = [
  'isa', 'iska', 'faija', 'aiti', 'mutsi', 'mies', 'miehe', 'vaimo', 'puoliso', 'poika', 'poja', 'tytar', 'tytt', 'lapsi', 'lapse', 'lasta', 'lapse',
  'kaveri', 'ystav', 'sisko', 'sisar', 'veli', 'velje', 'mummo', 'mumm', 'ukki', 'vaari', 'isovanhem', 'naapuri', 'laheis', 'vauva', 'teini',
  // "3-vuotiaalla", "2-vuotiaan": a child of that age (the writer says "oon 22-vuotias"); sv "2-åring".
  'vuotiaa', 'aring',
].map(foldText);
const OTHER_WORDS = new Set([
  'pappa', 'mamma', 'farfar', 'farmor', 'morfar', 'mormor', 'son', 'dotter', 'barn', 'barnet', 'man', 'fru', 'sambo', 'van', 'kompis', 'syster', 'bror', 'granne',
  'father', 'dad', 'daddy', 'mother', 'mum', 'mom', 'husband', 'wife', 'partner', 'son', 'daughter', 'child', 'children', 'kid', 'baby', 'friend', 'sister', 'brother',
  'grandma', 'grandpa', 'grandmother', 'grandfather', 'neighbour', 'neighbor', 'boyfriend', 'girlfriend',
  'han', 'hon', 'he', 'she', 'his', 'her', 'him', 'hans', 'hennes', 'sille', 'silla', 'silta',
].map(foldText));

function namesOther(word: string): boolean {
  if (OTHER_WORDS.has(word) || (word.endsWith('s') && OTHER_WORDS.has(word.slice(0, -1)))) return true;
  return OTHER_STEMS.some((o) => word.startsWith(o));
}

function words(text: string): string[] {
  return foldText(text).split(' ').filter(Boolean);
}

/** The answer is only first-person words: "me", "mine", "mä itse", "jag själv". */
export function onlySelf(text: string): boolean {
  const w = words(text);
  return w.length > 0 && w.length <= 3 && w.every((x) => FIRST_PERSON.has(x));
}

/** The message speaks in the first person and names nobody else. */
export function aboutSelf(text: string): boolean {
  const w = words(text);
  if (!w.some((x) => FIRST_PERSON.has(x))) return false;
  return !w.some((x) => !FIRST_PERSON.has(x) && namesOther(x));
}

/** The question's "the resident themselves" choice (id `self`), if it has one. */
export function selfChoice(choices: Choice[]): Choice | undefined {
  return choices.find((c) => c.id === 'self');
}
