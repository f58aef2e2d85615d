import { stem } from '../../src/nlu/stemmer';
import { shippedNlu } from './helpers';

describe('Finnish stemming (snowball-stemmers)', () => {
  it('strips case endings from inflected forms', () => {
    expect(stem('päihdepalveluihin', 'fi')).toBe('päihdepalvelu');
    expect(stem('masennukseen', 'fi')).toBe('masennuks');
    expect(stem('äidilleni', 'fi')).toBe('äid');
  });

  it('maps different inflections of one word to one stem', () => {
    for (const group of [
      ['päihdepalveluihin', 'päihdepalvelut', 'päihdepalveluja'],
      ['masennukseen', 'masennuksesta', 'masennuksen'],
      ['äidilleni', 'äidille', 'äidin'],
      ['itsemurhasta', 'itsemurha', 'itsemurhaa'],
    ]) {
      expect(new Set(group.map((w) => stem(w, 'fi'))).size).toBe(1);
    }
  });

  it('stems Swedish and English too', () => {
    expect(stem('hemvården', 'sv')).toBe(stem('hemvård', 'sv'));
    expect(stem('tabletterna', 'sv')).toBe(stem('tabletter', 'sv'));
    expect(stem('coughing', 'en')).toBe(stem('cough', 'en'));
  });

  it('Nlu.stems applies colloquial spellings before stemming', () => {
    expect(shippedNlu().stems('mulla on kurkku kipee', 'fi')).toEqual(shippedNlu().stems('minulla on kurkku kipeä', 'fi'));
  });
});
