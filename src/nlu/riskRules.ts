/**
 * The rules of the crisis risk model: which combinations of concepts mean a full crisis response,
 * which mean "ask directly" (check). Concepts are language-independent names; the words that
 * express them live in content/nlu/risk.<lang>.yaml. The dimensions come from the Columbia
 * Suicide Severity Rating Scale (C-SSRS) and the interpersonal theory of suicide; every rule is
 * explained in docs/crisis-model.md — keep the two in step.
 */
import type { CrisisKind } from './types';

export const CONCEPTS = [
  // C-SSRS ideation and behaviour
  'death', // die, dead, death
  'wish', // want, wish, would rather
  'kill', // kill (verb)
  'self', // myself
  'means', // rope, gun, bridge, rails, blade
  'pills', // pills, sleeping pills, medicines
  'ready', // ready, saved up, collected, bought, hidden, kept in the garage
  'intent', // is going to, aikoo, tänker (weaker than decided)
  'ruminating', // have been thinking about it all week
  'plan', // a plan, how I would do it
  'took', // took, swallowed, ate
  'quantity', // whole, all, a jar, a handful, too many
  'toxic', // bleach, detergent, a button battery, lamp oil
  'hopeless', // no point, hopeless, nothing will change
  'time', // tomorrow, tonight, soon
  'ending', // all over, the end, last day
  'burden', // burden, better off without me
  'farewell', // goodbye, farewell, sorry for everything
  'letters', // letter, note, message
  'absence', // in case, when I am gone
  'give-away', // gave away, giving away, put my affairs in order
  'decided', // I have decided, the decision is made
  'unreachable', // is not answering, phone is off, we cannot find her
  'belongings', // my things, my stuff, my pet
  'unwanted', // nobody cares, nobody would notice
  'exhausted', // cannot go on any more
  'self-harm', // cutting, burning, hitting oneself
  'threat', // threatens (keeps "kill" from being read as hyperbole)
  // Medical emergencies: the 112 answer, not the crisis line
  'not-breathing',
  'unconscious',
  'chest-pain',
  'numb',
  'bleeding',
  'seizure',
  'stroke',
  // What a "kill"/"die" verb is about when it is a figure of speech
  'hyperbole',
  // A joke marker (lol, haha, xd): a "kill" anywhere in the message is a figure of speech
  'joke',
] as const;
export type Concept = (typeof CONCEPTS)[number];

export function isConcept(x: string): x is Concept {
  return (CONCEPTS as readonly string[]).includes(x);
}

export interface RiskRule {
  /** Stable name, shown in docs/crisis-model.md and in tests. */
  id: string;
  level: 'crisis' | 'check';
  kind: CrisisKind;
  /** Every concept must occur… */
  all: Concept[];
  /** …within this many words of each other (default: anywhere in the message). */
  within?: number;
}

const R = (id: string, level: RiskRule['level'], kind: CrisisKind, all: Concept[], within?: number): RiskRule => ({ id, level, kind, all, within });

