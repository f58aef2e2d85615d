import { spacedAlternative } from '../../src/nlu/spacedAlternative';

describe('spacedAlternative: a group that was meant to offer two-word phrases', () => {
  it.each([
    ['beating her|him|the woman|my mum', 'en', 'woman|my'],
    ['care for them|the kids|the children', 'en', 'kids|the'],
    ['son|sonen|min son|dotter', 'sv', 'son|sonen|min'],
    ['köra in i en lastbil|ett träd', 'sv', 'lastbil|ett'],
  ] as const)('%s (%s): %s', (pattern, lang, group) => {
    expect(spacedAlternative(pattern, lang)?.group).toBe(group);
  });

  it.each([
    ['pain in my|his|her chest', 'en'], // all possessives: one word each
    ['beating|hitting her|him|me|us|woman', 'en'], // pronouns and nouns, no article
    ['=get|=gets|=keep his|her|their guitar', 'en'],
    ['minut*|=min|=minuter', 'sv'], // a stem with a wildcard: "min" is minutes there
    ['en|ei|enkä halu* elää', 'fi'], // Finnish has no articles
  ] as const)('%s (%s): nothing', (pattern, lang) => {
    expect(spacedAlternative(pattern, lang)).toBeNull();
  });

  it('gives the offset of the group in the pattern', () => {
    expect(spacedAlternative('hitting|kicking the woman|my mum', 'en')).toEqual({ offset: 20, group: 'woman|my' });
  });
});
