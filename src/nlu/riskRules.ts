/**
 * The rules of the crisis risk model: which combinations of concepts mean a full crisis response,
 * which mean "ask directly" (check). Concepts are language-independent names; the words that
 * express them live in content/nlu/risk.<lang>.yaml. The dimensions come from the Columbia
 * Suicide Severity Rating Scale (C-SSRS) and the interpersonal theory of suicide; every rule is
 * explained in docs/crisis-model.md — keep the two in step. Medical emergencies: emergencyRules.ts.
 */
import { EMERGENCY_RULES } from './emergencyRules';
import type { Concept } from './riskConcepts';
import { RiskRule, rule as R } from './riskRule';
import type { CrisisKind } from './types';

export type { RiskRule } from './riskRule';
export { CONCEPTS, isConcept } from './riskConcepts';
export type { Concept } from './riskConcepts';


/**
 * Full-crisis rules of `first` with each of `others`, named "first-other"; `[other, n]` means
 * within n words; none fires when an `unless` concept is in the message.
 */
function pairs(kind: CrisisKind, first: Concept, others: (Concept | [Concept, number])[], unless?: Concept[]): RiskRule[] {
  return others.map((o) => {
    const [other, within] = typeof o === 'string' ? [o, undefined] : o;
    return R(`${first}-${other}`, 'crisis', kind, [first, other], within, unless);
  });
}