/** Checked in order; the first full-crisis rule wins, else the first check rule. */
export const RULES: readonly RiskRule[] = [
  // Medical emergencies (answered with 112 at once).
  R('not-breathing', 'crisis', 'medical-emergency', ['not-breathing']),
  R('unconscious', 'crisis', 'medical-emergency', ['unconscious']),
  R('chest-pain-numb-arm', 'crisis', 'medical-emergency', ['chest-pain', 'numb']),
  R('heavy-bleeding', 'crisis', 'medical-emergency', ['bleeding']),
  R('seizure', 'crisis', 'medical-emergency', ['seizure']),
  R('stroke-signs', 'crisis', 'medical-emergency', ['stroke']),
  // C-SSRS behaviour: an overdose already taken.
  R('overdose-taken', 'crisis', 'poisoning', ['took', 'quantity', 'pills'], 8),
  // C-SSRS method / preparatory acts: means plus possession or readiness.
  R('toxic-taken', 'crisis', 'poisoning', ['took', 'toxic'], 6),
  R('means-ready', 'crisis', 'suicide', ['means', 'ready'], 6),
  R('means-ending', 'crisis', 'suicide', ['means', 'ending']),
  R('means-ruminating', 'crisis', 'suicide', ['means', 'ruminating']),
  R('pills-ready', 'crisis', 'suicide', ['pills', 'ready'], 6),
  R('pills-death', 'crisis', 'suicide', ['pills', 'death'], 8),
  R('kill-self', 'crisis', 'suicide', ['kill', 'self'], 3),
  R('plan-death', 'crisis', 'suicide', ['plan', 'death']),
  R('plan-ending', 'crisis', 'suicide', ['plan', 'ending']),
  R('plan-means', 'crisis', 'suicide', ['plan', 'means']),
  R('plan-pills', 'crisis', 'suicide', ['plan', 'pills']),
  R('wish-death', 'crisis', 'suicide', ['wish', 'death'], 4),
  // C-SSRS plan and timeframe: hopelessness or an ending with a time.
  R('hopeless-time', 'crisis', 'suicide', ['hopeless', 'time']),
  R('hopeless-ending', 'crisis', 'suicide', ['hopeless', 'ending']),
  R('exhausted-ending', 'crisis', 'suicide', ['exhausted', 'ending']),
  // C-SSRS preparatory acts: farewell letters, giving things away.
  R('farewell-absence', 'crisis', 'suicide', ['farewell', 'absence']),
  R('letters-absence', 'crisis', 'suicide', ['letters', 'absence']),
  R('farewell-letters', 'crisis', 'suicide', ['farewell', 'letters']),
  R('farewell-give-away', 'crisis', 'suicide', ['farewell', 'give-away']),
  R('give-away-hopeless', 'crisis', 'suicide', ['give-away', 'hopeless']),
  R('give-away-absence', 'crisis', 'suicide', ['give-away', 'absence']),
  R('farewell-unreachable', 'crisis', 'suicide', ['farewell', 'unreachable']),
  // C-SSRS intent: a decision made, with an ending, a time, a means or a preparatory act.
  R('decided-ending', 'crisis', 'suicide', ['decided', 'ending']),
  R('decided-give-away', 'crisis', 'suicide', ['decided', 'give-away']),
  R('decided-means', 'crisis', 'suicide', ['decided', 'means']),
  R('decided-death', 'crisis', 'suicide', ['decided', 'death']),
  // Perceived burdensomeness with hopelessness or death.
  R('burden-hopeless', 'crisis', 'suicide', ['burden', 'hopeless']),
  R('burden-death', 'crisis', 'suicide', ['burden', 'death']),
  R('burden-unwanted', 'crisis', 'suicide', ['burden', 'unwanted']),
  R('burden-absence', 'crisis', 'suicide', ['burden', 'absence']),
  R('unwanted-death', 'crisis', 'suicide', ['unwanted', 'death']),
  R('unwanted-absence', 'crisis', 'suicide', ['unwanted', 'absence']),
  // Weaker signals: ask directly.
  R('ending-time', 'check', 'suicide', ['ending', 'time']),
  R('decided-time', 'check', 'suicide', ['decided', 'time']),
  R('absence-time', 'check', 'suicide', ['absence', 'time']),
  R('farewell', 'check', 'suicide', ['farewell']),
  R('give-away', 'check', 'suicide', ['give-away', 'belongings']),
  R('burden', 'check', 'suicide', ['burden']),
  R('hopeless', 'check', 'suicide', ['hopeless']),
  R('unwanted', 'check', 'suicide', ['unwanted']),
  R('exhausted', 'check', 'suicide', ['exhausted']),
  R('means-self', 'check', 'suicide', ['means', 'self'], 4),
  R('intent-means', 'check', 'suicide', ['intent', 'means'], 6),
  R('wish-ending', 'check', 'suicide', ['wish', 'ending'], 6),
  R('self-harm', 'check', 'self-harm', ['self-harm']),
  R('kill', 'check', 'suicide', ['kill']),
];

/** Concepts whose words are read as a figure of speech when a hyperbole word is this close. */
export const HYPERBOLE_TARGETS: readonly Concept[] = ['kill', 'death'];
export const HYPERBOLE_WINDOW = 4;
/** A number at least this big counts as a quantity ("took like 40 paracetamol"). */
export const QUANTITY_NUMBER = 10;
