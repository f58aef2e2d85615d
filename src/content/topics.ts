/**
 * The fixed topic taxonomy, shared by the service catalogue, free-text understanding, the dialog
 * compiler and the `route` event. Changing it is a product decision: update docs/events.md too.
 */
export const TOPICS = [
  'crisis',
  'mental-health',
  'substance-use',
  'family-centre',
  'elderly',
  'symptom-check',
  'chronic-care',
  'violence',
  'human',
  'unknown',
] as const;
export type Topic = (typeof TOPICS)[number];
