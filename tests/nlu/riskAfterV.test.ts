/**
 * The risk model after blind set V (docs/crisis-model.md "Changes after blind set V"). The texts are
 * written for these tests, not taken from eval sets. Decisions come from the rules alone
 * (rulesOnlyNlu); each table fails without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set V: a decision with affairs, hopelessness or a time', () => {
  check([
    ['olen tehnyt päätökseni ja järjestänyt asiat kuntoon', 'fi', 'crisis/suicide'],
    ['en näe enää syytä elää, olen tehnyt päätöksen', 'fi', 'crisis/suicide'],
    ['jag orkar inte mer, har bestämt mig, det blir på fredag', 'sv', 'crisis/suicide'],
  ]);
  check([['olen tehnyt päätöksen muuttaa ja järjestänyt asiat kuntoon', 'fi', 'none']]);
});

describe('after blind set V: how high, not to survive; things given away with letters', () => {
  check([
    ['hur högt måste man falla för att inte överleva', 'sv', 'crisis/suicide'],
    ['how high would the building need to be to not survive', 'en', 'crisis/suicide'],
    ['i gave my dog away and wrote letters to my family', 'en', 'crisis/suicide'],
    ['vein kissan siskolle ja lupasin itelleni et perjantaina tää loppuu', 'fi', 'crisis/suicide'],
    ['isä on ladannut haulikon ja sanoi että tää on nyt tässä', 'fi', 'crisis/suicide'],
    ['ajastin viestin huomiseksi, siinä vaiheessa oon jo poissa', 'fi', 'crisis/suicide'],
  ]);
  // Not surviving counts only with a method: beside pills it is no overdose.
  check([['my dad might not survive the surgery, he takes a lot of pills', 'en', 'none']]);
  // Asked: letters left on the table; the car at the harbour and a thought of driving out.
  check([
    ['kirjoitin kirjeet, ne on keittiön pöydällä', 'fi', 'check/suicide'],
    ['sitter i bilen och funderar på att köra i vattnet', 'sv', 'check/suicide'],
  ]);
});

describe('after blind set V: figures of speech, the bereaved, a toddler', () => {
  check([
    ['tää kenttä on ihan itsari', 'fi', 'none'],
    ['mummo käyttää liikaa unilääkkeitä, mitä voin tehdä', 'fi', 'none'],
    ['my sister took her own life last month, is there a support group', 'en', 'not crisis'],
    ['my toddler yelled that he wants to die when I took the ipad', 'en', 'check/suicide'],
  ]);
  // The writer's own attempt last week stays the full response.
  check([['i tried to kill myself last week', 'en', 'crisis/suicide']]);
});
