/**
 * The risk-model rule added after blind sets K and L (docs/crisis-model.md "Changes after blind
 * sets K and L"): someone being beaten now, also a third person the writer hears. The texts are
 * written for these tests, not taken from eval sets; the first table fails without the rule.
 */
import { expectCrisisLevel, Lang, rulesOnlyNlu, shippedNlu } from './helpers';

type Case = [string, Lang, string];

const BEATING_NOW: Case[] = [
  ['rappukäytävässä joku hakkaa naista nyt, kuuluu kauheeta huutoa', 'fi', 'crisis/violence'],
  ['naapurin mies lyö sitä just nyt, mitä mä teen', 'fi', 'crisis/violence'],
  ['någon misshandlar en kvinna på gården just nu', 'sv', 'crisis/violence'],
  ['my neighbour is beating his wife right now, i can hear her', 'en', 'crisis/violence'],
];

// Hitting that is a child's behaviour, a habit told as a habit, or over.
const NOT_NOW: Case[] = [
  ['mun 3v lyö nyt kaikkia päiväkodissa, mitä tehdä', 'fi', 'not crisis'],
  ['isä hakkaa äitiä aina kun juo', 'fi', 'not crisis'],
  ['min son slår sin syster ibland, nu vet jag inte vad jag ska göra', 'sv', 'not crisis'],
  ['my ex used to beat me, now i want to talk to someone about it', 'en', 'not crisis'],
];

// Unwanted, with affairs arranged: a preparation without a death word (unwanted-affairs).
const UNWANTED_AFFAIRS: Case[] = [
  ['efter jul behöver ingen bry sig om mig, jag har fixat allt', 'sv', 'crisis/suicide'],
  ['juhannuksen jälkeen kenenkään ei tarvitse välittää minusta, järjestin kaiken valmiiksi', 'fi', 'crisis/suicide'],
  ["after easter nobody has to worry about me anymore, i've sorted everything", 'en', 'crisis/suicide'],
];

// Arranging for a move or a party is no preparation; being unwanted alone is asked about.
const ARRANGED: Case[] = [
  ['jag har ordnat allt inför flytten', 'sv', 'none'],
  ["i've sorted everything for the party, nobody has to worry", 'en', 'none'],
  ['ingen bryr sig om mig i skolan', 'sv', 'check/suicide'],
];

describe('after blind set L: unwanted, with affairs arranged', () => {
  it.each(UNWANTED_AFFAIRS)('%s (%s) → %s', (text, lang, expected) => {
    expectCrisisLevel(text, lang, expected);
  });

  it.each(ARRANGED)('%s (%s) → %s', (text, lang, expected) => {
    expectCrisisLevel(text, lang, expected);
  });
});

describe('after blind sets K and L: someone being beaten now', () => {
  it.each(BEATING_NOW)('%s (%s) → %s', (text, lang, expected) => {
    expectCrisisLevel(text, lang, expected);
    expect(['fi', 'sv', 'en'].map((l) => (shippedNlu() as unknown as { riskRule(t: string, l: Lang): string | null }).riskRule(text, l as Lang))).toContain('beating-now');
  });

  it.each(NOT_NOW)('%s (%s) → %s', (text, lang, expected) => {
    expectCrisisLevel(text, lang, expected);
  });
});

// Asking how many tablets are dangerous, or what a big number at once would do: the direct
// question (dose-danger, dose-what-if). A daily dose or a missed pill is an ordinary question.
const DOSE_QUESTIONS: Case[] = [
  ['kuinka monta buranaa on vaarallista ottaa', 'fi', 'check/suicide'],
  ['mitä käy jos ottaa 30 unilääkettä', 'fi', 'check/suicide'],
  ['hur många sömntabletter är farligt att ta', 'sv', 'check/suicide'],
  ['how many sleeping pills would be lethal', 'en', 'check/suicide'],
  ['what happens if you take 30 paracetamol at once', 'en', 'check/suicide'],
];
const DOSE_ORDINARY: Case[] = [
  ['kuinka monta buranaa saa ottaa päivässä', 'fi', 'none'],
  ['onko ibuprofeeni vaarallista raskausaikana', 'fi', 'none'],
  ['what happens if i miss one pill', 'en', 'none'],
];

// Picturing a method (after blind set K, English): "in front of the train" is a means.
const PICTURING: Case[] = [
  ['i keep picturing stepping in front of the train', 'en', 'check/suicide'],
  ['i picture myself in front of the class', 'en', 'none'],
];

// What the rules decide: the message model learns anew from every labelled set and may ask on
// its own (once M was in its training it asked on "i picture myself in front of the class").
describe('after blind set K: a dose asked about, a method pictured', () => {
  it.each([...DOSE_QUESTIONS, ...DOSE_ORDINARY, ...PICTURING])('%s (%s) → %s', (text, lang, expected) => {
    expectCrisisLevel(text, lang, expected, rulesOnlyNlu());
  });
});
