/**
 * The labelled resident messages the message model learns from (messageModel.ts): every set in
 * eval/dev/ (the dev sets, blind sets after their one scoring among them) and eval/scored/ (blind
 * sets scored once that do not meet the gate yet). Never eval/blind/: a set there is unseen until
 * it is scored once, and a model that trained on it would make that score a lie.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readUtterances, Utterance } from './evaluate';

/** The repository's eval folder, whatever the content folder (tests use temporary copies). */
export const EVAL_DIR = path.resolve(__dirname, '..', '..', 'eval');
export const LABELLED_FOLDERS = ['dev', 'scored'] as const;

export interface LabelledSet {
  /** Path relative to the eval folder, e.g. "dev/blind-A.jsonl". */
  name: string;
  file: string;
  lines: Utterance[];
}

export function labelledSetFiles(evalDir = EVAL_DIR): { name: string; file: string }[] {
  return LABELLED_FOLDERS.flatMap((folder) => {
    const dir = path.join(evalDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => ({ name: `${folder}/${f}`, file: path.join(dir, f) }));
  });
}

const cache = new Map<string, LabelledSet[]>();

/** The labelled sets, read once per process (they change only with a commit). */
export function labelledSets(evalDir = EVAL_DIR): LabelledSet[] {
  let sets = cache.get(evalDir);
  if (!sets) {
    sets = labelledSetFiles(evalDir).map((s) => ({ ...s, lines: readUtterances(s.file) }));
    cache.set(evalDir, sets);
  }
  return sets;
}
