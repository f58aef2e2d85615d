/**
 * Roles: the parts a county's services play in the dialogs. Dialogs route to a role
 * (`service: mental-substance`), never to one county's id, so the same dialogs end in
 * Keusote's, Satakunta's, Soite's or Oma Häme's own service depending on the pack loaded.
 * A pack service says which role it fills (`role: mental-substance`); the catalogue then
 * answers the role id with that service. Every real pack fills every role (tests check it).
 */
export const ROLES = {
  'mental-substance': 'First contact for adults\' mental health and substance use',
  'youth-mental-substance': 'First contact for young people\'s (and young adults\') mental health and substance use',
  'health-centre': 'Health centre appointments and the county\'s health advice line',
  'chronic-self-care': 'Self-care and follow-up of a long-term illness',
  'elderly-advice': 'Advice and guidance for older people and their families',
  'home-care': 'Home care (and how to apply for it)',
  'family-centre': 'Family centre: child and family counselling, family social work',
  'digital-family-centre': 'The county\'s digital family services or e-services for families',
  'child-health-clinic': 'Child health clinic (lastenneuvola)',
  'maternity-clinic': 'Maternity clinic (äitiysneuvola)',
  'social-crisis-oncall': 'Social and crisis on-call service (sosiaali- ja kriisipäivystys)',
} as const;

export type Role = keyof typeof ROLES;

export const ROLE_IDS = Object.keys(ROLES) as Role[];

export function isRole(id: string): id is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, id);
}

/** Counsellor queues the dialogs hand over to (`handoff: { queue: general-guidance }`). */
export const QUEUE_ROLES = {
  'general-guidance': 'General service guidance: "talk to a person"',
  'mental-health-counselling': 'Mental health and substance use workers (the crisis dialog\'s "chat with a staff member")',
} as const;

export type QueueRole = keyof typeof QUEUE_ROLES;

export const QUEUE_ROLE_IDS = Object.keys(QUEUE_ROLES) as QueueRole[];

export function isQueueRole(id: string): id is QueueRole {
  return Object.prototype.hasOwnProperty.call(QUEUE_ROLES, id);
}
