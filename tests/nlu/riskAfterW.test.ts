/**
 * The risk model after blind set W (docs/crisis-model.md "Changes after blind set W"). The texts are
 * written for these tests, not taken from eval sets. Decisions come from the rules alone
 * (rulesOnlyNlu); each table fails without its change.
 */
import { checkRuleLevels as check } from './helpers';

describe('after blind set W: something toxic swallowed and now a symptom is 112', () => {
  check([['lapsi joi pesuainetta ja nyt oksentaa', 'fi', 'crisis/medical-emergency']]);
  // Without a symptom it stays the poisoning answer.
  check([['lapsi joi pesuainetta', 'fi', 'crisis/poisoning']]);
});

describe('after blind set W: how high to be sure, dialect readiness, Ostrobothnian letters', () => {
  check([
    ['kuinka korkealta pitää pudota että se on varma', 'fi', 'crisis/suicide'],
    ['köyren laitoin valmihiksi navettaan', 'fi', 'crisis/suicide'],
    ['ha skrivi brev, dom ligger i lådan, he känns lugnt nu', 'sv', 'crisis/suicide'],
    ['i am tired of life and thinking to finish my life', 'en', 'crisis/suicide'],
    ['kirjoitin kirjeet, kuka ottaa mun koiran sitten', 'fi', 'crisis/suicide'],
  ]);
  check([
    ['star pa taket nu', 'sv', 'check/suicide'],
    ['joskus tuntuu et ois ihan sama vaikka nukahtais eikä heräis', 'fi', 'check/suicide'],
    ['orkar inte längre', 'sv', 'check/suicide'],
  ]);
  // "klarar sig inte … längre" (cannot manage any more) is someone who needs help at home.
  check([['min pappa klarar sig inte hemma längre', 'sv', 'none']]);
});

describe('after blind set W: a how-to question with "teen sen", a series talked about', () => {
  check([
    ['miten teen sen, kun haluan uusia lääkkeen reseptin', 'fi', 'none'],
    // "että se on varma" (that it is certain) counts only with a method of how high
    ['haluan että se on varma ennen kuin maksan', 'fi', 'none'],
    ['olen päättänyt että se on varma', 'fi', 'none'],
    ['after the show my son keeps asking questions about suicide', 'en', 'not crisis'],
  ]);
  // "I'll do it" with a time is still an ending.
  check([['otan lääkkeet ja teen sen tänään', 'fi', 'caught']]);
});

describe('after blind set W: veiled-sign lines that, written as two-word alternatives, never matched', () => {
  // "radat upp|lagt fram …" read as a five-word sequence; each line is now one phrase of single-word alternatives.
  check([
    ['jag har radat upp tabletterna', 'sv', 'crisis/suicide'],
    ['tabletterna ligger uppradade', 'sv', 'crisis/suicide'],
    ['har hittat ett ställe att hoppa', 'sv', 'crisis/suicide'],
    ['har skrivit brev, de ligger i byrålådan', 'sv', 'check/suicide'],
    ['i wrote letters, they will find them tomorrow', 'en', 'check/suicide'],
  ]);
  check([['medicinerna ligger på bordet', 'sv', 'none']]);
});
