/** One trained Nlu shared by the tests of a file (training takes ~0.1 s). */
import path from 'node:path';
import { buildNlu, Nlu } from '../../src/nlu';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const contentDir = path.join(repoRoot, 'content');

let cached: Nlu | null = null;
export function shippedNlu(): Nlu {
  if (!cached) cached = buildNlu(contentDir).nlu;
  return cached;
}
