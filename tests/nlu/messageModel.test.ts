/**
 * The message model (messageModel.ts) next to the rules: what it may change of a crisis decision,
 * on the shipped content's rules with a model trained on made-up words, and on every labelled line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trainNlu } from '../../src/nlu/build';
import type { NluEngine } from '../../src/nlu/engine';
import { labelledSets, readLabelledSets } from '../../src/nlu/labelledSets';
import { MessageExample, MessageModel, messageMarks, messageWords } from '../../src/nlu/messageModel';
import { loadTrainingData } from '../../src/nlu/trainingData';
import { contentDir, rulesOnlyNlu, shippedNlu } from './helpers';

const { data } = loadTrainingData(contentDir);
const rules: NluEngine = trainNlu(data);

/**
 * A model sure that "zorblax" means a crisis and "quibbet fnord blarg" means none (made-up words
 * the rules do not know; three of them, as the crisis head's L2 keeps one word's say below 0.97).
 */
function madeUpModel(): MessageModel {
  const examples: MessageExample[] = [];
  for (let i = 0; i < 200; i++) {
    examples.push({ features: rules.messageFeatures(`zorblax ${i}`, 'en'), topic: 'mental-health', crisis: true });
    examples.push({ features: rules.messageFeatures(`quibbet fnord blarg ${i}`, 'en'), topic: 'mental-health', crisis: false });
  }
  return new MessageModel(examples);
}
const withModel = rules.withMessages(madeUpModel());

describe('what the message model may change', () => {
  it('raises a message the rules found nothing in to the check-in', () => {
    expect(rules.detectCrisis('zorblax', 'en').level).toBe('none');
    expect(withModel.detectCrisis('zorblax', 'en')).toMatchObject({ level: 'check', crisis: false, source: 'message-model' });
  });

  it('does not ask after an explicit denial', () => {
    expect(withModel.detectCrisis("i'm not suicidal, zorblax", 'en').level).toBe('none');
  });

  it('lowers a full suicide response it reads as not meant to the check-in, never to none', () => {
    expect(rules.detectCrisis('i want to kill myself quibbet fnord blarg', 'en').level).toBe('crisis');
    expect(withModel.detectCrisis('i want to kill myself quibbet fnord blarg', 'en')).toMatchObject({ level: 'check', kind: 'suicide', source: 'message-model' });
  });

  it('keeps the full response when a time is said, and for violence and emergencies', () => {
    expect(withModel.detectCrisis('i want to kill myself tonight quibbet fnord blarg', 'en').level).toBe('crisis');
    const violence = 'he is hitting me right now quibbet fnord blarg';
    expect(rules.detectCrisis(violence, 'en')).toMatchObject({ level: 'crisis', kind: 'violence' });
    expect(withModel.detectCrisis(violence, 'en')).toMatchObject({ level: 'crisis', kind: 'violence' });
    const emergency = 'my husband is not breathing quibbet fnord blarg';
    expect(withModel.detectCrisis(emergency, 'en')).toMatchObject({ level: 'crisis', kind: 'medical-emergency' });
  });

  it('on every labelled line: never the full response the rules did not give, never none where they asked', () => {
    const rank = { none: 0, check: 1, crisis: 2 } as const;
    for (const set of labelledSets()) {
      for (const u of set.lines) {
        const before = rulesOnlyNlu().detectCrisis(u.text, u.locale ?? u.lang);
        const after = shippedNlu().detectCrisis(u.text, u.locale ?? u.lang);
        if (after.level === before.level) continue;
        // Only none → check and crisis (suicide) → check.
        expect({ text: u.text, after: after.level }).toEqual({ text: u.text, after: 'check' });
        expect(rank[before.level] === 0 || before.kind === 'suicide').toBe(true);
      }
    }
  });
});

describe('what the message model reads', () => {
  it('marks the tokeniser drops: emoji, a laugh, a year, a question', () => {
    expect(messageMarks('ammun itteni 😅 mitä voi ottaa?').sort()).toEqual(['@laugh', '@question', '@😅'].sort());
    expect(messageMarks('i attempted suicide in 2018 haha')).toEqual(expect.arrayContaining(['@year', '@laugh']));
    expect(messageMarks('tavallinen viesti')).toEqual([]);
  });

  it('words as written, stop words included, and neighbour pairs', () => {
    expect(messageWords([{ fold: 'nyt' }, { fold: 'lyo' }])).toEqual(['=nyt', '=lyo', '~nyt lyo']);
  });
});

describe('a broken labelled set', () => {
  it('is left out with its file and line, and the other sets still train', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opastin-eval-'));
    try {
      mkdirSync(path.join(dir, 'dev'));
      writeFileSync(path.join(dir, 'dev', 'good.jsonl'), '{"text":"hei","lang":"fi","topics":["unknown"],"crisis":false}\n');
      writeFileSync(path.join(dir, 'dev', 'bad.jsonl'), '{"text":"hei","lang":"fi","topics":["unknown"],"crisis":false}\n{"text": oops\n');
      const { sets, unreadable } = readLabelledSets(dir);
      expect(sets.map((s) => s.name)).toEqual(['dev/good.jsonl']);
      expect(unreadable).toEqual([{ name: 'dev/bad.jsonl', line: 2 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
