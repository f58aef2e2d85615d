/**
 * Medical emergencies: the 112 answer at once (call 112, what to tell them), never the crisis-line
 * text. The signs are the ones the emergency number's guidance names: not breathing or no pulse,
 * unconscious or collapsed and not moving, chest pain that radiates or comes with a numb arm or a
 * cold sweat, bleeding that is heavy or will not stop, a seizure that goes on for minutes, stroke
 * signs, a swelling throat, choking. Concepts: riskConcepts.ts; words per language:
 * content/nlu/risk.<lang>.yaml; what each rule catches: docs/crisis-model.md.
 */
import { rule } from './riskRule';

export const EMERGENCY_RULES = [
  // An attack that "passes after 10 min" or "menee ohi" is a recurring one told of, not one now.
  rule('not-breathing', 'crisis', 'medical-emergency', ['not-breathing'], undefined, ['apnoea', 'passing']),
  // "I want to sleep and not wake up" is a wish to die (never-wake), not someone unconscious.
  rule('unconscious', 'crisis', 'medical-emergency', ['unconscious'], undefined, ['never-wake']),
  // "ångest hela tiden, kan int andas ordentligt när det kommer": an anxiety attack told of; a real
  // emergency with it still has its own signs (blue lips, collapse, a swelling throat).
  rule('breathless', 'crisis', 'medical-emergency', ['breathless'], undefined, ['strain', 'past', 'recovered', 'passing', 'anxiety']),
  // Breathing trouble with a faint or a blue face is 112 even when anxiety is named.
  rule('breathless-collapse', 'crisis', 'medical-emergency', ['breathless', 'collapse'], undefined, ['recovered', 'passing']),
  rule('breathless-blue', 'crisis', 'medical-emergency', ['breathless', 'turning-blue'], undefined, ['recovered', 'passing']),
  rule('collapsed-not-moving', 'crisis', 'medical-emergency', ['collapse', 'not-moving'], undefined, ['recovered']),
  rule('fell-not-moving', 'crisis', 'medical-emergency', ['fell', 'not-moving'], undefined, ['recovered']),
  rule('collapsed-now', 'crisis', 'medical-emergency', ['collapse', 'now'], 4, ['past', 'recovered', 'passing']),
  rule('chest-pain-numb-arm', 'crisis', 'medical-emergency', ['chest-pain', 'numb']),
  rule('chest-pain-radiating', 'crisis', 'medical-emergency', ['chest-pain', 'radiating']),
  rule('chest-pain-arm', 'crisis', 'medical-emergency', ['chest-pain', 'arm'], 8, ['strain']),
  rule('chest-pain-cold-sweat', 'crisis', 'medical-emergency', ['chest-pain', 'cold-sweat']),
  rule('heavy-bleeding', 'crisis', 'medical-emergency', ['bleeding'], undefined, ['menstrual']),
  rule('bleeding-wont-stop', 'crisis', 'medical-emergency', ['blood', 'wont-stop'], 8, ['menstrual']),
  rule('bleeding-heavy', 'crisis', 'medical-emergency', ['blood', 'heavy'], 3, ['menstrual']),
  rule('seizure', 'crisis', 'medical-emergency', ['seizure'], undefined, ['past', 'recovered', 'passing']),
  rule('cramp-wont-stop', 'crisis', 'medical-emergency', ['cramp', 'wont-stop'], 8, ['muscle', 'past']),
  rule('cramp-minutes', 'crisis', 'medical-emergency', ['cramp', 'minutes'], 12, ['muscle', 'past']),
  rule('stroke-signs', 'crisis', 'medical-emergency', ['stroke'], undefined, ['intoxicated']),
  // The word alone ("aivoinfarkti", "stroke") is the event only when it is not an illness of the
  // past or of rehabilitation ("rehabilitering efter stroke", "kuntoutus aivoinfarktin jälkeen").
  rule('stroke-named', 'crisis', 'medical-emergency', ['stroke-named'], undefined, ['intoxicated', 'stroke-history', 'treatment', 'past']),
  // A small child who swallowed someone's pills (any number) and is now drowsy, hard to wake or
  // floppy: the 112 answer, before the poisoning rules (one tablet and a child who is fine stays a
  // question for the poison information centre).
  rule('child-took-pills-drowsy', 'crisis', 'medical-emergency', ['child', 'took', 'pills', 'drowsy']),
  // The same with something toxic (a dishwasher tablet, detergent, a battery, lamp oil).
  rule('child-took-toxic-drowsy', 'crisis', 'medical-emergency', ['child', 'took', 'toxic', 'drowsy']),
  // A swallowed button battery burns through the oesophagus within hours: the emergency department
  // at once, whether or not the child seems fine (the poison information centre's advice; after
  // blind set U).
  rule('child-swallowed-battery', 'crisis', 'medical-emergency', ['child', 'took', 'battery']),
  // Something toxic swallowed and now a symptom (vomiting, dizzy): the 112 answer, as for an overdose
  // that shows (after blind set W: "2v nieli tiskikonetabletin ja nyt oksentaa").
  rule('child-took-toxic-symptom', 'crisis', 'medical-emergency', ['child', 'took', 'toxic', 'symptom-now'], 12),
  // An overdose already taken (took, a quantity, pills: riskRules.ts overdose-taken) that now shows,
  // dizzy, vomiting, drowsy, the heart racing: the same reasoning as a drowsy child, the 112 answer
  // before the poisoning one (after blind set I). Without a symptom it stays poisoning. Within 14:
  // "injected way too much insulin by mistake, 60 units instead of 6, shaky" (after blind set J).
  rule('overdose-taken-symptom', 'crisis', 'medical-emergency', ['took', 'quantity', 'pills', 'symptom-now'], 14, ['as-prescribed']),
  rule('overdose-taken-drowsy', 'crisis', 'medical-emergency', ['took', 'quantity', 'pills', 'drowsy'], 12, ['as-prescribed']),
  // Unless the writer says the breathing is normal: a sting swelling up the arm (after blind set J).
  rule('throat-swelling-allergen', 'crisis', 'medical-emergency', ['swelling', 'airway', 'allergen'], undefined, ['breathing-fine']),
  // The lips, the tongue or the throat swelling after a sting or a food is the 112 answer all the same.
  rule('mouth-swelling-allergen', 'crisis', 'medical-emergency', ['swelling', 'mouth', 'allergen']),
  rule('throat-swelling-breathless', 'crisis', 'medical-emergency', ['swelling', 'airway', 'breathless']),
  rule('choking', 'crisis', 'medical-emergency', ['choking']),
];
