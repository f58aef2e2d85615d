/**
 * The risk model after blind set R (docs/crisis-model-rounds-m-to-r.md "After blind set R"). The texts are written
 * for these tests, not taken from eval sets. Decisions come from the rules alone (rulesOnlyNlu), so
 * the message model cannot hide a rule that stopped working; each table fails without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set R: stroke signs in everyday words get 112', () => {
  check([
    ['mummo kaatu eikä saa sanaa suusta, toinen jalka ei liiku', 'fi', 'crisis/medical-emergency'],
    ['min fru får inte fram ord och ena armen rör sig inte', 'sv', 'crisis/medical-emergency'],
    ['my dad cant get words out and one arm wont move', 'en', 'crisis/medical-emergency'],
  ]);
  // An arm that does not work for a known reason is no stroke.
  check([['mun käsi ei toimi kunnolla jännetupin takia', 'fi', 'none']]);
});

describe('after blind set R: a car in a closed garage with the engine running', () => {
  check([
    ['istun autossa autotallissa kone käynnissä', 'fi', 'crisis/suicide'],
    ['sitter i bilen i garaget med motorn igång', 'sv', 'crisis/suicide'],
    ['sitting in the car in the garage with the engine running', 'en', 'crisis/suicide'],
  ]);
});

describe('after blind set R: preparation in colloquial Finnish', () => {
  check([
    ['mietin koko illan et jos ajais junan alle', 'fi', 'crisis/suicide'],
    ['kirjoitin lapsille kirjeet, huomenna ei tarvitse enää murehtia mistään', 'fi', 'crisis/suicide'],
    ['kaveri laitto storyyn et nää on sen vikat päivät ja on dumpannu kamansa pois', 'fi', 'crisis/suicide'],
    ['isä sanoo olevansa pelkkä riesa meille', 'fi', 'check/suicide'],
  ]);
  check([
    ['huomenna ei tarvii enää murehtia mistään kun koe on ohi', 'fi', 'none'],
    ['heitin kaikki vanhat kamat pois muuton takia', 'fi', 'none'],
    ['tää astma tappaa mut', 'fi', 'none'],
  ]);
});

describe('after blind set R: "vuoden" is a child\'s age only as an age', () => {
  check([
    ['oon ottanu unilääkettä jo vuoden ja otan välillä kolme', 'fi', 'none'],
    ['lapsi on 1 vuoden ikäinen ja nielaisi pillerin', 'fi', 'crisis/poisoning'],
  ]);
});

describe('after blind set R: an age typed with its word, the skull and the eye roll', () => {
  check([
    ['meidän 5v huusi raivarissa et haluu kuolla', 'fi', 'check/suicide'],
    ['mä tapan itteni jos tää peli kaatuu vielä kerran 💀', 'fi', 'check/suicide'],
    ['han säger att han dödar sig själv om han inte får glass 🙄', 'sv', 'check/suicide'],
  ]);
  // The writer's own wish to die stays the full response with any emoji.
  check([['haluun kuolla 💀 en jaksa enää', 'fi', 'crisis/suicide']]);
});
