/**
 * The risk-model rules added after blind set E, each by kind in fi, sv and en: an end of suffering
 * looked forward to with a day ("on Friday it is over, then no more suffering"), a plan with a
 * time and letters, a means thought about "how", pills piled up, "I won't need them soon"; the
 * guards: one tablet by a child, a denial alone, "after school" as a time, a treatment that ends
 * the pain. The texts are written for these tests, not taken from eval sets.
 */
import { NluEngine } from '../../src/nlu/engine';
import { rulesOnlyNlu, shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;
type Lang = 'fi' | 'sv' | 'en';

const CRISIS: [string, Lang, string][] = [
  // hopelessness with a day or "next week" (C-SSRS plan and timeframe; Beck hopelessness)
  ['lauantaina tää loppuu, sit mun ei tarvii enää jaksaa', 'fi', 'no-more-time'],
  ['ens viikolla kaikki on ohi eikä tarvitse enää kärsiä', 'fi', 'no-more-time'],
  ['på söndag slipper jag lida mer', 'sv', 'no-more-time'],
  ["by friday i won't have to suffer anymore", 'en', 'no-more-time'],
  ['ingen mening längre, på fredag är jag borta', 'sv', 'hopeless-time'],
  ['no point anymore, next week it ends', 'en', 'hopeless-time'],
  // an ending with a time and letters written, or a farewell
  ['aion lopettaa kaiken tänä yönä, kirjeet on jo kirjoitettu', 'fi', 'ending-time-letters'],
  ['ikväll är det slut, jag har skrivit brev till barnen', 'sv', 'ending-time-letters'],
  ['tonight is the night, the letters are on the table', 'en', 'ending-time-letters'],
  // thinking how a means would work
  ['mietin millä tavalla köyden saisi kestämään', 'fi', 'means-thinking-how'],
  ['jag funderar på hur repet ska knytas', 'sv', 'means-thinking-how'],
  ['keep thinking about how to tie the rope', 'en', 'means-thinking-how'],
  // pills piled up
  ['isällä on unilääkkeet kasassa yöpöydällä', 'fi', 'pills-hoard'],
  ['han har tabletterna på hög vid sängen', 'sv', 'pills-hoard'],
  ['she has her sleeping pills piled up on the desk', 'en', 'pills-hoard'],
  // "I won't need them soon", even when some went to the flea market
  ['vein vaatteet kirpputorille ja annoin koiran naapurille, en tarvitse niitä enää pian', 'fi', 'give-away-absence-time'],
  // a message saying they cannot go on, and now no answer
  ['bror skickade ett sms att han inte orkar mer och nu svarar han inte', 'sv', 'letters-not-cope-unreachable'],
  // "koulun jälkeen", "after work": a time, not a figure of speech about school or work
  ['se sano et se tappaa itsensä koulun jälkeen', 'fi', 'kill-self'],
  ['he said he will kill himself after work', 'en', 'kill-self'],
];

const CHECK: [string, Lang][] = [
  // "I won't be here next week": an absence with a time is asked about
  ['ens viikolla en oo enää täällä', 'fi'],
  ['nästa vecka finns jag inte mer', 'sv'],
  ["next week i won't be around anymore", 'en'],
  // "sunnuntaina mä lähden enkä tuu takas": not coming back, with a day
  ['lauantaina lähden enkä tuu takas', 'fi'],
];

describe('an absence with a day (blind set E kinds)', () => {
  it.each(CHECK)('%s (%s) → check at least', (text, lang) => {
    expect(['check', 'crisis']).toContain(nlu().detectCrisis(text, lang).level);
  });
});

describe('plan and timeframe, preparations (blind set E kinds)', () => {
  it.each(CRISIS)('%s (%s) → crisis by %s', (text, lang, rule) => {
    expect(nlu().detectCrisis(text, lang).level).toBe('crisis');
    expect(['fi', 'sv', 'en'].map((l) => nlu().riskRule(text, l as Lang))).toContain(rule);
  });
});

const NOT_CRISIS: [string, Lang, 'none' | 'check'][] = [
  // an operation or an illness that ends the suffering
  ['perjantaina on leikkaus, sit ei tarvii enää kärsiä polvikivuista', 'fi', 'none'],
  ['på fredag opereras jag och slipper värken', 'sv', 'none'],
  ["surgery on monday, then i won't have to suffer this pain anymore", 'en', 'none'],
  // a sick leave or a course that ends
  ['sairausloma loppuu ensi viikolla', 'fi', 'none'],
  // one tablet by a child: a question for the poison information centre
  ['taapero nielaisi yhden kalkkitabletin', 'fi', 'none'],
  ['min son svalde en enda vitamintablett', 'sv', 'none'],
  ['my toddler swallowed one vitamin tablet', 'en', 'none'],
  // "gick vilse i går på väg": no one "in the way"
  ['mamma gick vilse i går på väg hem', 'sv', 'none'],
  // things given away before a move, "I won't need them" (the time made it a check-in before)
  ['ensi viikolla muutan ja annan vanhat huonekalut pois, en tarvitse niitä enää', 'fi', 'none'],
  // a grandmother "not afraid of death" said with "ettei", and a home-care wish
  ['mummo sanoo ettei pelkää kuolemaa mutta haluaa kotihoitoa', 'fi', 'none'],
  // one tablet named with the article, by a small child
  ['min treåring åt en alvedon', 'sv', 'none'],
  // a figure of speech about school with no time
  ['tää koulu tappaa mut', 'fi', 'none'],
  // a calm word about one's own death is a denial: with nothing else, not even the classifier's check-in
  ['olen 90 enkä pelkää kuolemaa, miten teen hoitotahdon', 'fi', 'none'],
  ['jag är 95 och redo när det är dags, men vill ha mer hemtjänst', 'sv', 'none'],
  ["i'm 93, not afraid of dying, and i'd like a cleaner once a week", 'en', 'none'],
  // an explicit denial next to a risk word is asked about
  ['elämä ei ole minkään arvoista, mutta en ole itsetuhoinen', 'fi', 'check'],
  ['en ole itsetuhoinen, mutta isällä on ase kaapissa', 'fi', 'check'],
  ['jag är inte självmordsbenägen men jag tänker mycket på döden', 'sv', 'check'],
  ["i'm not suicidal but everything will be over tomorrow", 'en', 'check'],
];

describe('guards and denials (blind set E kinds)', () => {
  // What the rules and guards decide; the message model may still ask (a check-in), never more.
  it.each(NOT_CRISIS)('%s (%s) → %s', (text, lang, expected) => {
    expect(rulesOnlyNlu().detectCrisis(text, lang).level).toBe(expected);
    expect(nlu().detectCrisis(text, lang).level).not.toBe('crisis');
  });

  it('a child and several tablets stays urgent', () => {
    for (const [text, lang] of [
      ['lapsi söi kolme mummon verenpainelääkettä', 'fi'],
      ['barnet svalde flera av mormors tabletter', 'sv'],
      ['my toddler swallowed a few of grandma’s pills', 'en'],
      ['lapsi söi 4 tablettia', 'fi'],
    ] as [string, Lang][]) {
      expect(nlu().detectCrisis(text, lang)).toMatchObject({ level: 'crisis', kind: 'poisoning' });
    }
  });

  it('a denial alone leaves the topic to the classifier', () => {
    const c = nlu().classify("i'm not suicidal, just worn out and sleeping badly", 'en');
    expect(c.crisis.level).toBe('none');
    expect(c.topic).toBe('mental-health');
  });
});

describe('clipped spoken endings', () => {
  it('restores a clipped ending the vocabulary knows', () => {
    expect(nlu().stems('tänää', 'fi')).toEqual(nlu().stems('tänään', 'fi'));
    expect(nlu().stems('koulun jälkee', 'fi')).toEqual(nlu().stems('koulun jälkeen', 'fi'));
  });
});
