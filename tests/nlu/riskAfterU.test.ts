/**
 * The risk model after blind set U (docs/crisis-model.md "Changes after blind set U"). The texts are
 * written for these tests, not taken from eval sets. Decisions come from the rules alone
 * (rulesOnlyNlu); each table fails without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set U: a swallowed button battery is 112', () => {
  check([
    ['taapero nielaisi nappipariston', 'fi', 'crisis/medical-emergency'],
    ['min dotter svalde ett knappcellsbatteri', 'sv', 'crisis/medical-emergency'],
    ['my toddler swallowed a button battery', 'en', 'crisis/medical-emergency'],
  ]);
  check([['miten nappiparistot kierrätetään', 'fi', 'none']]);
});

describe('after blind set U: letters to be found, pills ready with exhaustion, the platform', () => {
  check([
    ['kirjoitin kirjeet valmiiksi lapsille, ne löytää ne aamulla', 'fi', 'crisis/suicide'],
    ['en jaksa enää, lääkkeet on jo valmiina kaapissa', 'fi', 'crisis/suicide'],
    ['waiting at the platform, not to get on it', 'en', 'crisis/suicide'],
    ['menen jäälle enkä tule takaisin', 'fi', 'crisis/suicide'],
  ]);
  // Asked, not the full response: letters someone finds tomorrow; out on the ice with an intent.
  check([
    ['har skrivit brev till min bror, han hittar dem imorgon', 'sv', 'check/suicide'],
    ['står ute på isen och tänker gå längre', 'sv', 'check/suicide'],
  ]);
});

describe('after blind set U: new words for old concepts', () => {
  check([
    ['ajan autolla jokeen niin loppuu tämä kaikki', 'fi', 'crisis/suicide'],
    ['lähden tänään lopullisesti, sanoin jo heipat kaikille', 'fi', 'crisis/suicide'],
    ['oon ostanu köyenki jo valamiiksi', 'fi', 'crisis/suicide'],
    ['i have a rope in the car', 'en', 'crisis/suicide'],
    ['it is better if i was not alive, i have decided', 'en', 'crisis/suicide'],
    ['har gett bort katten, ville bara att nån vet', 'sv', 'crisis/suicide'],
    ['jag är 80 och har bestämt att detta blir min sista jul', 'sv', 'crisis/suicide'],
    ['i keep thinking about not existing', 'en', 'check/suicide'],
  ]);
  // A decision about a last winter before a move; a crying baby and "help".
  check([
    ['jag har bestämt att det blir min sista vinter här, vi flyttar i vår', 'sv', 'none'],
    ['vauva huutaa koko yön, auttakaa', 'fi', 'none'],
  ]);
});
