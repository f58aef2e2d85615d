import type { Topic } from '../../src/nlu';
import { shippedNlu } from './helpers';

const CASES: [string, Topic][] = [
  ['mulla on ollut tosi paha olla', 'mental-health'],
  ['poltan liian usein kannabista', 'substance-use'],
  ['lapsen neuvolakäynti', 'family-centre'],
  ['mummo tarvitsis kotihoitoa', 'elderly'],
  ['kurkku on tosi kipee', 'symptom-check'],
  ['verensokerit koholla', 'chronic-care'],
  ['mun mies lyö mua', 'violence'],
  ['haluun puhua ihmisen kanssa', 'human'],
  ['paljonko kello on', 'unknown'],
  ['min pappa behöver hemvård', 'elderly'],
  ['jag har ångest', 'mental-health'],
  ['min man dricker för mycket', 'substance-use'],
  ['vi väntar vårt första barn', 'family-centre'],
  ['hur mycket kostar parkering', 'unknown'],
  ['my mum has dementia', 'elderly'],
  ['my daughter is being bullied', 'family-centre'],
  ['i have a really bad headache', 'symptom-check'],
  ["what's the weather tomorrow", 'unknown'],
];

describe('topic classification', () => {
  it.each(CASES)('%s → %s', (text, topic) => {
    expect(shippedNlu().classify(text).topic).toBe(topic);
  });

  it('returns a confidence in [0,1] and ranked alternatives without the chosen topic', () => {
    const c = shippedNlu().classify('jag har ångest');
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
    expect(c.alternatives.map((a) => a.topic)).not.toContain(c.topic);
    const conf = c.alternatives.map((a) => a.confidence);
    expect([...conf].sort((a, b) => b - a)).toEqual(conf);
  });

  it('answers unknown, not a guess, when no word is known', () => {
    const c = shippedNlu().classify('qwertyuiop zxcv');
    expect(c.topic).toBe('unknown');
    expect(c.crisis.crisis).toBe(false);
  });

  it('picks the Omaolo assessment for symptom messages', () => {
    const nlu = shippedNlu();
    expect(nlu.classify('kurkku on kipeä').omaolo).toBe('sore-throat');
    expect(nlu.classify('polvi turvoksissa').omaolo).toBe('knee');
    expect(nlu.classify('det svider när jag kissar').omaolo).toBe('urinary-tract-infection');
    expect(nlu.classify('I have a bad cough').omaolo).toBe('cough');
    expect(nlu.classify('mulla on ihottuma').omaolo).toBe('general-symptoms');
    expect(nlu.classify('jag är ensam och ledsen').omaolo).toBeNull();
  });
});
