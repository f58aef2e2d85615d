/**
 * The crisis risk model (docs/crisis-model.md): each rule on its own words, in fi/sv/en, and the
 * levels it gives. The texts here are written for these tests, not taken from eval sets.
 */
import type { CrisisLevel, CrisisKind } from '../../src/nlu';
import { NluEngine } from '../../src/nlu/engine';
import { shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;

const CASES: [string, 'fi' | 'sv' | 'en', CrisisLevel, CrisisKind, string][] = [
  // means + readiness, spelled and typed without ä/ö
  ['isällä on köysi valmiina autotallissa', 'fi', 'crisis', 'suicide', 'means-ready'],
  ['oon säästäny unilaakkeita jo kuukauden', 'fi', 'crisis', 'suicide', 'pills-hoard'],
  ['jag har sparat tabletter länge nu', 'sv', 'crisis', 'suicide', 'pills-hoard'],
  ['the gun is already loaded and ready', 'en', 'crisis', 'suicide', 'means-ready'],
  // an overdose already taken
  ['nielin kourallisen tabletteja äsken', 'fi', 'crisis', 'poisoning', 'overdose-taken'],
  ['took 25 of my sleeping tablets', 'en', 'crisis', 'poisoning', 'overdose-taken'],
  // hopelessness with a time; a decision made
  ['mikään ei enää muutu, tänä yönä teen sen', 'fi', 'crisis', 'suicide', 'hopeless-time'],
  ['det finns ingen framtid, i kväll blir det slut', 'sv', 'crisis', 'suicide', 'hopeless-time'],
  ['ive decided, it will all be over soon', 'en', 'crisis', 'suicide', 'decided-ending'],
  // preparatory acts
  ['hyvästelin siskon tekstiviestillä', 'fi', 'crisis', 'suicide', 'farewell-letters'],
  ['left a note for my wife in case', 'en', 'crisis', 'suicide', 'letters-absence'],
  ['min bror skrev farväl och svarar inte i telefon', 'sv', 'crisis', 'suicide', 'farewell-unreachable'],
  // perceived burdensomeness: "better off without me"
  ['my family would be better off if i was gone', 'en', 'crisis', 'suicide', 'better-off'],
  // medical emergencies: the 112 answer
  ['vaimoni ei hengitä', 'fi', 'crisis', 'medical-emergency', 'not-breathing'],
  ['pappa reagerar inte, han är medvetslös', 'sv', 'crisis', 'medical-emergency', 'unconscious'],
  ['kova rintakipu ja käsi puutuu', 'fi', 'crisis', 'medical-emergency', 'chest-pain-numb-arm'],
  ['her face is drooping and speech slurred', 'en', 'crisis', 'medical-emergency', 'stroke-signs'],
  // weaker signals: ask directly
  ['kaikki tuntuu toivottomalta', 'fi', 'check', 'suicide', 'hopeless'],
  ['jag orkar inte mer', 'sv', 'check', 'suicide', 'exhausted'],
  ['i feel like such a burden', 'en', 'check', 'suicide', 'burden'],
];

describe('crisis risk model rules', () => {
  it.each(CASES)('%s (%s) → %s/%s by %s', (text, lang, level, kind, rule) => {
    const r = nlu().detectCrisis(text, lang);
    expect(r.level).toBe(level);
    expect(r.crisis).toBe(level === 'crisis');
    expect(r.kind).toBe(kind);
    expect(nlu().riskRule(text, lang)).toBe(rule);
  });

  it('a medical emergency is answered with the 112 kind, not as a suicide crisis', () => {
    const c = nlu().classify('mieheni ei hengitä', 'fi');
    expect(c.crisis).toMatchObject({ level: 'crisis', crisis: true, kind: 'medical-emergency' });
    expect(c.topic).toBe('crisis');
  });
});

describe('hyperbole by what the verb is about', () => {
  it.each([
    ['tää flunssa tappaa mut', 'fi'],
    ['työ tappaa minut', 'fi'],
    ['lapset tappaa mut tänään', 'fi'],
    ['voisin tappaa kebabista', 'fi'],
    ['jag dör av skratt', 'sv'],
    ['förkylningen tar kål på mig', 'sv'],
    ['could kill for a pizza', 'en'],
    ['this cough is killing me', 'en'],
    ['tapan veljeni jos se syö mun sipsit lol', 'fi'],
  ])('%s is not a crisis', (text, lang) => {
    expect(nlu().detectCrisis(text, lang).level).toBe('none');
  });

  it('a threat keeps "kill" literal even next to a hyperbole word', () => {
    expect(nlu().detectCrisis('hän uhkaa tappaa minut töissä', 'fi').crisis).toBe(true);
  });
});

describe('levels are consistent', () => {
  it('crisis is true only for level crisis, and none has no kind', () => {
    for (const text of ['kaikki tuntuu toivottomalta', 'haluan kuolla', 'kurkku on kipeä']) {
      const r = nlu().detectCrisis(text, 'fi');
      expect(r.crisis).toBe(r.level === 'crisis');
      if (r.level === 'none') expect(r).toEqual({ level: 'none', crisis: false, kind: null, source: null });
    }
  });

  it('a check-level message keeps its topic (the bot carries on after "no")', () => {
    const c = nlu().classify('kaikki tuntuu toivottomalta ja masentaa', 'fi');
    expect(c.crisis.level).toBe('check');
    expect(c.topic).not.toBe('crisis');
  });
});
