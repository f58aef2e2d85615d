/**
 * The risk-model rules and guards added after blind set I (docs/crisis-model.md "Changes after
 * blind set I"), each by kind in fi, sv and en. The texts are written for these tests, not taken
 * from eval sets; each fails without its change.
 */
import { crisisLevelOf, expectCrisisLevel, Lang } from './helpers';

type Case = [string, Lang, string];

// A threat to kill or hurt the writer or the children, reported as it is said, with a weapon,
// rage, hiding or the person at the door (threat-harm-*).
const THREAT_NOW: Case[] = [
  ['isäpuoli seisoo oven takana ja sanoo että puukottaa meidät', 'fi', 'crisis/violence'],
  ['mies riehuu keittiössä ja huutaa että satuttaa lapset', 'fi', 'crisis/violence'],
  ['mieheni huutaa rappukäytävässä että tappaa mut, lapset nukkuu', 'fi', 'crisis/violence'],
  ['han bankar på dörren och säger att han ska slå ihjäl oss', 'sv', 'crisis/violence'],
  ['han står utanför lägenheten och skriker att han ska skada barnen', 'sv', 'crisis/violence'],
  ['he is screaming that he will hurt the kids, we are in the bathroom', 'en', 'crisis/violence'],
  ['my ex is banging on the door, yelling he\'ll stab me', 'en', 'crisis/violence'],
];
// The figure of speech with the same verbs stays nothing: these fail when threat-harm also reads a
// bare "tappaa mut" / "will kill me" (no reported speech), as it first did.
const THREAT_FIGURES: Case[] = [
  ['lapset tappaa mut, ne huutaa koko päivän', 'fi', 'none'],
  ['the kids will kill me, they are screaming all day', 'en', 'none'],
];
// How to make it all end, with a thought and "how" (thinking-how-ending).
const HOW_TO_END: Case[] = [
  ['oon miettiny koko viikon miten saisin kaiken loppumaan', 'fi', 'crisis/suicide'],
  ['jag funderar på hur jag ska få allt att ta slut', 'sv', 'crisis/suicide'],
  ['been thinking about how to make it all stop for good', 'en', 'crisis/suicide'],
];
// A decision or a sudden calm with thanks in the past tense (thanks-farewell-*); thanks alone is
// a chat's closing (these three fail when the thanks alone is a farewell).
const THANKS_FAREWELL: Case[] = [
  ['olen tehnyt päätökseni ja olo on vihdoin rauhallinen. kiitos että olitte olemassa', 'fi', 'crisis/suicide'],
  ['nu är jag redo. tack för att du funnits för mig', 'sv', 'crisis/suicide'],
  ['I have decided. thank you for being there all these years', 'en', 'crisis/suicide'],
  ['kiitos kaikesta, hyvää päivänjatkoa', 'fi', 'none'],
  ['tack för allt, ha en bra dag', 'sv', 'none'],
  ['thanks for everything, the nurse was lovely', 'en', 'none'],
  // "thanks for everything" is a chat's thanks even after a decision about something else
  ['I have decided to quit my job, thanks for everything', 'en', 'none'],
];
// An overdose already taken that now shows: the 112 answer (overdose-taken-symptom, -drowsy).
const OVERDOSE_SYMPTOM: Case[] = [
  ['nielin kolmekymmentä unilääkettä ja nyt oksettaa ja sydän hakkaa', 'fi', 'crisis/medical-emergency'],
  ['tog 25 alvedon för en timme sen och nu är jag yr', 'sv', 'crisis/medical-emergency'],
  ['took a whole box of sleeping pills and now I feel really dizzy', 'en', 'crisis/medical-emergency'],
  // without a symptom it stays the poisoning answer
  ['took a whole box of sleeping pills an hour ago', 'en', 'crisis/poisoning'],
];

