/**
 * A denial holds only inside one clause (docs/crisis-model.md "Denials inside one clause"): only a
 * filler (really, todellakaan, absolut, mä) may stand between its words, so two clauses that happen
 * to hold "not … want … die" keep the wish to die. And a chore that is too much any more is a need
 * for help at home, not the exhaustion that asks about suicide. The texts are written for these
 * tests, not taken from eval sets; decisions come from the rules alone (rulesOnlyNlu), so the
 * message model cannot hide a rule that stopped working.
 */
import { checkRuleLevels as check } from './helpers';

describe('two clauses are no denial: the wish to die counts', () => {
  check([
    ['en jaksa, haluan kuolla', 'fi', 'crisis/suicide'],
    ['en jaksa haluan kuolla', 'fi', 'crisis/suicide'],
    ['en halua elää, haluan kuolla', 'fi', 'crisis/suicide'],
    ['not sleeping, want to die', 'en', 'crisis/suicide'],
    ['i do not want to live i want to die', 'en', 'crisis/suicide'],
    ['jag orkar inte vill dö', 'sv', 'crisis/suicide'],
    ['jag orkar inte, vill dö', 'sv', 'crisis/suicide'],
    ['jag vill inte leva vill dö', 'sv', 'crisis/suicide'],
  ]);
});

describe('a denial with fillers inside is still a denial', () => {
  check([
    ['en todellakaan halua kuolla, tarvitsen vain apua unettomuuteen', 'fi', 'none'],
    ['en mä oikeesti halua kuolla mut oon tosi väsyny', 'fi', 'none'],
    ['en oo ikinä ajatellu itsemurhaa', 'fi', 'none'],
    // the spelling step reads "haluu" as "haluun" and "pelkää" as "pelkään": the denial still holds
    ['en mä haluu kuolla, haluun vaan nukkua', 'fi', 'none'],
    ['en pelkää kuolemaa, mutta haluaisin että joku kävisi juttelemassa', 'fi', 'none'],
    ['i am not really suicidal, just tired', 'en', 'none'],
    ["i'm honestly not suicidal at all", 'en', 'none'],
    ["i don't want to die, i just want the pain to stop", 'en', 'none'],
    ['jag vill absolut inte ta livet av mig', 'sv', 'none'],
    ['jag sa till läkaren att jag inte vill dö', 'sv', 'none'],
    ['jag vill inte dö men jag är så trött', 'sv', 'none'],
  ]);
});

describe('a chore too much any more is a need for help at home', () => {
  check([
    ['oon 82v enkä jaksa enää siivota', 'fi', 'none'],
    ['jag är 85 och orkar inte längre städa själv', 'sv', 'none'],
    ['im 80 and i cant do the cleaning anymore', 'en', 'none'],
  ]);
  // Exhaustion without a chore still asks, and a wish beside a chore is still a wish.
  check([
    ['en jaksa enää', 'fi', 'check/suicide'],
    ['jag orkar inte längre', 'sv', 'check/suicide'],
    ['en jaksa enää siivota enkä elää, haluan kuolla', 'fi', 'crisis/suicide'],
  ]);
});
