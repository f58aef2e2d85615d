/**
 * The risk-model rules added after blind set F, each by kind in fi, sv and en: farewell letters
 * and someone to look after the family afterwards; a means taken and somewhere to go with it
 * (not hunting); burning oneself, with colloquial "itteeni"; a small child drowsy after
 * swallowing pills (the 112 answer); chest pain written with an intensifier ("jätteont") or with
 * a grey face. The guards: a stroke in rehabilitation or in the past, an attack that passes, an
 * age and medicines that run out in a long message. The texts are written for these tests, not
 * taken from eval sets.
 */
import { NluEngine } from '../../src/nlu/engine';
import { unintensify } from '../../src/nlu/intensifier';
import { rulesOnlyNlu, shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;
type Lang = 'fi' | 'sv' | 'en';
const rulesOf = (text: string): (string | null)[] => (['fi', 'sv', 'en'] as Lang[]).map((l) => nlu().riskRule(text, l));

const CRISIS: [string, Lang, string, string][] = [
  // letters written, and someone to look after the family afterwards (C-SSRS preparatory acts)
  ['olen kirjoittanut kirjeen jokaiselle lapselle, toivon että sisko pitää niistä huolta sen jälkeen', 'fi', 'suicide', 'letters-look-after-afterwards'],
  ['jag har skrivit brev till barnen och vill veta att någon tar hand om dem efteråt', 'sv', 'suicide', 'letters-look-after-afterwards'],
  ['i wrote letters to my wife and the kids, i just need someone to look after them afterwards', 'en', 'suicide', 'letters-look-after-afterwards'],
  ["i have written a note for my parents so someone takes care of them when i'm gone", 'en', 'suicide', 'letters-absence'],
  // a means taken and somewhere to go with it, often told by a relative
  ['veli on sanonut että ottaa kiväärin ja lähtee metsään eikä tule takaisin', 'fi', 'suicide', 'means-take-go-off'],
  ['pappa säger att han ska ta geväret och gå ut i skogen', 'sv', 'suicide', 'means-take-go-off'],
  ["my dad keeps saying he'll take his gun and go into the woods", 'en', 'suicide', 'means-take-go-off'],
  // burning oneself, colloquial "itteäni", "ittensä"
  ['poltan itteäni sytkärillä kun ahdistaa', 'fi', 'self-harm', 'self-harm-distress'],
  ['se poltti ittensä tupakalla uudestaan', 'fi', 'self-harm', 'self-harm-repeat'],
  ['jag bränner mig med cigaretter varje kväll', 'sv', 'self-harm', 'self-harm-repeat'],
  ['i burn myself with a lighter when it gets bad', 'en', 'self-harm', 'self-harm-distress'],
  ['poltan ittiäni tupakalla aina kun ahistaa', 'fi', 'self-harm', 'self-harm-distress'],
  ["i've been burning my arm with cigarettes again", 'en', 'self-harm', 'self-harm-repeat'],
  // a small child drowsy after swallowing someone's pills: 112
  ['taapero nielaisi muutaman isän sydänlääkkeen ja on nyt tosi unelias', 'fi', 'medical-emergency', 'child-took-pills-drowsy'],
  ['vår tvååring åt mormors tabletter och är jättedåsig nu', 'sv', 'medical-emergency', 'child-took-pills-drowsy'],
  ['toddler ate my blood pressure pills and is hard to wake', 'en', 'medical-emergency', 'child-took-pills-drowsy'],
  ['lillen har svalt pappas tabletter och är svår att väcka', 'sv', 'medical-emergency', 'child-took-pills-drowsy'],
  // chest pain with an intensifier written together, a numb arm or a grey face
  ['jätteont i bröstet och armen domnar', 'sv', 'medical-emergency', 'chest-pain-numb-arm'],
  ['pappa har superont i bröstet och är grå i ansiktet', 'sv', 'medical-emergency', 'chest-pain-cold-sweat'],
  ['miehellä puristaa rintaa ja on ihan harmaa', 'fi', 'medical-emergency', 'chest-pain-cold-sweat'],
  ['he has superbad chest pain and his face is grey', 'en', 'medical-emergency', 'chest-pain-cold-sweat'],
  // the stroke word, now
  ['isä sai juuri aivoinfarktin', 'fi', 'medical-emergency', 'stroke-named'],
  ['i think my mum is having a stroke right now', 'en', 'medical-emergency', 'stroke-named'],
  ['pappa fick en stroke nyss', 'sv', 'medical-emergency', 'stroke-named'],
  ['he just had a stroke', 'en', 'medical-emergency', 'stroke-named'],
];

describe('after blind set F: preparations, a means taken away, burning, a drowsy child, chest pain', () => {
  it.each(CRISIS)('%s (%s) → crisis %s by %s', (text, lang, kind, rule) => {
    const r = nlu().detectCrisis(text, lang);
    expect([r.level, r.kind]).toEqual(['crisis', kind]);
    expect(rulesOf(text)).toContain(rule);
  });
});

const NOT_CRISIS: [string, Lang][] = [
  // one tablet and a child who is fine: a question for the poison information centre
  ['taapero nielaisi yhden d-vitamiinitabletin, vaikuttaa ihan pirteältä', 'fi'],
  ['my 2yo swallowed one vitamin tablet but seems totally fine', 'en'],
  // a stroke in rehabilitation or in the past
  ['kuntoutus aivoinfarktin jälkeen, kuka sen järjestää', 'fi'],
  ['isä sairastanut aivoinfarktin viime vuonna, saako kotiin apua', 'fi'],
  ['mamma hade en stroke i fjol och behöver hemtjänst', 'sv'],
  ["rehab after my husband's stroke, who arranges it", 'en'],
  ['my dad had a stroke last year and needs help at home', 'en'],
  ['pappa fick stroke för två år sedan, hur söker man hemtjänst', 'sv'],
  ['my wife is recovering from a stroke, can we get home help', 'en'],
  ['äidillä aivoinfarkti kolme vuotta sitten, tarvitsee fysioterapiaa', 'fi'],
  // a panic attack that passes: recurring, not now
  ['paniikkikohtaus öisin, en saa henkeä mutta se menee ohi kymmenessä minuutissa', 'fi'],
  ['panikattacker, kan inte andas men det går över efter en stund', 'sv'],
  ["panic attacks, i can't breathe but it goes away after a few minutes", 'en'],
  // an age, and medicines that run out next week, in a message of several worries
  ['äiti on 85 ja sen lääkkeet loppuu ensi viikolla, miten resepti uusitaan', 'fi'],
  ['pappa är 90, hans mediciner tar slut nästa vecka och jag oroar mig för hans minne', 'sv'],
  ['my mum is 82, her pills run out next week and my son drinks at weekends', 'en'],
  ['mummo on 92 ja hänen lääkkeensä vaihdetaan huomenna', 'fi'],
  ['farmor är 92 och hennes mediciner byts i morgon', 'sv'],
  ['grandad is 88 and his medication changes tomorrow', 'en'],
  // a daily dose is no quantity saved up
  ['isä juo ja mulla on 20 lääkettä päivässä, huomenna lääkäri', 'fi'],
  ['pappa tar 12 tabletter om dagen och på måndag ska han till läkaren', 'sv'],
  ['mum takes 14 pills a day and sees the doctor tomorrow', 'en'],
  // a gun and the woods for hunting
  ['isä lähtee huomenna hirvijahtiin ja ottaa haulikon metsään', 'fi'],
  ['min man tar geväret till skogen på älgjakt i helgen', 'sv'],
  ['my husband takes his rifle into the forest every autumn for deer hunting', 'en'],
  // a message and "afterwards" without anyone to look after
  ['lähetin viestin lääkärille, sen jälkeen ei ole kuulunut mitään', 'fi'],
  ['i sent a message to the school, afterwards nobody called', 'en'],
];

describe('after blind set F: ordinary messages with the same words', () => {
  // What the rules and guards decide; the message model may still ask (a check-in), never more.
  it.each(NOT_CRISIS)('%s (%s) → none', (text, lang) => {
    expect(rulesOnlyNlu().detectCrisis(text, lang).level).toBe('none');
    expect(nlu().detectCrisis(text, lang).level).not.toBe('crisis');
  });
});

describe('numbers: an age is no count', () => {
  it('pills and a number next to them with a time is still a plan', () => {
    expect(nlu().riskRule('mulla on 50 unilääkettä ja huomenna otan ne', 'fi')).toBe('overdose-planned');
    expect(nlu().riskRule('äiti on 80 ja huomenna se ottaa 40 unilääkettä', 'fi')).toBe('overdose-planned');
  });
});

describe('intensifier prefixes (intensifier.ts)', () => {
  const known = (w: string): boolean => ['ont', 'trött'].includes(w);
  it('takes a prefix off when the rest is a known word', () => {
    expect(unintensify('jätteont', ['jätte', 'super'], known)).toBe('ont');
    expect(unintensify('super-trött', ['jätte', 'super'], known)).toBe('trött');
  });
  it('leaves a word whose rest is unknown or too short', () => {
    expect(unintensify('jättebo', ['jätte'], (w) => w === 'bo')).toBeNull();
    expect(unintensify('superman', ['super'], known)).toBeNull();
  });
});
