/**
 * Stable diagnostic codes of the service-catalogue checks. Codes never change meaning once
 * shipped: editors, CI logs and docs/catalogue.md refer to them. Add new ones at the end.
 * Each code has a must-fail fixture under tests/fixtures/catalogue-fail/<code>/.
 */
import type { Severity } from '../diagnostic';

export interface CodeInfo {
  severity: Severity;
  /** One line for docs/catalogue.md. */
  summary: string;
}

export const CODES = {
  CAT001: { severity: 'error', summary: 'YAML syntax error (the file cannot be parsed).' },
  CAT002: { severity: 'error', summary: 'A required file or folder is missing or unreadable.' },
  CAT003: { severity: 'error', summary: 'Wrong type: e.g. a list where a mapping is expected.' },
  CAT004: { severity: 'error', summary: 'A required field is missing.' },
  CAT005: { severity: 'error', summary: 'Unknown field (often a typo such as `exampel`).' },
  CAT006: { severity: 'error', summary: 'Bad clock time: expected "HH:MM" (24-hour, "24:00" only as an end).' },
  CAT007: { severity: 'error', summary: 'Bad date: expected a real calendar date "YYYY-MM-DD".' },
  CAT008: { severity: 'error', summary: 'Value not in the allowed set (channel type, weekday, language, charge, target group).' },
  CAT009: { severity: 'error', summary: 'Unknown topic.' },
  CAT010: { severity: 'error', summary: 'Duplicate id (service, queue or Omaolo assessment).' },
  CAT011: { severity: 'error', summary: 'Finnish or Swedish text is missing (both are required by law for bilingual counties).' },
  CAT012: { severity: 'warning', summary: 'English text is missing (Finnish is shown instead).' },
  CAT013: { severity: 'error', summary: 'A service refers to a queue that does not exist.' },
  CAT014: { severity: 'error', summary: '`omaoloEnabled` names an Omaolo assessment that is not in content/omaolo.yaml.' },
  CAT015: { severity: 'error', summary: 'A queue refers to a service that does not exist.' },
  CAT016: { severity: 'error', summary: 'A region service reuses a national id without `overrides: true`.' },
  CAT017: { severity: 'warning', summary: '`overrides: true` but there is no national service with that id.' },
  CAT018: { severity: 'error', summary: 'Phone number not in the checked national reference list (error in the national base, warning in a pack without `source`).' },
  CAT019: { severity: 'error', summary: 'An entry in an example (demo) region lacks `example: true`.' },
  CAT020: { severity: 'error', summary: 'Example data carries a real-looking phone number or a real URL (use +358 0 000 0000 and https://example.invalid/).' },
  CAT021: { severity: 'error', summary: 'Real (non-example) data carries a placeholder phone number or an example.invalid URL.' },
  CAT022: { severity: 'error', summary: 'Region colour fails WCAG AA contrast (4.5:1) against white text.' },
  CAT023: { severity: 'error', summary: 'Region logo file does not exist.' },
  CAT024: { severity: 'error', summary: 'Unknown IANA timezone.' },
  CAT025: { severity: 'error', summary: 'Bad id: expected lower-case kebab-case, and the region id must match its folder name.' },
  CAT026: { severity: 'error', summary: 'Contradictory opening hours (e.g. `always` and `weekly` together, or from = to).' },
  CAT027: { severity: 'warning', summary: 'A region service has only digital channels; list a phone or walk-in channel beside them.' },
  CAT028: { severity: 'error', summary: 'Bad URL: expected an absolute https:// (or http://) address.' },
  CAT029: { severity: 'warning', summary: 'A service names a queue whose `services` list does not include it.' },
  CAT030: { severity: 'error', summary: 'A channel lacks its contact: phone needs `phone`, web/chat/omaolo need `url`, walk-in needs `address`.' },
  CAT031: { severity: 'error', summary: 'Bad age range: ages must be whole numbers 0–130 and minAge ≤ maxAge.' },
  CAT032: { severity: 'warning', summary: 'Topic is `unknown`: set a topic so the bot can route to the service.' },
  CAT033: { severity: 'error', summary: 'A channel in a real region pack lacks `source:` (the page it was read from) or `read:` (the date).' },
  CAT034: { severity: 'warning', summary: 'A fact was read longer ago than the staleness setting (default 6 months): re-check it at its source.' },
  CAT035: { severity: 'error', summary: '`role:` is not one of the roles the dialogs route to (src/content/catalogue/roles.ts).' },
  CAT036: { severity: 'error', summary: 'Two services in one pack fill the same role, or a role clashes with a service id.' },
  CAT037: { severity: 'error', summary: 'A real region pack lacks `status: draft | verified`, or `verified` lacks `verifiedBy`/`verifiedOn`.' },
  CAT038: { severity: 'error', summary: 'A real region pack lacks its municipalities (area.yaml), or a postal code is not five digits.' },
} as const satisfies Record<string, CodeInfo>;

export type CatCode = keyof typeof CODES;
