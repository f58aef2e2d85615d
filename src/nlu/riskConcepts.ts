/**
 * The concepts of the crisis risk model: language-independent names whose words, per language,
 * live in content/nlu/risk.<lang>.yaml. The rules that combine them: riskRules.ts (crisis, check)
 * and emergencyRules.ts (the 112 answer); docs/crisis-model.md explains both.
 */
/** Medical emergencies: the signs the 112 guidance names. */
const EMERGENCY_CONCEPTS = [
  'not-breathing', // not breathing, no pulse, blue lips
  'mouth', // the lips, the tongue, the throat: a swelling there is the 112 answer even when breathing is fine
  'breathing-fine', // the breathing is normal: a swelling after a sting is no throat swelling
  'apnoea', // snoring, sleep apnoea: pauses in breathing at night are a doctor's matter
  'breathless', // cannot breathe, gasping (not when running or with a known asthma)
  'allergen', // a sting, nuts, an allergy (a swelling throat is then anaphylaxis, not a sore throat)
  'unconscious', // unconscious, will not wake up, not responding
  'collapse', // collapsed, slumped, fainted
  'fell', // fell over (an emergency only when the person does not move)
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
  'stroke', // the signs: a drooping face, slurred speech, an arm that will not rise
  'stroke-named', // the word itself (aivoinfarkti, stroke): 112 unless it is a past event or in rehab
  'stroke-history', // after a stroke, had a stroke years ago: the illness, not the event now
  'passing', // passes after ten minutes, menee ohi, går över: an attack that is over or recurs
  'turning-blue', // sininen, blå, turning blue: with breathing trouble a sign of 112 whatever else is said
  'anxiety', // ångest, ahdistus, panic: breathing trouble told with anxiety is an attack, not 112 (breathless)
  'symptom-now', // dizzy, vomiting, heart racing, "alkaa huimaan": an overdose already taken that now shows
  'drowsy', // drowsy, hard to wake, floppy: a child who swallowed pills and is like this needs 112
  'past', // yesterday, last year: a seizure or a faint that is over
  'recovered', // fine now, came round
  'strain', // after the gym, when coughing: a strained chest, not the heart
  'swelling', // swelling
  'airway', // throat, tongue, lips
  'choking',
  'battery', // a button battery, nappiparisto, knappcellsbatteri: swallowed, the emergency department at once (after blind set U)
] as const;

