/**
 * The risk-model rule added after blind sets K and L (docs/crisis-model.md "Changes after blind
 * sets K and L"): someone being beaten now, also a third person the writer hears. The texts are
 * written for these tests, not taken from eval sets; the first table fails without the rule.
 */
import { expectCrisisLevel, Lang, shippedNlu } from './helpers';

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
