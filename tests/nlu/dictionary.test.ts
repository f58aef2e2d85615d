/**
 * Typo correction leaves words spelled right alone (src/nlu/dictionary.ts): a word the content does
 * not use is no typo when the language's word list has it.
 */
import path from 'node:path';
import { Analyser } from '../../src/nlu/analyser';
import { parseDictionary, readDictionaries } from '../../src/nlu/dictionary';
import { contentDir } from './helpers';

function analyser(dictionary?: ReadonlySet<string>): Analyser {
  const a = new Analyser('fi', { colloquial: new Map(), stopwords: new Set(), dictionary });
  a.learn('öiksi helpota');
  a.seal();
  return a;
}

describe('typo correction and the dictionary', () => {
  it('corrects an unknown word into a content word without a dictionary', () => {
    expect(analyser().tokens('miksi')[0].word).toBe('öiksi');
  });

  it('leaves a dictionary word as typed, also typed without ä/ö', () => {
    const a = analyser(parseDictionary('miksi\nhelpotus\n'));
    expect(a.tokens('miksi helpotus').map((t) => t.word)).toEqual(['miksi', 'helpotus']);
    const folded = analyser(parseDictionary('öiksö\n'));
    expect(folded.tokens('oikso')[0].corrected).toBeUndefined();
  });

  it('still corrects a typo the dictionary does not have', () => {
    const a = analyser(parseDictionary('miksi\n'));
    expect(a.tokens('helpotaa')[0].word).toBe('helpota');
  });

  it('ships a list for every language with everyday words in it', () => {
    const lists = readDictionaries(path.join(contentDir, 'nlu'));
    for (const [lang, words] of lists) expect({ lang, big: words.size > 40_000 }).toEqual({ lang, big: true });
    expect(lists.get('fi')!.has('miksi')).toBe(true);
    expect(lists.get('sv')!.has('våningen')).toBe(true);
    expect(lists.get('en')!.has('appointment')).toBe(true);
  });

  it('skips comments and blank lines', () => {
    expect([...parseDictionary('# source\n\nSana\n')]).toEqual(['sana']);
  });
});
