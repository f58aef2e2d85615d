/**
 * Medical emergencies: the 112 answer at once (call 112, what to tell them), never the crisis-line
 * text. The signs are the ones the emergency number's guidance names: not breathing or no pulse,
 * unconscious or collapsed and not moving, chest pain that radiates or comes with a numb arm or a
 * cold sweat, bleeding that is heavy or will not stop, a seizure that goes on for minutes, stroke
 * signs, a swelling throat, choking. Words per language: content/nlu/risk.<lang>.yaml; what each
 * rule catches: docs/crisis-model.md.
 */
import { rule } from './riskRule';

export const EMERGENCY_CONCEPTS = [
  'not-breathing', // not breathing, no pulse, blue lips
  'unconscious', // unconscious, will not wake up, not responding
  'collapse', // collapsed, fell down, slumped
  'not-moving', // is not moving, lies on the floor
  'now', // just now, right now (a collapse happening, not last week)
  'chest-pain',
  'numb',
  'radiating', // radiates, spreads, goes down to (the arm, the jaw)
  'arm', // arm, jaw, shoulder (where heart pain goes)
  'cold-sweat',
  'bleeding', // heavy bleeding in one phrase ("blood pouring")
  'blood', // blood, bleeds (alone no emergency: "blood when wiping")
  'heavy', // a lot, heavily, terribly
  'wont-stop', // does not stop, cannot stop it
  'menstrual', // periods: heavy menstrual bleeding is a doctor's visit, not 112
  'seizure', // an unmistakable seizure word
  'cramp', // cramp, jerking: a seizure only when it will not stop or lasts minutes
  'minutes',
  'muscle', // calf, leg, stomach: an ordinary cramp
  'stroke',
  'past', // yesterday, last year: a seizure or a faint that is over
  'recovered', // fine now, came round
  'strain', // after the gym, when coughing: a strained chest, not the heart
  'swelling', // swelling
  'airway', // throat, tongue, lips
  'choking',
] as const;

export const EMERGENCY_RULES = [
  rule('not-breathing', 'crisis', 'medical-emergency', ['not-breathing']),
  rule('unconscious', 'crisis', 'medical-emergency', ['unconscious']),
  rule('collapsed-not-moving', 'crisis', 'medical-emergency', ['collapse', 'not-moving'], undefined, ['recovered']),
  rule('collapsed-now', 'crisis', 'medical-emergency', ['collapse', 'now'], 4, ['past', 'recovered']),
  rule('chest-pain-numb-arm', 'crisis', 'medical-emergency', ['chest-pain', 'numb']),
  rule('chest-pain-radiating', 'crisis', 'medical-emergency', ['chest-pain', 'radiating']),
  rule('chest-pain-arm', 'crisis', 'medical-emergency', ['chest-pain', 'arm'], 8, ['strain']),
  rule('chest-pain-cold-sweat', 'crisis', 'medical-emergency', ['chest-pain', 'cold-sweat']),
  rule('heavy-bleeding', 'crisis', 'medical-emergency', ['bleeding'], undefined, ['menstrual']),
  rule('bleeding-wont-stop', 'crisis', 'medical-emergency', ['blood', 'wont-stop'], 8, ['menstrual']),
  rule('bleeding-heavy', 'crisis', 'medical-emergency', ['blood', 'heavy'], 3, ['menstrual']),
  rule('seizure', 'crisis', 'medical-emergency', ['seizure'], undefined, ['past', 'recovered']),
  rule('cramp-wont-stop', 'crisis', 'medical-emergency', ['cramp', 'wont-stop'], 8, ['muscle', 'past']),
  rule('cramp-minutes', 'crisis', 'medical-emergency', ['cramp', 'minutes'], 8, ['muscle', 'past']),
  rule('stroke-signs', 'crisis', 'medical-emergency', ['stroke'], undefined, ['intoxicated']),
  rule('throat-swelling', 'crisis', 'medical-emergency', ['swelling', 'airway'], 4),
  rule('choking', 'crisis', 'medical-emergency', ['choking']),
];
