import { shippedNlu } from './helpers';

const POSITIVE: [string, string][] = [
  ['haluan kuolla', 'suicide'],
  ['en jaksa enää elää', 'suicide'],
  ['oon miettiny itsemurah', 'suicide'],
  ['tapan itteni', 'suicide'],
  ['kaverini puhuu itsemurhasta', 'suicide'],
  ['jag vill ta mitt liv', 'suicide'],
  ['im suicidial', 'suicide'],
  ['my sister wants to kill herself', 'suicide'],
  ['viiltelin itseäni eilen', 'self-harm'],
  ['jag skär mig', 'self-harm'],
  ['i keep hurting myself', 'self-harm'],
  ['otin liikaa unilääkkeitä', 'poisoning'],
  ['lapsi joi pesuainetta', 'poisoning'],
  ['barnet drack lampolja', 'poisoning'],
  ['my toddler swallowed a battery', 'poisoning'],
  ['isä uhkaa lyödä meitä', 'violence'],
  ['he is going to kill me', 'violence'],
  ['auttakaa', 'danger'],
  ['someone is breaking in', 'danger'],
];

const NEGATIVE = [
  'kuolen nälkään',
  'mä kuolen tylsyyteen',
  'tylsyys tappaa',
  'tapan aikaa kahvilassa',
  'jag dör av tristess',
  'I could kill for a coffee',
  'dying to know the results',
  'the band is killing it',
  'bored to death at work',
  'otin lääkkeet aamulla',
  'lapsi uhmaa',
  'haluan elää terveellisemmin',
];

describe('crisis detection', () => {
  it.each(POSITIVE)('%s → %s', (text, kind) => {
    const r = shippedNlu().detectCrisis(text);
    expect(r.crisis).toBe(true);
    expect(r.kind).toBe(kind);
    expect(r.source).not.toBeNull();
  });

  it.each(NEGATIVE)('hyperbole/harmless: %s', (text) => {
    expect(shippedNlu().detectCrisis(text)).toEqual({ level: 'none', crisis: false, kind: null, source: null });
  });

  it('classify reports topic crisis and runs every language whatever the hint', () => {
    const c = shippedNlu().classify('haluan kuolla', 'en-GB');
    expect(c.topic).toBe('crisis');
    expect(c.crisis.crisis).toBe(true);
  });

  it('a hyperbole does not hide a real crisis phrase in the same message', () => {
    expect(shippedNlu().detectCrisis('kuolen nälkään ja haluan tappaa itseni').crisis).toBe(true);
  });
});
