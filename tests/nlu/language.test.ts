import { shippedNlu } from './helpers';

const SHORT: [string, 'fi' | 'sv' | 'en'][] = [
  ['kurkku kipeä', 'fi'],
  ['tarviin apua', 'fi'],
  ['mulla kuumetta', 'fi'],
  ['äiti kaatui', 'fi'],
  ['neuvola aika', 'fi'],
  ['ont i magen', 'sv'],
  ['jag mår dåligt', 'sv'],
  ['min mamma', 'sv'],
  ['hemvård behövs', 'sv'],
  ['tack så mycket', 'sv'],
  ['sore throat', 'en'],
  ['i feel sad', 'en'],
  ['my dad drinks', 'en'],
  ['call me', 'en'],
  ['home care', 'en'],
];

describe('language identification', () => {
  it('is right on most two- and three-word messages', () => {
    const nlu = shippedNlu();
    const right = SHORT.filter(([text, lang]) => nlu.detectLanguage(text) === lang).length;
    expect(right / SHORT.length).toBeGreaterThanOrEqual(0.9);
  });

  it('takes the locale hint when the typed language is not clear', () => {
    const nlu = shippedNlu();
    expect(nlu.detectLanguage('ok', 'sv-FI')).toBe('sv');
    expect(nlu.detectLanguage('apua', 'en_GB')).toBe('en');
    expect(nlu.detectLanguage('kiitos', 'fi')).toBe('fi');
    expect(nlu.classify('min pappa behöver hemvård', 'sv-FI').lang).toBe('sv');
  });

  it('lets a confidently typed language win over the page locale', () => {
    const nlu = shippedNlu();
    const c = nlu.classify('min pappa behöver hemvård', 'fi');
    expect(c.lang).toBe('sv');
    expect(c.topic).toBe('elderly');
    expect(nlu.detectLanguage('my mum has dementia', 'fi-FI')).toBe('en');
    expect(nlu.detectLanguage('mun äiti ei pärjää kotona', 'sv-FI')).toBe('fi');
    expect(nlu.detectLanguage('mun aiti ei parjaa kotona', 'en')).toBe('fi');
  });

  it('ignores an invalid hint', () => {
    expect(shippedNlu().detectLanguage('ont i halsen', 'de-DE')).toBe('sv');
    expect(shippedNlu().detectLanguage('ont i halsen', '')).toBe('sv');
  });
});