const RISK_CONCEPTS = [
  // C-SSRS ideation and behaviour
  'death', // die, dead, death
  'wish', // want, wish, would rather
  'kill', // kill (verb)
  'self', // myself
  'means', // rope, gun, bridge, rails, blade
  'take-means', // takes (the gun), ottaa, tar: a means picked up
  'go-off', // into the woods, metsään, ut i skogen: where someone goes with it
  'hunting', // hunting, metsästys, jakt: a gun and the woods for the ordinary reason
  'pills', // pills, sleeping pills, medicines
  'ready', // ready, saved up, collected, bought, hidden, kept in the garage
  'hoard', // saved up, collected, stockpiled, hidden: how pills are prepared (bought or ready is not)
  'enough', // enough (pills) for me
  'routine', // the pharmacy, a pill organiser, returning old medicines: ordinary medication
  'as-prescribed', // as prescribed, as the doctor said: all the pills of the day, not an overdose
  'child', // a child, a toddler, a baby (who swallowed something)
  'single', // one, a single, half (a tablet): a child's one tablet is a poisoning question
  'few', // two to nine, a few, a couple: more than one tablet by a child is urgent
  'run-out', // medicines that run out next week: a prescription to renew, not a plan
  'daily-dose', // 20 tablets a day, päivässä, om dagen: a daily dose, not a quantity saved up
  'age-before', // "äiti on 80", "pappa är 90": a number after these (and no pills next) is an age
  'age-after', // "80-vuotias", "90 år", "82 years": a number before these is an age
  'whole-time', // "koko päivän", "hela dagen", "all week": a time, so its "koko"/"hela"/"all" is no quantity
  'measure-before', // "sokeri 22", "blodsockret var 18", "my sugar was 18": the number after is a reading
  'unit-after', // "38 astetta", "7 mmol", "120 kg": a number before a unit is a measurement, not a count
  'tried', // tried, tested: an attempt with a means already made
  'intent', // is going to, aikoo, tänker (weaker than decided)
  'ruminating', // have been thinking about it all week
  'thinking', // I think about, I keep wondering (a thought, not yet an act)
  // A past attempt told as past (pastAttempt.ts): years ago, as a teenager; and well now
  'long-ago',
  'fine-now',
  // "tack för att ni funnits", "kiitos että olitte olemassa", "thank you for having been there": thanks
  // in the past tense, as a farewell; alone nothing (a chat's thanks), with a decision or calm a crisis
  'thanks-farewell',
  'how', // how, in what way: thinking how to use a means is C-SSRS "thought about how"
  'plan', // a plan, how I would do it
  'method', // how I would do it, planned how: C-SSRS "thought about how"
  'everyday-how', // how to tell, ask, apply, book: an everyday "how"
  'painless', // so that it would not hurt, painlessly
  'took', // took, swallowed, ate
  'quantity', // whole, all, a jar, a handful, too many
  'how-many', // kuinka monta, hur många, how many: asking a quantity (dose-danger)
  'dangerous', // vaarallinen, farligt, lethal: asking what a dose would do (dose-danger)
  'what-if', // mitä tapahtuu jos, vad händer om, what happens if (dose-what-if)
  'toxic', // bleach, detergent, a button battery, lamp oil
  'hopeless', // no point, hopeless, nothing will change
  'habit', // smoking, drinking: "give up smoking" is no hopelessness
  'queue', // waiting, queueing, calling: "no point waiting on the line"
  'relief', // luckily, thank god, finally: an ending looked forward to
  'bereavement', // died, passed away, grief: a death in the family, not a wish
  'time', // tomorrow, tonight, soon, on Friday, next week
  'no-more', // will not have to suffer / endure any more: an end looked to as the end of suffering
  'unless-change', // if nothing changes, unless things get better: a condition with a deadline of one's own
  'treatment', // surgery, an operation, a course of treatment: suffering that care will end
  'after', // after, efter (before its noun): "after school" is a time, not what a "kill" verb is about
  'after-post', // jälkeen (after its noun): "koulun jälkeen"
  'ending', // all over, the end, last day
  'burden', // burden
  'better-off', // they would be better off without me
  'farewell', // goodbye, farewell, sorry for everything
  'polite', // thanks for the help, sorry for the typos: a chat's closing, not a farewell
  'letters', // letter, note, message
  'afterwards', // afterwards, sen jälkeen, efteråt: a time after the writer is gone
  'look-after', // someone to look after them, pitää huolta, ta hand om: who cares for the family then
  'absence', // in case, when I am gone
  'give-away', // gave away, giving away, put my affairs in order
  'affairs', // a will written, bills paid, funeral arranged
  'self-ready', // I am ready (now), I feel calm now
  'release', // it would be a relief, it feels so easy now: an end by a means looked to as release (after blind set S)
  'concealed', // nobody would know it was on purpose, make it look like an accident (after blind set S)
  'laid-out', // pills lined up, laid out, counted out on the table: a preparatory act (after blind set S)
  'onto-ice', // I'll walk onto the ice (present or conditional, not a fall told as past) (after blind set T)
  'ice-gives', // until it gives way, tills den brister, until it breaks
  'sure', // certain, not to survive (että se on varma, inte överleva, not survive): with a method of how high (after blind sets V and W)
  'found-after', // they will find them tomorrow, di hittar dem nog: letters meant to be found after (after blind set U)
  'decided', // I have decided, the decision is made
  'unreachable', // is not answering, phone is off, we cannot find her
  'belongings', // my things, my stuff, my pet
  'everyday-giving', // to the flea market, to charity, old clothes: ordinary giving away
  'moving', // moving house: things given away before a move
  'unwanted', // nobody cares, nobody would notice
  'not-here', // I do not want to be here / exist any more
  'never-wake', // never wake up again
  'exhausted', // cannot go on any more (first person)
  'not-cope', // cannot go on, in any person (with a means it is a risk)
  'self-harm', // cutting, burning, hitting oneself
  'accident', // while cooking, by accident: a cut that is not self-harm
  'distress', // when I am anxious, when it feels bad
  'repeat', // again, every evening, always when
  // Danger from another person
  'threat', // threatens (keeps "kill" from being read as hyperbole)
  // A threat to kill or hurt the writer or the children, reported as said now ("skriker att han ska
  // ha ihjäl mig", "says he will hurt me"): not a figure of speech alone, so only with a weapon,
  // rage, hiding or someone at the door (riskRules.ts threat-harm-*)
  'threat-harm',
  // Strangling or choking by a partner (after blind set J): the strongest sign of a later homicide
  // in the danger-assessment research; alone asked about, with the person coming back a crisis.
  'strangling',
  'returning', // will be back in ten minutes, tulee kohta takaisin: the violent person is on the way
  'at-door', // outside the door, at the door, oven takana: the violent person is here now
  'beating', // hakkaa, slår, is beating: someone being beaten (with "now" it is happening: beating-now)
  'weapon', // axe, knife, gun, bat
  'brandish', // waving, swinging, pointing
  'hiding', // the children are hiding, we locked ourselves in
  'intoxicated', // drunk, high
  'rage', // raging, smashing things, out of control
  'habitual', // often, every weekend: a lasting situation rather than danger now
  // Explicit denials, ambivalence included (their words do not count as risk evidence)
  'denial', // I am not suicidal, I would never kill myself, I do not want to die
  'denial-filler', // really, todellakaan, absolut, mä: the only words that may stand inside a denial's words
  'persist', // can't stop, keep on: inside a denial's words it turns it around ("can't stop thinking about killing myself")
  // What a "kill"/"die" verb is about when it is a figure of speech
  'hyperbole',
  'pet', // the dog, the cat: "the dog is killing me" is a figure of speech, "our dog died" is not
  'chore', // dishes, cleaning: "I'll kill him if he doesn't do the dishes"
  'natural-death', // of old age, at home, peacefully: a wish about how to die one day
  // An old person's calm acceptance of death (calmAcceptance.ts): "mummo 94 on valmis kuolemaan, ihan rauhallinen"
  'old-person', // grandmother, mormor, grandpa; also an age of 80 or more (riskModel.ts)
  'young-child', // an age of 1 to 9 years (riskModel.ts): a young child's tantrum words (childOutburst.ts)
  'tantrum', // raivari, uhmakohtaus, utbrott, tantrum, meltdown: a child's outburst (childOutburst.ts)
  'at-peace', // calm, content, at peace, lived a long life
  'accepting', // ready, prepared (right before a death word: "valmis kuolemaan", "redo att dö")
  // A joke marker (lol, haha, xd): a "kill" anywhere in the message is a figure of speech
  'joke',
  // "haluun kuolla :D mut oikeesti vatsa kipee": a laugh or "but seriously" and a bodily complaint
  // make a death word a figure of speech (riskModel.ts hyperboleIndices)
  'but-really',
  'somatic', // stomach ache, headache, sore: the real complaint of a joking message
  // "tapan mun pikkuveljen jos se koskee mun pleikkaan": a sibling and a trivial object make "kill" hyperbole
  'sibling',
  'trivial-object', // a game console, a phone, sweets, clothes
  // After blind set M
  'at-height', // standing on the balcony, the roof, the railing (with "now": at-height-now)
  'veiled-intent', // "he knows what he will do", "vet vad han ska göra": with a means, an intent
  'soon-unneeded', // "won't need any of it soon anyway": things not needed for long (with giving away: a preparation)
  'frame', // an essay, a thesis, a lesson, a novel, a series: a crisis word as a subject (subjectFrame.ts)
  'self-first', // myself, itseni, mig själv, my own life: the writer's own (a frame does not cover it)
  'than', // "rather die than call the switchboard": a death word compared is a figure of speech
  'living', // live, go on: "rather die than live like this" is no figure of speech
  // Whom the risk is about (CrisisResult.aboutOther; only ending-unreachable and give-away-unreachable
  // use one, other-person): someone close named
  // (son, friend, "hän"), and the writer as subject (mä, minä, jag, I; not "mun"/"my", nor "sent me")
  'other-person',
  'first-person',
  'reported', // said, texted, sent, posted; is not answering: someone told of, not the writer
] as const;

/** The concepts of CrisisResult.aboutOther (crisis.ts); their words are not learned into the vocabulary. */
export const WHOM_CONCEPTS: readonly string[] = ['other-person', 'first-person', 'reported'];

export const CONCEPTS = [...RISK_CONCEPTS, ...EMERGENCY_CONCEPTS] as const;
export type Concept = (typeof CONCEPTS)[number];

export function isConcept(x: string): x is Concept {
  return (CONCEPTS as readonly string[]).includes(x);
}
