import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNlu } from '../../src/nlu';
import { trainNlu } from '../../src/nlu/build';
import { CrossFit } from '../../src/nlu/crossFit';
import { evaluate, gateFailures, readUtterances } from '../../src/nlu/evaluate';
import { labelledSetFiles, labelledSets } from '../../src/nlu/labelledSets';
import { loadTrainingData } from '../../src/nlu/trainingData';
import { overlapKey, overlapping } from '../../src/nlu/trainingOverlap';
import { contentDir, shippedNlu } from './helpers';

// Only the dev sets gate. eval/blind/ holds a set nobody has seen; it is scored once by hand
// (docs/nlu-blind-scores.md) and must never be read by a test, or it stops being blind.
const DEV_SETS = labelledSetFiles()
  .filter((s) => s.name.startsWith('dev/'))
  .map((s) => s.file);

// Each dev set is scored by an engine whose message model learned from the other labelled sets
// only (crossFit.ts): the model never scores a line it trained on.
let fit: CrossFit | null = null;
function crossFit(): CrossFit {
  if (!fit) {
    const { data } = loadTrainingData(contentDir);
    fit = new CrossFit(trainNlu(data), data, labelledSets());
  }
  return fit;
}

describe('evaluation on the dev sets (production path, locale hint included)', () => {
  it('there are dev sets', () => {
    expect(DEV_SETS.length).toBeGreaterThanOrEqual(3);
  });

  it.each(DEV_SETS)('%s meets the gate: crisis caught, false alarms, check-in rate, topic accuracy', (file) => {
    const report = evaluate(crossFit().engineFor(file), readUtterances(file));
    const missed = report.confusions.filter((c) => c.crisisExpected === true && c.level.startsWith('none')).map((c) => c.text);
    expect(missed).toEqual([]);
    expect(gateFailures(report, false)).toEqual([]);
  });

  it('all dev sets together meet the gate, calibration (ECE) included', () => {
    expect(gateFailures(crossFit().evaluateTogether(DEV_SETS.map((file) => ({ file, lines: readUtterances(file) }))))).toEqual([]);
  });

  it('the gate can fail: without crisis patterns and risk words crisis lines are missed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opastin-nlu-'));
    try {
      cpSync(path.join(contentDir, 'nlu'), path.join(dir, 'nlu'), { recursive: true });
      for (const lang of ['fi', 'sv', 'en']) {
        writeFileSync(path.join(dir, 'nlu', `crisis.${lang}.yaml`), 'patterns: {}\n');
        writeFileSync(path.join(dir, 'nlu', `risk.${lang}.yaml`), 'concepts: {}\n');
      }
      // Rules and phrases only: a message model would have learned from the very lines scored.
      const report = evaluate(buildNlu(dir, { messages: [] }).nlu, readUtterances(DEV_SETS[0]));
      expect(report.crisisCaught).toBeLessThan(1);
      expect(gateFailures(report).join(' ')).toMatch(/crisis caught/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the gate catches a detector that flags everything', () => {
    const nlu = shippedNlu();
    const alarmist = { ...nlu, classify: (t: string, h?: string) => ({ ...nlu.classify(t, h), topic: 'crisis' as const, crisis: { level: 'crisis' as const, crisis: true, kind: 'suicide' as const, source: 'pattern' as const } }), detectLanguage: nlu.detectLanguage.bind(nlu) };
    const failures = gateFailures(evaluate(alarmist, readUtterances(DEV_SETS[0])));
    expect(failures.join(' ')).toMatch(/false alarms/);
  });
});

describe('the message model never scores a line it learned from', () => {
  it('learns from the labelled sets of eval/dev and eval/scored, never from eval/blind', () => {
    const names = labelledSets().map((s) => s.name);
    expect(names.some((n) => n.startsWith('dev/'))).toBe(true);
    expect(names.filter((n) => !n.startsWith('dev/') && !n.startsWith('scored/'))).toEqual([]);
  });

  it.each(DEV_SETS)('the engine scoring %s was trained without it', (file) => {
    const trained = crossFit().trainedOn(file);
    expect(trained).not.toContain(path.resolve(file));
    expect(trained.length).toBe(labelledSets().length - 1);
  });

  it('holding out matters: the production model, which learned from a set, scores it higher than the held-out one', () => {
    const file = DEV_SETS.find((f) => f.endsWith('blind-I.jsonl'))!;
    const lines = readUtterances(file);
    expect(evaluate(shippedNlu(), lines).accuracy).toBeGreaterThan(evaluate(crossFit().engineFor(file), lines).accuracy);
  });
});

describe('training and eval never share lines', () => {
  const { data } = loadTrainingData(contentDir);

  it.each(DEV_SETS)('no line of %s appears in the training content after normalising', (file) => {
    expect(overlapping(readUtterances(file).map((u) => u.text), data)).toEqual([]);
  });

  it('the overlap check can fail: a training phrase typed without ä/ö and with punctuation is found', () => {
    const phrase = data.langs.get('fi')!.topics.get('elderly')![0];
    const variant = `${phrase.toUpperCase().replace(/ä/g, 'a').replace(/ö/g, 'o')}!`;
    expect(overlapKey(variant)).toBe(overlapKey(phrase));
    expect(overlapping([variant], data)).toEqual([variant]);
  });
});
