/**
 * Public API of Opastin's free-text understanding. The dialog engine depends on exactly these
 * exports; see docs/nlu.md for how it works and how editors add phrases.
 */
export type { Lang, Topic, CrisisResult, CrisisLevel, CrisisKind, Classification, Nlu, NluBuildResult } from './types';
import type { NluBuildResult } from './types';
import { BuildOptions, buildNlu as build } from './build';

/**
 * Reads content/nlu/*.yaml under `contentDir` (the content root, or the nlu folder itself), trains
 * and returns a working Nlu. Never throws: YAML and shape problems become diagnostics (NLU0xx)
 * and the broken file or entry is skipped. The message model learns from the labelled sets of
 * eval/ (labelledSets.ts) unless `options.messages` says otherwise.
 */
export function buildNlu(contentDir: string, options?: BuildOptions): NluBuildResult {
  return build(contentDir, options);
}
