/** Robust text features: folding, token cap, compounds, n-grams, calibration, two worries, the CLI. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { calibrate } from '../../src/nlu/calibration';
import { fold } from '../../src/nlu/fold';
import { MAX_TOKEN, tokenise } from '../../src/nlu/tokenise';
import { repoRoot, shippedNlu } from './helpers';

describe('diacritic folding as a second form', () => {
  it('folds ä, ö, å and leaves ASCII alone', () => {
    expect(fold('unilääkkeitä')).toBe('unilaakkeita');
    expect(fold('hemvård')).toBe('hemvard');
    expect(fold('lyö')).toBe('lyo');
    expect(fold('plain')).toBe('plain');
  });

  it('a crisis typed without ä/ö is caught like the spelled one', () => {
    const nlu = shippedNlu();
    for (const [spelled, plain] of [
      ['otin liikaa unilääkkeitä', 'otin liikaa unilaakkeita'],
      ['mies lyö mua nyt', 'mies lyo mua nyt'],
      ['en jaksa enää elää', 'en jaksa enaa elaa'],
    ]) {
      const [a, b] = [nlu.detectCrisis(plain, 'fi'), nlu.detectCrisis(spelled, 'fi')];
      expect([a.level, a.kind]).toEqual([b.level, b.kind]);
      expect(nlu.detectCrisis(plain, 'fi').crisis).toBe(true);
    }
  });

  it('topics too: a word typed without ä/ö is the same feature', () => {
    const nlu = shippedNlu();
    expect(nlu.classify('paihdepalvelut', 'fi').topic).toBe(nlu.classify('päihdepalvelut', 'fi').topic);
    expect(nlu.classify('aitini tarvitsee kotihoitoa', 'fi').topic).toBe('elderly');
  });

  it('short folded pieces do not collide (börda/borde, söi*/soitin)', () => {
    const nlu = shippedNlu();
    expect(nlu.detectCrisis('borde jag boka tid', 'sv').level).toBe('none');
    expect(nlu.detectCrisis('soitin lääkärille eilen', 'fi').level).toBe('none');
  });
});

describe('token length cap', () => {
  it('cuts words at MAX_TOKEN letters so stemming stays cheap', () => {
    const [w] = tokenise('a'.repeat(4000));
    expect(w.length).toBe(MAX_TOKEN);
    const c = shippedNlu().classify('ö'.repeat(4000));
    expect(c.topic).toBe('unknown');
  });
});

describe('decompounding and inflection', () => {
  it('an inflected compound finds its parts in the known vocabulary', () => {
    expect(shippedNlu().classify('apua päihdeongelmaiselle isälle', 'fi').topic).toBe('substance-use');
  });
});

describe('calibration', () => {
  it('keeps the order, sums to 1, and a temperature below 1 sharpens', () => {
    const raw = [
      { topic: 'elderly' as const, confidence: 0.6 },
      { topic: 'mental-health' as const, confidence: 0.4 },
    ];
    const sharp = calibrate(raw, 0.5);
    expect(sharp.map((s) => s.topic)).toEqual(['elderly', 'mental-health']);
    expect(sharp[0].confidence + sharp[1].confidence).toBeCloseTo(1);
    expect(sharp[0].confidence).toBeGreaterThan(0.6);
    expect(calibrate(raw, 2)[0].confidence).toBeLessThan(0.6);
  });
});

describe('a long message naming two worries', () => {
  it.each([
    ['mun isä ei enää pärjää kotona yksin ja lisäksi juon itse liikaa alkoholia joka ilta', 'fi'],
    ['my dad cannot cope at home on his own any more and i also drink far too much alcohol every night', 'en'],
  ])('offers both: %s', (text, lang) => {
    const c = shippedNlu().classify(text, lang);
    expect([c.topic, c.alternatives[0]?.topic].sort()).toEqual(['elderly', 'substance-use']);
    expect(c.lowConfidence).toBe(true);
  });

  it('a short message with one worry is not split', () => {
    const c = shippedNlu().classify('mummo tarvitsis kotihoitoa', 'fi');
    expect(c.topic).toBe('elderly');
    expect(c.lowConfidence).toBe(false);
  });
});

describe('npm run classify', () => {
  it('prints one JSON object a line, in input order, with crisisLevel', () => {
    const input = ['köysi on valmiina', 'kurkku on kipeä', 'kaikki tuntuu toivottomalta'].join('\n');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'scripts/classify.ts')], { input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.text)).toEqual(input.split('\n'));
    expect(lines.map((l) => l.crisisLevel)).toEqual(['crisis', 'none', 'check']);
    expect(lines.map((l) => l.crisis)).toEqual([true, false, false]);
    expect(Object.keys(lines[0])).toEqual(['text', 'lang', 'topic', 'confidence', 'crisis', 'crisisLevel', 'omaolo']);
  });
});
