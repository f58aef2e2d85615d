/**
 * The risk-model rules and guards added after blind set H (docs/crisis-model.md "Changes after
 * blind set H"), each by kind in fi, sv and en. The texts are written for these tests, not taken
 * from eval sets.
 */
import { NluEngine } from '../../src/nlu/engine';
import type { CrisisResult } from '../../src/nlu/types';
import { shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;
type Lang = 'fi' | 'sv' | 'en';
const levelOf = (r: CrisisResult): string => (r.level === 'none' ? 'none' : `${r.level}/${r.kind}`);
const detect = (text: string, lang: Lang): string => levelOf(nlu().detectCrisis(text, lang));

// Words whose stem or spelling reached another word: each sentence got the wrong answer before.
const STEM_FIXES: [string, Lang, string][] = [
  // Swedish "jag" has the stem of "jaga" (to hunt), so every "jag" was hunting
  ['jag tar geväret och går ut i skogen ikväll', 'sv', 'crisis/suicide'],
  // English "meds" has the stem "med": "med school" with a number and a day was an overdose plan
  ['my med school exam is tomorrow and I still have 30 pages to read', 'en', 'none'],
  // "koskee" (touches, hurts) was read as "koskeen" (into the rapids), a means
  ['mietin vaan miks polvi koskee niin paljon portaissa', 'fi', 'none'],
  // "puhelin on kiinni" needed "päältä" after it (one pattern line for two phrases)
  ['veli kirjoitti hyvästi ja nyt sen puhelin on kiinni', 'fi', 'crisis/suicide'],
  // Swedish "lugn" (calm) has the stem of "lugnande" (sedatives)
  ['farmor är lugn och säger att hon är redo att dö', 'sv', 'not crisis'],
  // Finnish "itse" has the stem of "itseäni": smoking ("poltan") or hitting someone else was self-harm
  ['poltan tupakkaa mutta itse haluaisin jo lopettaa', 'fi', 'none'],
  ['poika on lyönyt kaveria koulussa ja itse olen ihan lopussa', 'fi', 'none'],
  // a sibling with a possessive suffix ("siskoni") is a sibling: "kill" over a charger is hyperbole
  ['tapan siskoni jos se vielä lainaa mun laturia', 'fi', 'none'],
];

describe('after blind set H: stems and spellings that reached another word', () => {
  it.each(STEM_FIXES)('%s (%s) → %s', (text, lang, expected) => {
    const got = detect(text, lang);
    if (expected === 'not crisis') expect(got.startsWith('crisis')).toBe(false);
    else expect(got).toBe(expected);
  });
});
