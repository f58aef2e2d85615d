/**
 * "I can't stop thinking about killing myself" is the opposite of a denial, but a denial's words
 * may stand a word apart ("not … thinking … killing"), so it once read as "not thinking about
 * killing" and got nothing. A persistence word inside a denial's span (can't stop, can't help,
 * kan inte sluta, en voi lopettaa) turns it around. Texts written for this test.
 */
import { shippedNlu } from './helpers';

const PERSISTING: [string, string][] = [
  ["i can't stop thinking about killing myself", 'en'],
  ['cannot stop thinking about suicide, please help', 'en'],
  ["I can't help thinking about killing myself", 'en'],
  ['jag kan inte sluta tänka på självmord', 'sv'],
  ['en voi lopettaa itsemurhan miettimistä', 'fi'],
  ['en pysty lakkaamaan ajattelemasta itsemurhaa', 'fi'],
];

const DENYING: [string, string][] = [
  ["I'm not thinking about killing myself, I just need sleep", 'en'],
  ['en ole ajatellut itsemurhaa, mutta väsyttää', 'fi'],
  ['jag har aldrig tänkt självmord, bara trött', 'sv'],
];

describe('a persistence word inside a denial makes it no denial', () => {
  it.each(PERSISTING)('%s (%s) → the crisis response', (text, lang) => {
    const c = shippedNlu().classify(text, lang);
    expect([c.crisis.level, c.crisis.kind]).toEqual(['crisis', 'suicide']);
  });

  it.each(DENYING)('%s (%s) → a denial, no crisis response', (text, lang) => {
    expect(shippedNlu().classify(text, lang).crisis.level).not.toBe('crisis');
  });
});
