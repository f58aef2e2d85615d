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

  it('lets a valid locale hint win', () => {
    const nlu = shippedNlu();
    expect(nlu.detectLanguage('kurkku kipeä', 'sv-FI')).toBe('sv');
    expect(nlu.detectLanguage('ont i halsen', 'en_GB')).toBe('en');
    expect(nlu.classify('min pappa behöver hemvård', 'sv-FI').lang).toBe('sv');
  });

  it('ignores an invalid hint', () => {
    expect(shippedNlu().detectLanguage('ont i halsen', 'de-DE')).toBe('sv');
    expect(shippedNlu().detectLanguage('ont i halsen', '')).toBe('sv');
  });
});
