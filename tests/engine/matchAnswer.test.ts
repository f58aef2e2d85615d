import { matchChoice } from '../../src/engine/matchAnswer';
import type { Choice } from '../../src/engine/program';

const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });
const AGES: Choice[] = [
  { id: 'u18', label: t('Alle 18', 'Under 18', 'Under 18') },
  { id: '18-29', label: t('18–29', '18–29', '18–29') },
  { id: '30-64', label: t('30–64', '30–64', '30–64') },
  { id: '65', label: t('65 tai yli', '65 eller äldre', '65 or older') },
];
const TOPICS: Choice[] = [
  { id: 'memory', label: t('Muisti', 'Minne', 'Memory') },
  { id: 'home', label: t('Kotona pärjääminen', 'Att klara sig hemma', 'Managing at home') },
];

describe('matching a typed answer to a choice', () => {
  it.each([
    ['25', 'fi', '18-29'],
    ['17', 'sv', 'u18'],
    ['64', 'en', '30-64'],
    ['80', 'fi', '65'],
  ] as const)('an age "%s" (%s) picks the range that holds it', (typed, lang, id) => {
    expect(matchChoice(typed, AGES, lang)?.id).toBe(id);
  });

  it('at a range question a number is an age, never a position', () => {
    expect(matchChoice('2', AGES, 'fi')?.id).toBe('u18');
  });

  it('numbers pick by position when the labels are not ranges', () => {
    expect(matchChoice('2', TOPICS, 'fi')?.id).toBe('home');
    expect(matchChoice('25', TOPICS, 'fi')).toBeUndefined();
  });

  it('labels match tolerantly: case, å/ä/ö, a small typo, another language', () => {
    expect(matchChoice('kotona parjaaminen', TOPICS, 'fi')?.id).toBe('home');
    expect(matchChoice('Muistti', TOPICS, 'fi')?.id).toBe('memory');
    expect(matchChoice('minne', TOPICS, 'fi')?.id).toBe('memory');
  });
});
