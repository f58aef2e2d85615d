import { existsSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNlu } from '../../src/nlu';
import { evaluate, readUtterances } from '../../src/nlu/evaluate';
import { contentDir, repoRoot, shippedNlu } from './helpers';

const SETS = [path.join(repoRoot, 'eval/utterances-heldout.jsonl'), path.join(repoRoot, 'eval/utterances-stress.jsonl'), path.resolve(repoRoot, '../shared/eval/utterances-dev.jsonl')].filter((f) =>
  existsSync(f),
);

describe('evaluation on the committed sets', () => {
  it.each(SETS)('crisis recall is 100 %% on %s', (file) => {
    const report = evaluate(shippedNlu(), readUtterances(file));
    const missed = report.confusions.filter((c) => c.crisisExpected === true && !c.crisisPredicted).map((c) => c.text);
    expect(missed).toEqual([]);
    expect(report.crisisRecall).toBe(1);
  });

  it('the recall check can fail: without crisis patterns recall drops', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opastin-nlu-'));
    try {
      cpSync(path.join(contentDir, 'nlu'), path.join(dir, 'nlu'), { recursive: true });
      for (const lang of ['fi', 'sv', 'en']) writeFileSync(path.join(dir, 'nlu', `crisis.${lang}.yaml`), 'patterns: {}\n');
      const report = evaluate(buildNlu(dir).nlu, readUtterances(SETS[0]));
      expect(report.crisisRecall).toBeLessThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
