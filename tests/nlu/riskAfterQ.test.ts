/**
 * The risk model after blind set Q (docs/crisis-model-rounds-m-to-r.md "After blind set Q"). The texts are written
 * for these tests, not taken from eval sets. Decisions come from the rules alone (rulesOnlyNlu), so
 * the message model cannot hide a rule that stopped working; each table fails without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set Q: dialect and a man of himself in the third person', () => {
  check([
    ['mittee tässä enää elellään, ois parempi ku ei ois koko ukkoo', 'fi', 'crisis/suicide'],
    ['ei oo mitään syytä olla täällä enää', 'fi', 'check/suicide'],
  ]);
  // A reason not to worry is no hopelessness.
  check([['ei ole mitään syytä olla huolissaan', 'fi', 'none']]);
});

describe('after blind set Q: a note that says it is nobody\'s fault', () => {
  check([
    ['kirjoitin kirjeen äidille, tää ei oo kenenkään vika', 'fi', 'crisis/suicide'],
    ['jag har skrivit brev till barnen, det är ingens fel', 'sv', 'crisis/suicide'],
    ['i wrote letters to my kids, its nobodys fault', 'en', 'crisis/suicide'],
  ]);
});

describe('after blind set Q: affairs in order and a last evening tonight', () => {
  check([['wrote my will and gave my passwords to my brother, tonight is my last night', 'en', 'crisis/suicide']]);
});

describe('after blind set Q: self-harm and a parent\'s attempt long ago', () => {
  check([
    ['viiltelin lukiossa, nyt arvet haittaa uimahallissa', 'fi', 'check/self-harm'],
    ['min mamma försökte ta sitt liv när jag var barn, hur pratar jag med mina barn om det', 'sv', 'check/suicide'],
    ['my dad tried to kill himself when i was little, how do i talk about it with my kids', 'en', 'check/suicide'],
  ]);
  // Scars of yesterday's cutting are no past.
  check([['viiltelin eilen ja nyt on arvet', 'fi', 'crisis/self-harm']]);
});

describe('after blind set Q: a fear of a friend\'s overdose one day, a medicine\'s strength', () => {
  check([
    ['mistä saa naloksonia, pelkään että kaveri ottaa yliannostuksen joskus', 'fi', 'none'],
    ['otin kaks panadol 500 vahingossa', 'fi', 'none'],
  ]);
  check([
    ['pelkään että kaveri otti yliannostuksen', 'fi', 'crisis/poisoning'],
    ['otin 30 panadol 500', 'fi', 'crisis/poisoning'],
  ]);
});

describe('after blind set Q: pain that "kills"', () => {
  check([
    ['huvudvärken tar livet av mig', 'sv', 'none'],
    ['this headache is killing me', 'en', 'none'],
  ]);
});

describe("after blind set Q: a young child's words in a tantrum are asked about (childOutburst.ts)", () => {
  check([
    ['5-vuotias raivosi että tappaa itsensä jos ei saa karkkia', 'fi', 'check/suicide'],
    ['min 4-åring fick ett utbrott och skrek att hon vill dö', 'sv', 'check/suicide'],
    ['my 6 year old had a tantrum and said he will kill himself', 'en', 'check/suicide'],
  ]);
  // A teenager's words, or a child with a knife, keep the full response.
  check([
    ['14-vuotias huusi raivoissaan että tappaa itsensä', 'fi', 'crisis/suicide'],
    ['6-vuotias huusi että tappaa itsensä ja otti veitsen', 'fi', 'crisis/suicide'],
  ]);
});
