import { expandCoordination, normalise } from '../../src/nlu/normalise';
import { tokenise } from '../../src/nlu/tokenise';
import { shippedNlu } from './helpers';

describe('normalise', () => {
  it('composes to NFC and lower-cases, keeping å, ä, ö', () => {
    const decomposed = 'A\u0308ITI JA Å\u030Aland'.replace('Å\u030A', 'A\u030A');
    expect(normalise(decomposed)).toBe('äiti ja åland');
    expect(normalise('PÄIVYSTYS Hälsovård ÖRAT')).toBe('päivystys hälsovård örat');
  });

  it('folds whitespace and unifies typographic apostrophes', () => {
    expect(normalise('  I\u2019m   so\ttired \n')).toBe("i'm so tired");
  });

  it('is exposed on the Nlu for the dialog engine', () => {
    expect(shippedNlu().normalise('  Mä  TARVIIN\u00a0apua ')).toBe('mä tarviin apua');
  });
});

describe('tokenise', () => {
  it('keeps Nordic letters and digits inside words (natural would split "päivystys")', () => {
    expect(tokenise('päivystys, kuumetta 38!')).toEqual(['päivystys', 'kuumetta', '38']);
    expect(tokenise('hemvården för äldre')).toEqual(['hemvården', 'för', 'äldre']);
  });

  it('drops apostrophes inside words and splits on hyphens', () => {
    expect(tokenise("i'm ok, don't")).toEqual(['im', 'ok', 'dont']);
    expect(tokenise('neuvola-aika')).toEqual(['neuvola', 'aika']);
  });

  it('keeps a one-letter prefix on its word, so the A-clinic is one word in every language', () => {
    expect(tokenise('lähin a-klinikka')).toEqual(['lähin', 'aklinikka']);
    expect(tokenise('neuvola-a-aika c-vitamiini')).toEqual(['neuvola', 'a', 'aika', 'cvitamiini']);
    expect(shippedNlu().classify('closest a-clinic').topic).toBe('substance-use');
  });
});

describe('hyphenated coordination', () => {
  const heads = new Set(['palvelut', 'vård']);
  it('gives the first compound the shared head', () => {
    expect(expandCoordination('mielenterveys- ja päihdepalvelut', (w) => heads.has(w))).toBe(
      'mielenterveyspalvelut ja päihdepalvelut',
    );
    expect(expandCoordination('hem- och sjukvård', (w) => heads.has(w))).toBe('hemvård och sjukvård');
  });

  it('leaves other hyphens alone and drops the dangling hyphen when no head is known', () => {
    expect(expandCoordination('a-klinikka ja neuvola', () => false)).toBe('a-klinikka ja neuvola');
    expect(expandCoordination('lasten- tai nuortenklinikka', () => false)).toBe('lasten tai nuortenklinikka');
  });

  it('works through the trained vocabulary', () => {
    const stems = shippedNlu().stems('mielenterveys- ja päihdepalvelut', 'fi');
    expect(stems).toEqual(['mielenterveyspalvelu', 'ja', 'päihdepalvelu']);
  });
});
