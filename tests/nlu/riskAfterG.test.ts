/**
 * The risk-model rules and guards added after blind set G, each by kind in fi, sv and en: a small
 * child drowsy after swallowing something toxic (112), a heavy or pressing chest with a numb arm
 * or a cold sweat (112). The guards: a thing that "shoots itself stuck", a measurement read as a
 * number of pills, "sille" read as a bridge, a doctor read as medicine, a laugh or "but seriously"
 * with a stomach ache, breathing trouble told with anxiety, a sibling's "kill" over a console. The
 * texts are written for these tests, not taken from eval sets.
 */
import { NluEngine } from '../../src/nlu/engine';
import { shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;
type Lang = 'fi' | 'sv' | 'en';
const rulesOf = (text: string): (string | null)[] => (['fi', 'sv', 'en'] as Lang[]).map((l) => nlu().riskRule(text, l));

const EMERGENCY: [string, Lang, string][] = [
  // a small child who swallowed something toxic and is now drowsy or hard to wake
  ['3-vuotias joi lamppuöljyä ja on nyt tosi veltto', 'fi', 'child-took-toxic-drowsy'],
  // a machine tablet is also "pills" (tablet*): the pills rule comes first, the answer is the same
  ['taapero nielas tiskikonetabletin ja on ihan tokkurassa', 'fi', 'child-took-pills-drowsy'],
  ['muksu söi pesuainetta ja on vaikea herättää', 'fi', 'child-took-toxic-drowsy'],
  ['vår 2-åring svalde en disktablett och är jättedåsig', 'sv', 'child-took-pills-drowsy'],
  ['lillan har svalt ett batteri och är svår att väcka', 'sv', 'child-took-toxic-drowsy'],
  ['my toddler swallowed a button battery and is hard to wake', 'en', 'child-took-toxic-drowsy'],
  ['2yo ate a laundry pod and is really drowsy now', 'en', 'child-took-toxic-drowsy'],
  // a heavy or pressing chest with a numb arm or a cold sweat
  ['painava tunne rinnassa ja vasen käsi puutuu', 'fi', 'chest-pain-numb-arm'],
  ['isällä puristaa rinnassa ja on kylmä hiki', 'fi', 'chest-pain-cold-sweat'],
  ['rintakehällä raskas olo, käsi puutuu ja hikoiluttaa', 'fi', 'chest-pain-numb-arm'],
  ['pappa har tryck över bröstet och vänster arm domnar', 'sv', 'chest-pain-numb-arm'],
  ['tung känsla i bröstet och kallsvettig', 'sv', 'chest-pain-cold-sweat'],
  ['my dad has a heavy feeling in his chest and his left arm is numb', 'en', 'chest-pain-numb-arm'],
  ['pressure on my chest and a cold sweat', 'en', 'chest-pain-cold-sweat'],
  ['rinnassa painaa ja hikoilen kylmää hikeä', 'fi', 'chest-pain-cold-sweat'],
  ['feels like something heavy is sitting on my chest and my arm is numb', 'en', 'chest-pain-numb-arm'],
];

describe('after blind set G: emergencies answered with 112', () => {
  it.each(EMERGENCY)('%s (%s) → medical emergency by %s', (text, lang, rule) => {
    const r = nlu().detectCrisis(text, lang);
    expect([r.level, r.kind]).toEqual(['crisis', 'medical-emergency']);
    expect(rulesOf(text)).toContain(rule);
  });
});

const STILL_CRISIS: [string, Lang, string][] = [
  // real breathing emergencies keep 112 (anxiety guards only the breathless rule)
  ["he can't breathe and his lips are blue", 'en', 'medical-emergency'],
  ['hon har slutat andas', 'sv', 'medical-emergency'],
  ['äiti ei hengitä', 'fi', 'medical-emergency'],
  ['i cant breathe, my throat is swelling after a wasp sting', 'en', 'medical-emergency'],
  // with anxiety named, a faint or a blue face still gets 112
  ['kan inte andas, har ångest och han svimmade', 'sv', 'medical-emergency'],
  ['ahdistaa ja en saa henkeä, ihan sininen', 'fi', 'medical-emergency'],
  ['panic attack and she cant breathe and is turning blue', 'en', 'medical-emergency'],
  ['en saa henkeä', 'fi', 'medical-emergency'],
  // a death wish with a laugh but no bodily complaint, and with one but real distress words
  ['haluun kuolla lol, en jaksa enää mitään', 'fi', 'suicide'],
  // a real "kill" about a person, not a sibling over a toy
  ['mies uhkaa tappaa mut jos koskee sen puhelimeen', 'fi', 'violence'],
  // a real overdose: a range and milligrams are still a count
  ['otin 40 5 mg diapamia', 'fi', 'poisoning'],
  ['otin 20-30 panadolia äsken', 'fi', 'poisoning'],
  ['otin koko viikon lääkkeet kerralla', 'fi', 'poisoning'],
  // a child's age is still a child
  ['my 3 year old took my pills', 'en', 'poisoning'],
  ['min 2-åring tog tabletter', 'sv', 'poisoning'],
  // shooting oneself, colloquial
  ['mä ammun itteni', 'fi', 'suicide'],
];

describe('after blind set G: real cases next to the new guards', () => {
  it.each(STILL_CRISIS)('%s (%s) → crisis %s', (text, lang, kind) => {
    const r = nlu().detectCrisis(text, lang);
    expect([r.level, r.kind]).toEqual(['crisis', kind]);
  });
});

const NOT_CRISIS: [string, Lang][] = [
  // a thing that "shoots itself stuck": the subject is no person
  ['sovellus ampuu ittensä jumiin aina kun avaan sen', 'fi'],
  ['läppäri tappaa itsensä kesken kaiken, mistä saa apua', 'fi'],
  ['spelet kraschar hela tiden, dödar sig själv', 'sv'],
  ['my game keeps killing itself after the update', 'en'],
  // readings and measurements are no count of pills
  ['verenpaine 172/104 aamulla vaikka otan lääkkeet', 'fi'],
  ['blodtrycket 160/95 fast jag tar mina mediciner varje dag', 'sv'],
  ['my blood pressure was 170/105 all week even with my pills', 'en'],
  ['kuume 39 astetta ja otin lääkkeet, koko päivän sängyssä', 'fi'],
  ['verenpaine oli 170/105 vaikka otin lääkkeet aamulla', 'fi'],
  ['otin lääkkeet, sokeri 14 mmol aamulla', 'fi'],
  ['i took my pills and was in bed all day', 'en'],
  ['blodsockret var 18 idag fast jag har tagit insulin', 'sv'],
  ['my sugar was 25 this morning and i took my insulin', 'en'],
  ['glukoosi 22 vaikka otin insuliinit', 'fi'],
  // "sille" (to her) is no bridge, "ollenkaan" no "olen"
  ['pappa kaatui eilen ja pelkää nyt kävellä, tarviiko sille turvarannekkeen', 'fi'],
  ['ukki ei uskalla lähteä ollenkaan ulos, pitäiskö sille hakea kotihoitoa', 'fi'],
  // a doctor is no medicine
  ['juon liikaa viikonloppuisin eikä lääkäri vastaa, sokerit on korkealla', 'fi'],
  // a laugh or "but seriously" and a bodily complaint
  ['söin niin paljon pizzaa et haluun kuolla xd mut oikeesti maha on kipee', 'fi'],
  ['åt så mycket att jag vill dö haha men på riktigt magen värker', 'sv'],
  ['i ate so much i want to die lol but seriously my stomach hurts', 'en'],
  // breathing trouble told with anxiety
  ['ahdistaa koko ajan enkä saa henkeä kunnolla kun se tulee', 'fi'],
  ['panikångest och kan inte andas ordentligt när den kommer', 'sv'],
  ["anxiety all the time and i can't breathe properly when it hits", 'en'],
  // an adult's age is no child
  ['my 80 year old mum took her pills this morning', 'en'],
  ['min 80-åriga mamma tog sina tabletter', 'sv'],
  // a sibling's "kill" over a console or sweets
  ['tapan mun siskon jos se vielä kerran koskee mun puhelimeen', 'fi'],
  ['jag dödar min lillebror om han rör min playstation igen', 'sv'],
  ["i'll kill my little brother if he touches my xbox again", 'en'],
];

describe('after blind set G: ordinary messages with the same words', () => {
  it.each(NOT_CRISIS)('%s (%s) → no full crisis response', (text, lang) => {
    expect(nlu().detectCrisis(text, lang).crisis).toBe(false);
  });
});

describe('a sibling and a weapon', () => {
  it('keeps the kill word when a weapon is named', () => {
    expect(nlu().detectCrisis("i'll kill my brother, he broke my phone and i have a knife", 'en').level).not.toBe('none');
  });
});