// Suicide as the subject of a book, a film or a lesson (a not-crisis mask): the topic goes on.
const MEDIA: Case[] = [
  ['äidinkielen tunnilla luettiin kirja jossa nuori tekee itsemurhan, miten puhua siitä oppilaiden kanssa', 'fi', 'none'],
  ['vi såg en dokumentär om självmord bland äldre, finns det stöd för anhöriga?', 'sv', 'none'],
  ['our book club read a novel about suicide and one member got upset, is there any support group?', 'en', 'none'],
  // guard (passes before too): the writer's own wish beside it still counts
  ['katsoin elokuvan itsemurhasta ja nyt haluan itsekin kuolla', 'fi', 'crisis/suicide'],
];
// Getting help is how one asks for a service, not a cry for it ("apua … heti" was danger).
const GETTING_HELP: Case[] = [
  ['saako apua masennukseen nopeasti vai pitääkö jonottaa kuukausia', 'fi', 'not crisis'],
  ['hur kan man få hjälp snabbt med sömnproblem?', 'sv', 'not crisis'],
  ['where can i get help quickly with my anxiety, is there a walk-in?', 'en', 'not crisis'],
];
// An attempt years ago, well now, nothing of today: the direct question (pastAttempt.ts).
const PAST_ATTEMPT: Case[] = [
  ['yritin itsemurhaa kymmenen vuotta sitten, nyt voin hyvin. voiko sen kertoa työterveyteen?', 'fi', 'check/suicide'],
  ['jag försökte ta livet av mig som tonåring men mår bra nu, kan jag prata med någon om det?', 'sv', 'check/suicide'],
  ['I tried to kill myself years ago, I\'m doing well now but want to talk to someone about it', 'en', 'check/suicide'],
  // guards (pass before too): a risk of today keeps the full response
  ['jag försökte ta mitt liv för två år sen, mår bättre nu men har samlat tabletter igen', 'sv', 'crisis/suicide'],
  ['tried to kill myself years ago, fine now, but tonight I\'ll do it again', 'en', 'crisis/suicide'],
];
// Swedish imperative "skjut mig" beside what a figure of speech is about (risk.sv.figures.yaml).
const SHOOT_ME: Case[] = [
  ['skjut mig, jobbet har varit ett helvete hela veckan. finns det företagshälsa?', 'sv', 'not crisis'],
  ['skjut mig, tentan är imorgon och jag har inte läst nåt', 'sv', 'not crisis'],
];
// A means with a laugh and a queue, work or an illness: the direct question (laughter.ts). English
// has no full phrase for it ("one more hour in this queue and I'll throw myself off the bridge lol"
// was the check-in already).
const LAUGH_MEANS: Case[] = [
  ['jos tää jono ei liiku niin hyppään kohta junan alle xD', 'fi', 'check/suicide'],
  ['om jag måste vänta i kön en timme till hoppar jag från balkongen haha', 'sv', 'check/suicide'],
  // guard (passes before too): with a risk of today it stays the full response
  ['jonossa taas, hyppään kohta sillalta :D en jaksa enää', 'fi', 'crisis/suicide'],
];

const GROUPS: [string, Case[]][] = [
  ['a threat said now', THREAT_NOW],
  ['a threat: figures of speech', THREAT_FIGURES],
  ['how to make it all end', HOW_TO_END],
  ['a decision or calm with a farewell of thanks', THANKS_FAREWELL],
  ['an overdose taken that now shows', OVERDOSE_SYMPTOM],
  ['suicide as the subject of a book or a film', MEDIA],
  ['getting help is a service question', GETTING_HELP],
  ['a past attempt told as past', PAST_ATTEMPT],
  ['"skjut mig" beside a figure of speech', SHOOT_ME],
  ['a means with a laugh and a queue', LAUGH_MEANS],
];
describe.each(GROUPS)('after blind set I: %s', (_name, cases) => {
  it.each(cases)('%s (%s) → %s', expectCrisisLevel);
});
