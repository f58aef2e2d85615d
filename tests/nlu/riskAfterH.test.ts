/**
 * The risk-model rules and guards added after blind set H (docs/crisis-model.md "Changes after
 * blind set H"), each by kind in fi, sv and en. The texts are written for these tests, not taken
 * from eval sets.
 */
import type { NluEngine } from '../../src/nlu/engine';
import { crisisLevelOf, expectCrisisLevel, Lang, shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;

// Words whose stem or spelling reached another word: each sentence got the wrong answer before.
const STEM_FIXES: [string, Lang, string][] = [
  // Swedish "jag" has the stem of "jaga" (to hunt), so every "jag" was hunting
  ['jag tar geväret och går ut i skogen ikväll', 'sv', 'crisis/suicide'],
  // English "meds" has the stem "med": "med school" with a number and a day was an overdose plan
  ['my med school exam is tomorrow and I still have 30 pages to read', 'en', 'none'],
  // "koskee" (touches, hurts) was read as "koskeen" (into the rapids), a means
  ['mietin vaan miks polvi koskee niin paljon portaissa', 'fi', 'none'],
  // "puhelin on kiinni" needed "päältä" after it (one pattern line for two phrases)
  ['veli kirjoitti hyvästi ja nyt sen puhelin on kiinni', 'fi', 'crisis/suicide'],
  // Swedish "lugn" (calm) has the stem of "lugnande" (sedatives)
  ['farmor är lugn och säger att hon är redo att dö', 'sv', 'not crisis'],
  // Finnish "itse" has the stem of "itseäni": smoking ("poltan") or hitting someone else was self-harm
  ['poltan tupakkaa mutta itse haluaisin jo lopettaa', 'fi', 'none'],
  ['poika on lyönyt kaveria koulussa ja itse olen ihan lopussa', 'fi', 'none'],
  // a sibling with a possessive suffix ("siskoni") is a sibling: "kill" over a charger is hyperbole
  ['tapan siskoni jos se vielä lainaa mun laturia', 'fi', 'none'],
];

describe('after blind set H: stems and spellings that reached another word', () => {
  it.each(STEM_FIXES)('%s (%s) → %s', (text, lang, expected) => {
    expectCrisisLevel(text, lang, expected);
  });
});

// Indirect preparations with no word of dying: each got nothing before (or only a check-in).
const PREPARATIONS: [string, Lang, string][] = [
  // a last day or a farewell act told by someone close, then no answer
  ['min vän skrev att det var sista kvällen och nu svarar hon inte', 'sv', 'ending-unreachable'],
  ['serkku laitto et tää on sen viimenen ilta, nyt puhelin on kiinni', 'fi', 'ending-unreachable'],
  ['my cousin said this is his last day and now his phone is off', 'en', 'ending-unreachable'],
  ['kaveri antoi mulle koiransa eilen eikä nyt vastaa puhelimeen', 'fi', 'give-away-unreachable'],
  ['serkku sano et mä saan sen kitaran, nyt se ei vastaa viesteihin', 'fi', 'give-away-unreachable'],
  ['min bror gav mig sin katt igår och nu svarar han inte i telefon', 'sv', 'give-away-unreachable'],
  ['she said I can keep her cat and now her phone is off', 'en', 'give-away-unreachable'],
  // things given away and an ending
  ['lauantaina kaikki on ohi, annoin kissan ja kitaran ystäville', 'fi', 'give-away-ending'],
  ['sunnuntaina se on ohi, tavarat on annettu pois', 'fi', 'give-away-ending'],
  ['på söndag är det över. jag har gett bort allt till mina vänner', 'sv', 'give-away-ending'],
  ["by sunday it's all over. i've given my things away to friends", 'en', 'give-away-ending'],
  // a condition of change with an absence
  ['jos mikään ei muutu kevääseen mennessä, mua ei enää oo', 'fi', 'unless-change-absence'],
  ['om ingenting blir bättre till sommaren finns jag inte längre', 'sv', 'unless-change-absence'],
  ["if things don't get better by easter I won't be around", 'en', 'unless-change-absence'],
  // "if this goes on like this" is the same condition
  ['jos tää jatkuu näin niin en oo enää jouluna täällä', 'fi', 'unless-change-absence'],
  ['om det fortsätter så här så finns jag inte kvar till sommaren', 'sv', 'unless-change-absence'],
  ["if it goes on like this I won't be around by summer", 'en', 'unless-change-absence'],
  // the phone switched off, said after an adverb ("nu är telefonen avstängd")
  ['min syster skrev att idag är hennes sista dag och nu är telefonen avstängd', 'sv', 'ending-unreachable'],
  // letters and a sudden calm
  ['har skrivit brev till pappa och städat, nu känns det lugnt', 'sv', 'letters-self-ready'],
  ['skrev ett brev till min syster och nu känns det så lugnt nu', 'sv', 'letters-self-ready'],
  ['kirjoitin kirjeen siskolle ja nyt on rauhallinen olo', 'fi', 'letters-self-ready'],
];

describe('after blind set H: indirect preparations get the full response', () => {
  it.each(PREPARATIONS)('%s (%s) → crisis by %s', (text, lang, rule) => {
    expect(crisisLevelOf(text, lang)).toBe('crisis/suicide');
    expect(nlu().riskRule(text, lang)).toBe(rule);
  });
});

// The same words in ordinary messages: no full response.
const ORDINARY_PREPARATIONS: [string, Lang][] = [
  ['tämä jonottaminen ei lopu koskaan, kukaan ei vastaa puhelimeen', 'fi'],
  ['sista dagen på jobbet idag och chefen svarar inte', 'sv'],
  ['my last day at work is friday and hr is not answering my emails', 'en'],
  ['gave the old clothes to the charity shop and they are not answering the phone', 'en'],
  // no one close named: a service that does not answer on a last day is asked about at most
  ['the last day of my antibiotics is today and the clinic is not answering', 'en'],
  ['sista dagen för ansökan är idag och ni svarar inte i telefon', 'sv'],
  ['she said I can keep her cat while she is on holiday and now her phone is off', 'en'],
  ['ensi viikolla muutto ja tavarat annettu pois, sitten se on ohi', 'fi'],
  ['flyttar på fredag, har gett bort sakerna, sen är det över', 'sv'],
  ['moving out friday, gave my furniture away, then it is all over', 'en'],
];

describe('after blind set H: ordinary endings, silences and giving', () => {
  it.each(ORDINARY_PREPARATIONS)('%s (%s) → no full crisis response', (text, lang) => {
    expect(nlu().detectCrisis(text, lang).crisis).toBe(false);
  });
});

// Ordinary messages that got the full response.
const NOT_ALARMS: [string, Lang][] = [
  // a range of readings after what is measured is no count of pills
  ['blodsockret har legat på 15-19 hela veckan fast jag tagit insulin', 'sv'],
  ['my sugars were 14 to 19 all week even though i took my insulin', 'en'],
  ['verensokerit 13-17 joka aamu vaikka otin insuliinin', 'fi'],
  ['sokeri on ollut 15 ja 20 välillä vaikka otin insuliinin', 'fi'],
  ['blodsocker mellan 12 och 16 hela veckan fast jag tagit insulin', 'sv'],
  // things given to someone close when they moved away (past tense)
  ['veljeni antoi mulle pelikonsolinsa kun se muutti', 'fi'],
  // a stretch of work "kills"
  ['yövuorot tappaa mut, saako sairaslomaa', 'fi'],
  ['den här arbetsveckan dödar mig 🙃 kan jag få sjukskrivning', 'sv'],
  ['these night shifts are killing me, can i get sick leave', 'en'],
  // an old person's calm acceptance of death
  ['ukki on 91 ja sanoo rauhallisesti olevansa valmis kuolemaan', 'fi'],
  ['farfar är 89 och säger lugnt att han är beredd att dö', 'sv'],
  ["my dad is 90, he's calm and says he's ready to die whenever it comes", 'en'],
  ['grandma is 97 and says she is ready to die now, she seems content. should we worry?', 'en'],
];

describe('after blind set H: no full response for ordinary messages', () => {
  it.each(NOT_ALARMS)('%s (%s) → none', (text, lang) => {
    expect(crisisLevelOf(text, lang)).toBe('none');
  });
});

const STILL_ALARMS: [string, Lang, string][] = [
  // a count of pills after a reading is still a count
  ['sokeri 12, otin 30 tablettia', 'fi', 'crisis/poisoning'],
  ['otin 40 5 mg diapamia', 'fi', 'crisis/poisoning'],
  // a person at work who threatens is no figure of speech
  ['työkaveri sanoi että tappaa mut', 'fi', 'crisis/violence'],
  // ready to die, said by someone who is not old and calm (fi and sv had no phrase for it)
  ['olen valmis kuolemaan', 'fi', 'crisis/suicide'],
  ['jag är redo att dö nu', 'sv', 'crisis/suicide'],
  ["i'm calm now, ready to die", 'en', 'crisis/suicide'],
  // an old person's wish to die, or pills saved up, is not acceptance
  ['mormor 94 är lugn men säger att hon vill dö', 'sv', 'crisis/suicide'],
  ['pappa on 88, tosi rauhallinen, mutta on säästänyt unilääkkeitä ja sanoo olevansa valmis kuolemaan', 'fi', 'crisis/suicide'],
  // the writer's own readiness beside an old person's calm keeps its death word
  ['ukki 92 on ihan rauhallinen ja valmis kuolemaan. mäkin oon valmis kuolemaan', 'fi', 'crisis/suicide'],
  ['farfar är 90 och lugn, redo att dö, och jag är också redo att dö', 'sv', 'crisis/suicide'],
  ["my nan is 97 and calm, ready to die, and to be honest i'm ready to die too", 'en', 'crisis/suicide'],
];

describe('after blind set H: the real thing next to the new guards', () => {
  it.each(STILL_ALARMS)('%s (%s) → %s', (text, lang, expected) => {
    expect(crisisLevelOf(text, lang)).toBe(expected);
  });
});

// Swedish subordinate clauses put "inte" before the verb ("säger att hon inte vill leva"); the
// phrases were written for main clauses only ("vill inte leva").
const SUBORDINATE: [string, string][] = [
  ['han sa att han inte orkar leva längre', 'crisis/suicide'],
  ['pappa skrev att han inte vill existera', 'crisis/suicide'],
  ['jag känner att jag inte orkar mer', 'check/suicide'],
  // the denial in the same order is a denial ("säger att hon inte vill dö")
  ['hon säger att hon inte vill dö, hon är bara trött', 'none'],
  // scratching oneself in the past tense (only "river mig till blods" was there)
  ['min son har rivit sig på armarna igen', 'crisis/self-harm'],
];

describe('after blind set H: Swedish subordinate word order', () => {
  it.each(SUBORDINATE)('%s → %s', (text, expected) => {
    expect(crisisLevelOf(text, 'sv')).toBe(expected);
  });

  it('leaves "vet inte hur länge jag orkar … vilken hjälp finns" to the topic', () => {
    expect(crisisLevelOf('jag vet inte hur länge jag orkar. vilken hjälp finns det?', 'sv')).toBe('none');
  });
});

// A laugh next to a kill word about oneself, or next to someone else's reported words: the
// direct question, never nothing ("tapan itteni lol" got nothing before: the joke marker dropped
// every kill word). A laughing emoji is a laugh too.
const LAUGHS: [string, Lang][] = [
  ['tapan itteni lol jos joudun taas tohon kokoukseen', 'fi'],
  ['frendi sano et se ampuu ittensä jos HIFK häviää 🤣🤣', 'fi'],
  ['min kompis sa att han tar livet av sig om Leksand förlorar 😂', 'sv'],
  ["I'll kill myself if we lose the quiz haha", 'en'],
  ['my friend said she wants to die if her crush sees her haircut lol', 'en'],
];

describe('after blind set H: a laugh softens a kill word to the direct question', () => {
  it.each(LAUGHS)('%s (%s) → check', (text, lang) => {
    expect(crisisLevelOf(text, lang)).toBe('check/suicide');
  });
});

const LAUGH_STILL_CRISIS: [string, Lang][] = [
  // the writer's own wish to die with a laugh stands (after blind set G)
  ['haluun kuolla lol, en jaksa enää mitään', 'fi'],
  ['i want to die 😂', 'en'],
  // anything else of risk keeps the full response
  ['tapan itteni lol, köysi on jo valmiina', 'fi'],
  ['min syster skrev att hon ska ta livet av sig ikväll och nu svarar hon inte haha', 'sv'],
  ["my friend texted that she'll kill herself tonight and now she's not answering haha", 'en'],
];

describe('after blind set H: a laugh does not soften the rest of a message', () => {
  it.each(LAUGH_STILL_CRISIS)('%s (%s) → crisis', (text, lang) => {
    expect(crisisLevelOf(text, lang)).toBe('crisis/suicide');
  });
});

describe('after blind set H: hyperbole about food', () => {
  it.each([
    ['voisin tappaa jonkun munkista nyt', 'fi'],
    ['jag skulle kunna döda någon för en kanelbulle', 'sv'],
    ['these donuts are killing me, where is the nearest gym', 'en'],
  ] as [string, Lang][])('%s (%s) → none', (text, lang) => {
    expect(crisisLevelOf(text, lang)).toBe('none');
  });

  it('keeps a weapon named after bread (a bread knife) as a threat', () => {
    expect(crisisLevelOf('se sanoi että tappaa mut leipäveitsellä', 'fi')).toBe('crisis/violence');
  });
});

// "Not ready to die" is a denial of the ready-to-die phrase (a patient before an operation); the
// rest of the message still decides.
describe('after blind set H: not ready to die', () => {
  it.each([
    ['en ole valmis kuolemaan, pelottaa leikkaus', 'fi'],
    ['jag är inte redo att dö, jag är rädd inför operationen', 'sv'],
    ["I'm not ready to die, I'm scared of the surgery", 'en'],
  ] as [string, Lang][])('%s (%s) → none', (text, lang) => {
    expect(crisisLevelOf(text, lang)).toBe('none');
  });

  it('keeps pills saved up next to the denial', () => {
    expect(crisisLevelOf("I'm not ready to die but I have the pills saved up", 'en')).toBe('crisis/suicide');
  });
});
