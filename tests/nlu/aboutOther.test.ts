/**
 * CrisisResult.aboutOther: a suicide risk told of someone else (a son's goodbye message, a friend
 * who wants to die) is marked, so the bot speaks to the person who is worried; the writer's own
 * risk, also when it names someone close ("kirjotin lapsille kirjeet"), is not.
 */
import { shippedNlu } from './helpers';

const OTHER = [
  'mun poika lähetti viestin et hyvästi äiti ja kiitos kaikesta',
  'mun kaveri sano et se haluu kuolla',
  'min son skrev hejdå och nu svarar han inte',
  'min vän säger att hon vill dö',
  'my friend says she wants to die',
  'my son texted me goodbye and now he wont answer',
];

const SELF = [
  'haluan kuolla',
  'mun poika kuoli ja mä haluun kuolla',
  'kirjotin lapsille kirjeet ihan varmuuden vuoks jos mulle sattuu jotain',
  'har skrivit brev till barnen ifall nåt skulle hända mig',
  'wrote letters to my kids just in case. gave my dog to the neighbour yesterday',
  'i want to die',
];

describe('a risk told of someone else', () => {
  it.each(OTHER)('"%s" is about another person', (text) => {
    const r = shippedNlu().detectCrisis(text);
    expect(r.level).toBe('crisis');
    expect(r.aboutOther).toBe(true);
  });

  it.each(SELF)('"%s" is the writer\'s own', (text) => {
    const r = shippedNlu().detectCrisis(text);
    expect(r.level).not.toBe('none');
    expect(r.aboutOther).toBeUndefined();
  });

  it('a medical emergency of someone else is the 112 answer, not marked', () => {
    expect(shippedNlu().detectCrisis('mun isä ei hengitä').aboutOther).toBeUndefined();
  });
});
