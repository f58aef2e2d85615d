/**
 * The shape of one rule of the crisis risk model (riskRules.ts, emergencyRules.ts): which concepts
 * must occur together, how close, and which concepts keep it from firing.
 */
import type { Concept } from './riskConcepts';
import type { CrisisKind } from './types';

export interface RiskRule {
  /** Stable name, shown in docs/crisis-model.md and in tests. */
  id: string;
  level: 'crisis' | 'check';
  kind: CrisisKind;
  /** Every concept must occur… */
  all: Concept[];
  /** …within this many words of each other (default: anywhere in the message)… */
  within?: number;
  /** …and none of these anywhere ("heavy periods" are not a bleeding emergency). */
  unless?: Concept[];
}

export const rule = (id: string, level: RiskRule['level'], kind: CrisisKind, all: Concept[], within?: number, unless?: Concept[]): RiskRule => ({
  id,
  level,
  kind,
  all,
  ...(within === undefined ? {} : { within }),
  ...(unless ? { unless } : {}),
});
