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

/** A labelled set that could not be read: it is left out of the message model, the rest still trains. */
export interface UnreadableSet {
  name: string;
  /** 1-based line of the first malformed line. */
  line: number;
}

const cache = new Map<string, { sets: LabelledSet[]; unreadable: UnreadableSet[] }>();

/** The labelled sets that could be read, and those that could not; read once per process (they change only with a commit). */
export function readLabelledSets(evalDir = EVAL_DIR): { sets: LabelledSet[]; unreadable: UnreadableSet[] } {
  let read = cache.get(evalDir);
  if (!read) {
    read = { sets: [], unreadable: [] };
    for (const s of labelledSetFiles(evalDir)) {
      try {
        read.sets.push({ ...s, lines: readUtterances(s.file) });
      } catch (err) {
        // readUtterances says "<file>:<line>: …"; the line's text is never repeated.
        const message = err instanceof Error ? err.message : '';
        read.unreadable.push({ name: s.name, line: Number(/:(\d+): /.exec(message)?.[1] ?? 1) });
      }
    }
    cache.set(evalDir, read);
  }
  return read;
}

/** The labelled sets that could be read. */
export function labelledSets(evalDir = EVAL_DIR): LabelledSet[] {
  return readLabelledSets(evalDir).sets;
}