/** Checked in order; the first full-crisis rule wins, else the first check rule. */
export const RULES: readonly RiskRule[] = [
  // Medical emergencies (answered with 112 at once).
  ...EMERGENCY_RULES,
  // C-SSRS behaviour: an overdose already taken.
  R('overdose-taken', 'crisis', 'poisoning', ['took', 'quantity', 'pills'], 8, ['as-prescribed']),
  R('toxic-taken', 'crisis', 'poisoning', ['took', 'toxic'], 6),
  // A child who swallowed tablets is urgent; one tablet ("yhden d-vitamiinitabletin") is a question
  // for the poison information centre, unless more are named too.
  R('child-took-quantity', 'crisis', 'poisoning', ['child', 'took', 'pills', 'quantity'], 8),
  R('child-took-few', 'crisis', 'poisoning', ['child', 'took', 'pills', 'few'], 8),
  R('child-took-pills', 'crisis', 'poisoning', ['child', 'took', 'pills'], 6, ['single']),
  // Imminent danger from a violent person: a weapon in hand, or people hiding from them.
  ...pairs('violence', 'weapon', [['brandish', 4], 'hiding', ['rage', 8], ['intoxicated', 8]]),
  // Within 10 words, now: "the kids were hiding from their drunk uncle last year", "he's often drunk
  // and the kids hide" are worries for the family services, not a call for help now.
  R('hiding-intoxicated', 'crisis', 'violence', ['hiding', 'intoxicated'], 10, ['past', 'habitual']),
  R('hiding-rage', 'crisis', 'violence', ['hiding', 'rage'], 10, ['past', 'habitual']),
  R('hiding-threat', 'crisis', 'violence', ['hiding', 'threat'], 10, ['past', 'habitual']),
  // A threat to kill or hurt the writer or the children, reported as it is said, with a weapon, rage,
  // hiding or the person at the door (after blind set I): "skriker att han ska ha ihjäl mig", "he has
  // knife and says he will hurt me". Alone no rule: "esimies tappaa mut" is said the same way.
  ...pairs('violence', 'threat-harm', [['weapon', 10], ['rage', 10], ['hiding', 12], ['at-door', 12]], ['past', 'habitual']),
  // Someone being beaten now, also a third person heard through the wall or on the stairs
  // ("naapurissa joku hakkaa naista just nyt", blind sets K and L): the violence response (112).
  R('beating-now', 'crisis', 'violence', ['beating', 'now'], 6, ['past', 'habitual']),
  // After blind set M: someone standing on a balcony, a roof or a railing now is asked directly;
  // a means with "he knows what he will do" is an intent; things sold or the flat given up "as I
  // won't need them soon anyway" a preparation (C-SSRS preparatory acts).
  R('at-height-now', 'check', 'suicide', ['at-height', 'now'], 8),
  R('means-veiled-intent', 'crisis', 'suicide', ['means', 'veiled-intent'], 20, ['hunting']),
  R('give-away-soon-unneeded', 'crisis', 'suicide', ['give-away', 'soon-unneeded'], 16, ['everyday-giving', 'moving']),
  // Strangling (after blind set J) with the person on the way back, raging, at the door or people
  // hiding: "he chokes me when he gets angry … back in 10 minutes". Alone it is asked about (below).
  ...pairs('violence', 'strangling', [['returning', 16], ['rage', 10], ['hiding', 12], ['at-door', 12]], ['past']),
  // C-SSRS self-harm: repeated, or as the way to bear distress.
  ...pairs('self-harm', 'self-harm', ['distress', 'repeat']),
  // C-SSRS method / preparatory acts: means plus possession, readiness or an attempt.
  ...pairs('suicide', 'means', [['ready', 6], ['tried', 8], ['ending', 6], ['ruminating', 10], ['farewell', 10], ['not-cope', 10]], ['relief']),
  R('intent-means-time', 'crisis', 'suicide', ['intent', 'means', 'time']),
  // After blind set S: a means or a high place with "it would be a relief", "it feels so easy now";
  // a means with "nobody would know it was on purpose"; a means with "I can't go on any more";
  // a friend at a means who does not answer; pills lined up on the table.
  R('means-release', 'crisis', 'suicide', ['means', 'release'], 12, ['hunting']),
  R('at-height-release', 'crisis', 'suicide', ['at-height', 'release'], 12),
  R('means-concealed', 'crisis', 'suicide', ['means', 'concealed'], 16),
  R('means-exhausted', 'crisis', 'suicide', ['means', 'exhausted'], 12, ['relief', 'hunting']),
  R('means-unreachable', 'crisis', 'suicide', ['means', 'unreachable', 'other-person'], undefined, ['hunting', 'everyday-how']),
  R('pills-laid-out', 'crisis', 'suicide', ['pills', 'laid-out'], 6, ['routine']),
  // After blind set T: walking onto the ice until it gives way.
  R('onto-ice-gives', 'crisis', 'suicide', ['onto-ice', 'ice-gives'], 10, ['accident', 'past']),
  // After blind set U: onto the ice "and I won't come back"; letters ready "they will find tomorrow";
  // pills ready and "I can't go on"; at the platform "not to get on it".
  R('onto-ice-ending', 'crisis', 'suicide', ['onto-ice', 'ending'], 10, ['accident', 'past']),
  R('letters-ready-found-after', 'crisis', 'suicide', ['letters', 'ready', 'found-after'], 16),
  R('pills-ready-exhausted', 'crisis', 'suicide', ['pills', 'ready', 'exhausted'], 14, ['routine']),
  R('at-height-veiled-intent', 'crisis', 'suicide', ['at-height', 'veiled-intent'], 16),
  // After blind set V: a decision with affairs in order or with no reason to go on (unless a move);
  // can't go on, decided, and a time; things given away with letters (how high to jump "not to
  // survive" is method-death and method-sure, with the other method pairs below).
  R('decided-affairs', 'crisis', 'suicide', ['decided', 'affairs'], undefined, ['moving']),
  R('decided-hopeless', 'crisis', 'suicide', ['decided', 'hopeless'], undefined, ['moving', 'habit']),
  R('exhausted-decided-time', 'crisis', 'suicide', ['exhausted', 'decided', 'time']),
  R('give-away-letters', 'crisis', 'suicide', ['give-away', 'letters'], undefined, ['everyday-giving', 'bereavement']),
  // Someone who says they will take the gun and go into the woods (C-SSRS method and intent, often
  // told by a relative): not when it is hunting.
  R('means-take-go-off', 'crisis', 'suicide', ['means', 'take-means', 'go-off'], 10, ['hunting']),
  R('means-self-thinking', 'crisis', 'suicide', ['means', 'self', 'thinking']),
  // C-SSRS "thought about how": wondering how a means would work ("mietin miten köysi pitää sitoa").
  R('means-thinking-how', 'crisis', 'suicide', ['means', 'thinking', 'how'], 6, ['everyday-how']),
  // Pills saved up are a preparation; pills bought or ready at the pharmacy are usually not.
  R('pills-hoard', 'crisis', 'suicide', ['pills', 'hoard'], 6, ['routine']),
  R('pills-death', 'crisis', 'suicide', ['pills', 'death'], 8),
  R('pills-self-ready', 'crisis', 'suicide', ['pills', 'self-ready'], undefined, ['routine']),
  R('pills-ending', 'crisis', 'suicide', ['pills', 'ending'], 8, ['routine', 'relief']),
  // Pills and a quantity with a time, within 12 words: in a long message of several worries the
  // pills, a number and "next week" can be clauses apart; medicines that run out are a renewal.
  R('overdose-planned', 'crisis', 'suicide', ['pills', 'quantity', 'time'], 12, ['routine', 'run-out', 'daily-dose']),
  // Asking how many tablets are dangerous, or what a big number of them at once would do (blind
  // set K): the direct question. Not a daily dose, a child's swallowing (the poisoning rules) or
  // a dose as prescribed.
  R('dose-danger', 'check', 'suicide', ['how-many', 'pills', 'dangerous'], 8, ['daily-dose', 'child', 'as-prescribed']),
  // How many tablets it takes never to wake again (after blind set N): a method asked, not a dose.
  R('dose-never-wake', 'crisis', 'suicide', ['how-many', 'pills', 'never-wake'], 8, ['child']),
  R('dose-what-if', 'check', 'suicide', ['what-if', 'pills', 'quantity'], 8, ['daily-dose', 'child', 'as-prescribed']),
  R('kill-self', 'crisis', 'suicide', ['kill', 'self'], 3),
  // C-SSRS "thought about how" and plan.
  ...pairs('suicide', 'method', [['thinking', 4], ['ready', 4], 'painless', ['death', 10], ['sure', 10]], ['everyday-how']),
  // A thought about how to make it all end ("mietin miten tän kaiken sais loppumaan", after
  // blind set I): everyday-how is no guard here, as "miten sais" is also how one asks for an errand.
  R('thinking-how-ending', 'crisis', 'suicide', ['thinking', 'how', 'ending'], 8, ['relief', 'treatment', 'queue']),
  ...pairs('suicide', 'plan', ['painless', ['death', 6], ['ending', 8], ['means', 8], ['pills', 8]], ['bereavement', 'relief']),
  R('death-painless', 'crisis', 'suicide', ['death', 'painless'], 4),
  R('wish-death', 'crisis', 'suicide', ['wish', 'death'], 4),
  R('wish-never-wake', 'crisis', 'suicide', ['wish', 'never-wake'], 8),
  // The wish not to exist with a plan, a method, a means, a decision or a time.
  ...pairs('suicide', 'not-here', ['method', 'plan', 'means', 'pills', 'decided', 'time']),
  // C-SSRS plan and timeframe: hopelessness or an ending with a time.
  ...pairs('suicide', 'hopeless', ['time', 'ending', ['means', 10]], ['habit', 'queue', 'relief']),
  ...pairs('suicide', 'exhausted', ['ending', 'farewell'], ['relief']),
  // No more suffering, with a time or an ending ("perjantaina tää on ohi, sit ei tarvii enää
  // kärsiä"); not when what ends is a treatment or an illness ("after the operation").
  ...pairs('suicide', 'no-more', ['time', 'ending'], ['relief', 'treatment', 'hyperbole']),
  // An ending with a time is asked about (below); with farewell letters written it is a plan.
  R('ending-time-letters', 'crisis', 'suicide', ['ending', 'time', 'letters'], undefined, ['relief']),
  // ... or with affairs put in order (after blind set Q: "sorted my will …, tonight is my last evening").
  R('ending-time-affairs', 'crisis', 'suicide', ['ending', 'time', 'affairs'], undefined, ['relief']),
  // "viimeinen päivä tänään, kiitos ja anteeks kaikille" (not a last day at work: hyperbole holds work).
  R('ending-time-farewell', 'crisis', 'suicide', ['ending', 'time', 'farewell'], undefined, ['relief', 'polite', 'hyperbole']),
  // C-SSRS preparatory acts: farewell letters, giving things away, a will, "I am ready".
  ...pairs('suicide', 'farewell', ['absence', 'letters', 'give-away', 'self-ready', 'unreachable'], ['polite']),
  ...pairs('suicide', 'letters', ['self-ready']),
  // A decision or a sudden calm with thanks in the past tense ("har bestämt mig … tack för att ni
  // funnits", after blind set I): C-SSRS intent and a farewell. Thanks alone is a chat's closing.
  ...pairs('suicide', 'thanks-farewell', ['decided', 'self-ready']),
  // A message saying they cannot go on, and now no answer ("skickade ett sms att hon inte orkar leva
  // och nu svarar hon inte"); either alone is asked about.
  R('letters-not-cope-unreachable', 'crisis', 'suicide', ['letters', 'not-cope', 'unreachable']),
  R('letters-absence', 'crisis', 'suicide', ['letters', 'absence']),
  // Letters written and nothing to worry about any more (after blind set R: "kirjeet äidille … huomenna ei tarvii enää murehtia").
  R('letters-no-more', 'crisis', 'suicide', ['letters', 'no-more'], undefined, ['relief', 'treatment']),
  // A friend's last day or things given away, and now no answer ("kaveri laittoi et tää on sen
  // viimeinen päivä ja mä saan sen kitaran. ei vastaa"): preparatory acts of someone close (named:
  // `other-person`), then silence. Not "the last day of my antibiotics and the clinic is not
  // answering", a queue, a treatment that ends, or things given away to a flea market.
  R('ending-unreachable', 'crisis', 'suicide', ['ending', 'unreachable', 'other-person'], undefined, ['queue', 'relief', 'polite', 'hyperbole', 'treatment']),
  R('give-away-unreachable', 'crisis', 'suicide', ['give-away', 'unreachable', 'other-person'], undefined, ['everyday-giving', 'bereavement', 'moving']),
  // Things given away and an ending ("perjantaina se on ohi, tavarat annettu pois kavereille"),
  // unless it is a move or the flea market.
  R('give-away-ending', 'crisis', 'suicide', ['give-away', 'ending'], undefined, ['everyday-giving', 'bereavement', 'moving', 'relief']),
  // A condition of change with an absence, an ending or not wanting to be here ("om inget
  // förändras innan jul så är jag inte kvar"): C-SSRS plan and timeframe, the deadline one's own.
  ...pairs('suicide', 'unless-change', ['absence', 'ending', 'not-here'], ['relief', 'moving']),
  // Letters written and someone to look after the family "afterwards" (C-SSRS preparatory acts):
  // "kirjeet lapsille … joku pitää heistä huolta sen jälkeen". Letters with only one of the two
  // are everyday ("lähetin viestin, sen jälkeen ei kuulunut mitään").
  R('letters-look-after-afterwards', 'crisis', 'suicide', ['letters', 'look-after', 'afterwards'], undefined, ['treatment', 'moving']),
  R('letters-ready-look-after', 'crisis', 'suicide', ['letters', 'ready', 'look-after'], undefined, ['treatment', 'moving', 'routine']),
  // Giving away and a will are also what a death in the family brings: not then.
  ...pairs('suicide', 'give-away', ['hopeless', 'absence', 'affairs', 'self-ready'], ['everyday-giving', 'bereavement', 'moving']),
  // "…and the things to the flea market, I won't need them soon": the time makes it a preparation
  // even when some of it went to the flea market (a move is the ordinary reason).
  R('give-away-absence-time', 'crisis', 'suicide', ['give-away', 'absence', 'time'], undefined, ['bereavement', 'moving']),
  // After blind set T: a pet given away and "no use for them any more", even with the rest at the flea market.
  R('give-away-pet-soon-unneeded', 'crisis', 'suicide', ['give-away', 'pet', 'soon-unneeded'], 16, ['moving']),
  ...pairs('suicide', 'affairs', ['self-ready', 'farewell', 'letters'], ['bereavement']),
  // C-SSRS intent: a decision made, with a plan, a method, an ending, a means or a preparatory act.
  // A decision next to a death word: "isä kuoli ja olen päättänyt muuttaa" is about someone else.
  ...pairs('suicide', 'decided', ['plan', 'method', 'ending', 'give-away', 'means'], ['relief', 'moving']),
  R('decided-death', 'crisis', 'suicide', ['decided', 'death'], 3, ['past', 'bereavement']),
  // Perceived burdensomeness and thwarted belonging (interpersonal theory).
  R('better-off', 'crisis', 'suicide', ['better-off']),
  ...pairs('suicide', 'burden', ['hopeless', 'death', 'unwanted', 'absence'], ['bereavement']),
  // Unwanted with affairs arranged (after blind set L): a preparation, with no death word.
  ...pairs('suicide', 'unwanted', ['death', 'absence', 'affairs'], ['bereavement']),
  // Weaker signals: ask directly.
  R('ending-time', 'check', 'suicide', ['ending', 'time'], undefined, ['relief']),
  R('decided-time', 'check', 'suicide', ['decided', 'time']),
  // A decision with no object and a sudden calm: a warning sign, asked about (after blind set I).
  R('decided-self-ready', 'check', 'suicide', ['decided', 'self-ready']),
  R('absence-time', 'check', 'suicide', ['absence', 'time'], undefined, ['moving']),
  // A message sent and no answer is a common worry; with a farewell in it, it is a crisis (above).
  R('letters-unreachable', 'check', 'suicide', ['letters', 'unreachable']),
  // Who looks after them when I am gone, without letters: asked about (not after an operation or a move).
  R('look-after-absence', 'check', 'suicide', ['look-after', 'absence'], undefined, ['treatment', 'moving']),
  // A gun taken into the woods alone ("isä ottaa aseen ja lähtee metsään"), no hunting named: asked about.
  R('means-go-off', 'check', 'suicide', ['means', 'go-off'], 8, ['hunting']),
  R('what-if-means', 'check', 'suicide', ['what-if', 'means'], 6, ['everyday-how']),
  R('onto-ice-intent', 'check', 'suicide', ['onto-ice', 'intent'], 10, ['accident', 'past']),
  // Letters someone will find tomorrow, without "ready": a note left for a neighbour is also found (after blind set U).
  R('letters-found-after', 'check', 'suicide', ['letters', 'found-after'], 16),
  R('farewell', 'check', 'suicide', ['farewell'], undefined, ['polite']),
  R('give-away', 'check', 'suicide', ['give-away', 'belongings'], undefined, ['everyday-giving']),
  R('method', 'check', 'suicide', ['method'], undefined, ['everyday-how']),
  R('not-here', 'check', 'suicide', ['not-here']),
  R('never-wake', 'check', 'suicide', ['never-wake']),
  R('burden', 'check', 'suicide', ['burden']),
  R('hopeless', 'check', 'suicide', ['hopeless'], undefined, ['habit', 'queue']),
  R('no-more', 'check', 'suicide', ['no-more'], undefined, ['relief', 'treatment', 'hyperbole']),
  R('unwanted', 'check', 'suicide', ['unwanted']),
  R('exhausted', 'check', 'suicide', ['exhausted']),
  // Pills bought for a fever, ready to collect: an errand (hyperbole holds the illnesses).
  R('pills-ready', 'check', 'suicide', ['pills', 'ready'], 6, ['routine', 'hyperbole']),
  R('pills-enough', 'check', 'suicide', ['pills', 'enough'], 4, ['routine', 'hyperbole']),
  R('means-self', 'check', 'suicide', ['means', 'self'], 4),
  R('means-thinking', 'check', 'suicide', ['means', 'thinking'], 6),
  R('intent-means', 'check', 'suicide', ['intent', 'means'], 6),
  R('wish-ending', 'check', 'suicide', ['wish', 'ending'], 6),
  R('thinking-ending', 'check', 'suicide', ['thinking', 'ending'], 3),
  R('self-harm', 'check', 'self-harm', ['self-harm'], undefined, ['accident']),
  R('strangling', 'check', 'violence', ['strangling']),
  // An explicit denial is no rule: alone it is nothing, with another risk word a check-in (crisis.ts).
  R('kill', 'check', 'suicide', ['kill']),
];

