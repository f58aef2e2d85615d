/**
 * Word-level mechanisms of the topic classifier that phrases alone did not give (blind set F):
 * English health words typed inside Finnish or Swedish are read as the own-language word, and a
 * light verb of every topic (Swedish "tar") is not evidence for the one topic that happened to
 * contain it. The lines are our own, not eval lines.
 */
import { shippedNlu } from './helpers';

describe('English symptom words inside Finnish or Swedish', () => {
  it.each([
    ['pää on kipee ja vähän fever', 'fi'],
    ['hirvee headache koko päivän', 'fi'],
    ['jätte headache och lite fever sen igår', 'sv'],
  ])('"%s" is a symptom check', (text, locale) => {
    const c = shippedNlu().classify(text, locale);
    expect(c.lang).toBe(locale);
    expect(c.topic).toBe('symptom-check');
  });
});

describe('a light verb is not topic evidence', () => {
  it('"jag tar hand om min mamma" is about caring for a parent, not drugs', () => {
    const c = shippedNlu().classify('jag tar hand om min mamma och behöver en paus', 'sv');
    expect(c.topic).toBe('elderly');
  });
});
