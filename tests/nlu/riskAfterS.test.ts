/**
 * The risk model after blind set S (docs/crisis-model-rounds-s-to-t.md "After blind set S"). The texts are
 * written for these tests, not taken from eval sets. Decisions come from the rules alone
 * (rulesOnlyNlu), so the message model cannot hide a rule that stopped working; each table fails
 * without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set S: a means or a high place told as relief', () => {
  check([
    ['jos hyppäisin junan alle se ois vaan helpotus', 'fi', 'crisis/suicide'],
    ['att hoppa från bron vore en lättnad', 'sv', 'crisis/suicide'],
    ['jumping off the bridge would be such a relief', 'en', 'crisis/suicide'],
    ['jag sitter på taket och det känns så lätt nu', 'sv', 'crisis/suicide'],
  ]);
  // Relief without a means is an ordinary wish for help.
  check([
    ['ois helpotus saada kotihoito äidille', 'fi', 'none'],
    ['it would be a relief to get a doctor\'s appointment', 'en', 'none'],
  ]);
});

describe('after blind set S: a means that "nobody would know was on purpose"', () => {
  check([
    ['jos ajais rekan alle niin kukaan ei tietäis että se oli tahallaan', 'fi', 'crisis/suicide'],
    ['om jag kör in i en lastbil skulle ingen veta att det var med flit', 'sv', 'crisis/suicide'],
    ['stepping in front of a train would look like an accident', 'en', 'crisis/suicide'],
  ]);
  // "What if" with a means, and nothing more, is asked.
  check([['mitä jos ajaisin sillalta alas', 'fi', 'check/suicide']]);
});

describe('after blind set S: a means with exhaustion, a friend at a means who does not answer', () => {
  check([
    ['en jaksa enää. lähden illalla metsään haulikon kanssa', 'fi', 'crisis/suicide'],
    ['min bror är vid järnvägsbron och svarar inte', 'sv', 'crisis/suicide'],
    ['sisko laittoi kuvan kerrostalon katolta eikä vastaa puhelimeen', 'fi', 'crisis/suicide'],
  ]);
  // Hunting is the ordinary reason for a shotgun; exhaustion alone is the check-in.
  check([['en jaksa enää odottaa hirvijahtia, haulikko on jo putsattu', 'fi', 'check/suicide']]);
});

describe('after blind set S: pills lined up', () => {
  check([
    ['lääkkeet on rivissä pöydällä valmiina', 'fi', 'crisis/suicide'],
    ['i have lined up all my pills', 'en', 'crisis/suicide'],
  ]);
  check([['I laid out my pills in the organiser for the week', 'en', 'none']]);
});

describe('after blind set S: new words for old concepts', () => {
  check([
    ['olen päättänyt ettei minulle tule huomista', 'fi', 'crisis/suicide'],
    ['ei tarvitse kenenkään minusta enää huolehtia', 'fi', 'check/suicide'],
    ['välillä tuntuu että nukkuisin ikuisesti', 'fi', 'check/suicide'],
    ['han skrev att vi inte ska leta efter honom och svarar inte', 'sv', 'crisis/suicide'],
    ['mormor har börjat ge bort sina saker och säger att hon inte behöver dem längre', 'sv', 'crisis/suicide'],
    ['emmää jaksa enää', 'fi', 'check/suicide'],
  ]);
  check([['vi ska ge bort barnens gamla kläder, de behöver inte dem längre', 'sv', 'none']]);
});

describe('after blind set S: words that only look alike are no evidence', () => {
  // "sillä" (with it) stems like "sillalla" (on the bridge); "en tiedä … paikassa" is no method.
  check([
    ['lapsella on kuumetta ja sillä on ihottumaa nyt', 'fi', 'none'],
    ['en tiedä miten tästä eteenpäin, olen väärässä paikassa', 'fi', 'none'],
  ]);
  check([
    ['seison sillalla nyt', 'fi', 'caught'],
    ['tiedän paikan mistä hypätä', 'fi', 'check/suicide'],
  ]);
});