/**
 * Figures of speech: a `targets` word within `window` words of a `subject` word is not counted
 * ("tää flunssa tappaa mut", "died laughing"; "I'll kill him if he doesn't do the dishes";
 * "grandma wants to die at home, of old age").
 */
export const HYPERBOLE: readonly { subject: Concept; targets: readonly Concept[]; window: number; after?: true }[] = [
  { subject: 'hyperbole', targets: ['kill', 'death'], window: 4 },
  { subject: 'chore', targets: ['kill'], window: 10 },
  // A pet "kills" only in a figure of speech; a pet that died is a real loss (grief, a topic word), not hidden.
  { subject: 'pet', targets: ['kill'], window: 4 },
  // Only right after the verb ("kuolla kotona", "die at home"): "en jaksa kotona, haluan kuolla" stays a wish to die.
  { subject: 'natural-death', targets: ['death'], window: 3, after: true },
];
/** With a threat-harm, any of these makes it a threat now: no figure of speech is read (riskModel.ts). */
export const THREAT_NOW: readonly Concept[] = ['weapon', 'rage', 'hiding', 'at-door'];
/** Concepts whose words a figure of speech can cancel. */
export const HYPERBOLE_TARGETS: readonly Concept[] = ['kill', 'death'];
/** Concepts whose whole match is taken out of the message before the rules run (a denial is no evidence). */
export const DENIALS: readonly Concept[] = ['denial'];
/**
 * After an explicit denial, any of these in the rest of the message still gets the check-in
 * ("en ole itsetuhoinen, mutta köysi on autotallissa"): a denial next to a means, a plan, an
 * ending or a farewell is ambivalence worth one direct question. A denial with none of them is
 * taken at its word ("I'm not suicidal, just tired"), and the topic goes on.
 */
export const DENIAL_COMPANIONS: readonly Concept[] = [
  'means', 'toxic', 'plan', 'method', 'intent', 'decided', 'ending', 'no-more', 'farewell', 'letters',
  'absence', 'give-away', 'affairs', 'self-ready', 'hoard', 'hopeless', 'exhausted', 'burden', 'better-off',
  'unwanted', 'not-here', 'never-wake', 'self-harm', 'kill', 'death',
];
/**
 * A denial's words must stand close together: with the usual gap "en halua elää, haluan kuolla"
 * would read as the denial "en halua … kuolla" and lose its wish to die. Two words may stand
 * between, and only fillers (the concept denial-filler: "en mä oikeesti halua kuolla"), which
 * riskModel.ts checks.
 */
export const DENIAL_GAP = 2;
/** A number at least this big counts as a quantity ("took like 40 paracetamol"). */
export const QUANTITY_NUMBER = 10;
