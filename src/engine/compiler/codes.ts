/**
 * The dialog compiler's diagnostic catalogue: one stable code per rule. docs/diagnostics.md has a
 * page entry for each, and tests/fixtures/dialogs-fail/ has a must-fail fixture for each.
 */
import type { Severity } from '../../content/diagnostic';

export const DLG = {
  DLG001: { severity: 'error', title: 'YAML syntax error' },
  DLG002: { severity: 'error', title: 'wrong type of value' },
  DLG003: { severity: 'error', title: 'required field missing' },
  DLG004: { severity: 'error', title: 'unknown field' },
  DLG005: { severity: 'error', title: 'a step must have exactly one kind' },
  DLG006: { severity: 'error', title: 'duplicate step id' },
  DLG007: { severity: 'error', title: 'dialog id does not match its file, or is duplicated' },
  DLG008: { severity: 'error', title: 'unknown step' },
  DLG009: { severity: 'error', title: 'unknown dialog' },
  DLG010: { severity: 'error', title: 'unknown service' },
  DLG011: { severity: 'error', title: 'unknown counsellor queue' },
  DLG012: { severity: 'error', title: 'unknown topic' },
  DLG013: { severity: 'warning', title: 'unreachable step' },
  DLG014: { severity: 'error', title: 'dead end: no way forward or out' },
  DLG015: { severity: 'error', title: 'loop with no exit' },
  DLG016: { severity: 'error', title: 'variable used before any path sets it' },
  DLG017: { severity: 'error', title: 'Finnish or Swedish text missing' },
  DLG018: { severity: 'warning', title: 'English text missing' },
  DLG019: { severity: 'error', title: 'choices collide after normalisation' },
  DLG020: { severity: 'error', title: 'condition syntax error' },
  DLG021: { severity: 'error', title: 'choice label is also a global command' },
  DLG022: { severity: 'error', title: 'invalid question settings' },
  DLG023: { severity: 'error', title: 'conversation test file problem' },
  DLG024: { severity: 'error', title: 'points without a score, or a score without points' },
  DLG025: { severity: 'error', title: 'unknown score' },
  DLG026: { severity: 'error', title: 'a score case that can never be taken' },
  DLG027: { severity: 'error', title: 'score compared with something that is not a number' },
  DLG028: { severity: 'error', title: 'dialog parameter problem' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DlgCode = keyof typeof DLG;
