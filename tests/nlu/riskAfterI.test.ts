/**
 * The risk-model rules and guards added after blind set I (docs/crisis-model.md "Changes after
 * blind set I"), each by kind in fi, sv and en. The texts are written for these tests, not taken
 * from eval sets; each fails without its change.
 */
import { NluEngine } from '../../src/nlu/engine';
import type { CrisisResult } from '../../src/nlu/types';
import { shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;
type Lang = 'fi' | 'sv' | 'en';
const levelOf = (r: CrisisResult): string => (r.level === 'none' ? 'none' : `${r.level}/${r.kind}`);
const detect = (text: string, lang: Lang): string => levelOf(nlu().detectCrisis(text, lang));
type Case = [string, Lang, string];
const check = (text: string, lang: Lang, expected: string): void => {
  const got = detect(text, lang);
  if (expected === 'not crisis') expect(got.startsWith('crisis')).toBe(false);
  else expect(got).toBe(expected);
};

// A threat to kill or hurt the writer or the children, reported as it is said, with a weapon,
// rage, hiding or the person at the door (threat-harm-*).
const THREAT_NOW: Case[] = [
  ['isäpuoli seisoo oven takana ja sanoo että puukottaa meidät', 'fi', 'crisis/violence'],
  ['mies riehuu keittiössä ja huutaa että satuttaa lapset', 'fi', 'crisis/violence'],
  ['mieheni huutaa rappukäytävässä että tappaa mut, lapset nukkuu', 'fi', 'crisis/violence'],
  ['han bankar på dörren och säger att han ska slå ihjäl oss', 'sv', 'crisis/violence'],
  ['han står utanför lägenheten och skriker att han ska skada barnen', 'sv', 'crisis/violence'],
  ['he is screaming that he will hurt the kids, we are in the bathroom', 'en', 'crisis/violence'],
  ['my ex is banging on the door, yelling he\'ll stab me', 'en', 'crisis/violence'],
];
// The figure of speech with the same verbs stays nothing: these fail when threat-harm also reads a
// bare "tappaa mut" / "will kill me" (no reported speech), as it first did.
const THREAT_FIGURES: Case[] = [
  ['lapset tappaa mut, ne huutaa koko päivän', 'fi', 'none'],
  ['the kids will kill me, they are screaming all day', 'en', 'none'],
];
// How to make it all end, with a thought and "how" (thinking-how-ending).
const HOW_TO_END: Case[] = [
  ['oon miettiny koko viikon miten saisin kaiken loppumaan', 'fi', 'crisis/suicide'],
  ['jag funderar på hur jag ska få allt att ta slut', 'sv', 'crisis/suicide'],
  ['been thinking about how to make it all stop for good', 'en', 'crisis/suicide'],
];
// A decision or a sudden calm with thanks in the past tense (thanks-farewell-*); thanks alone is
// a chat's closing (these three fail when the thanks alone is a farewell).
const THANKS_FAREWELL: Case[] = [
  ['olen tehnyt päätökseni ja olo on vihdoin rauhallinen. kiitos että olitte olemassa', 'fi', 'crisis/suicide'],
  ['nu är jag redo. tack för att du funnits för mig', 'sv', 'crisis/suicide'],
  ['I have decided. thank you for being there all these years', 'en', 'crisis/suicide'],
  ['kiitos kaikesta, hyvää päivänjatkoa', 'fi', 'none'],
  ['tack för allt, ha en bra dag', 'sv', 'none'],
  ['thanks for everything, the nurse was lovely', 'en', 'none'],
];
// An overdose already taken that now shows: the 112 answer (overdose-taken-symptom, -drowsy).
const OVERDOSE_SYMPTOM: Case[] = [
  ['nielin kolmekymmentä unilääkettä ja nyt oksettaa ja sydän hakkaa', 'fi', 'crisis/medical-emergency'],
  ['tog 25 alvedon för en timme sen och nu är jag yr', 'sv', 'crisis/medical-emergency'],
  ['took a whole box of sleeping pills and now I feel really dizzy', 'en', 'crisis/medical-emergency'],
  // without a symptom it stays the poisoning answer
  ['took a whole box of sleeping pills an hour ago', 'en', 'crisis/poisoning'],
];

describe('after blind set I: a threat said now', () => {
  it.each(THREAT_NOW)('%s (%s) → %s', check);
  it.each(THREAT_FIGURES)('%s (%s) → %s', check);
});
describe('after blind set I: how to make it all end', () => {
  it.each(HOW_TO_END)('%s (%s) → %s', check);
});
describe('after blind set I: a decision or calm with a farewell of thanks', () => {
  it.each(THANKS_FAREWELL)('%s (%s) → %s', check);
});
describe('after blind set I: an overdose taken that now shows', () => {
  it.each(OVERDOSE_SYMPTOM)('%s (%s) → %s', check);
});
