/**
 * The risk-model rules and concepts added after blind set J (docs/crisis-model.md "Changes after
 * blind set J"), each by kind in fi, sv and en. The texts are written for these tests, not taken
 * from eval sets; each fails without its change (guards are marked).
 */
import { crisisLevelOf, expectCrisisLevel, Lang } from './helpers';

type Case = [string, Lang, string];

// Colloquial "stopped breathing" and blue lips: the 112 answer.
const NOT_BREATHING: Case[] = [
  ['mummo lakkas hengittämästä sohvalla, mitä teen', 'fi', 'crisis/medical-emergency'],
  ['poika on ihan sinertävä huulista eikä vastaa', 'fi', 'crisis/medical-emergency'],
  ['lillebror är blå i ansiktet, hjälp', 'sv', 'crisis/medical-emergency'],
  ['grandpa is turning blue on the floor', 'en', 'crisis/medical-emergency'],
];

// Too much insulin injected, with low-blood-sugar signs: the 112 answer.
const INSULIN: Case[] = [
  ['pistin vahingossa liikaa insuliinia ja nyt tärisen', 'fi', 'crisis/medical-emergency'],
  ['jag satte för mycket insulin av misstag och nu darrar jag', 'sv', 'crisis/medical-emergency'],
  ['injected too much insulin before bed, now sweaty and shaking', 'en', 'crisis/medical-emergency'],
];

// Burning oneself with cigarettes, hitting the head against the wall: asked about alone, the full
// response when it is repeated or the way to bear distress (self-harm-repeat, -distress).
const SELF_HARM: Case[] = [
  ['poltellut itteäni tupakantumpilla käsiin', 'fi', 'check/self-harm'],
  ['hakkasin päätäni seinään verille eilen illalla', 'fi', 'check/self-harm'],
  ['jag brände armarna med cigg igår', 'sv', 'check/self-harm'],
  ['jag dunkar huvudet i väggen tills det gör ont', 'sv', 'check/self-harm'],
  ['i stub cigarettes out on my arm when it gets bad', 'en', 'caught'],
  ['banging my head into the wall again tonight', 'en', 'caught'],
];

// Strangling: asked about alone; with the person on the way back a crisis.
const STRANGLING: Case[] = [
  ['poikaystävä kuristi mua ja lähti, tulee kohta takaisin', 'fi', 'crisis/violence'],
  ['han stryper mig när han är full och kommer hem snart', 'sv', 'crisis/violence'],
  ['she strangles me when she is drunk and she is on her way home', 'en', 'crisis/violence'],
  ['exä kuristi minua viime vuonna', 'fi', 'check/violence'],
  ['he put his hands around my neck once', 'en', 'check/violence'],
];

// Indirect suicide: pets or plants handed over, things handed out, the last call, escaping it all,
// papers in order and "easier to leave".
const INDIRECT: Case[] = [
  ['kaveri kirjoitti: hoitakaa mun kasveja, näin on parempi', 'fi', 'crisis/suicide'],
  ['tein perunkirjoitukseen sopivat paperit valmiiksi ja testamentin, nyt on helpompi mennä', 'fi', 'crisis/suicide'],
  ['han skrev: ta hand om mina växter, det är bättre så här', 'sv', 'crisis/suicide'],
  ['jag har delat ut alla mina böcker och allt är klart nu', 'sv', 'crisis/suicide'],
  ['pojken säger att han snart slipper allt', 'sv', 'crisis/suicide'],
  ['han står på piren och säger att det är sista gången han ringer', 'sv', 'crisis/suicide'],
  ['he called and said take care of my fish, it\'s better this way', 'en', 'crisis/suicide'],
  ['my friend is on the pier and says this is the last time she calls', 'en', 'crisis/suicide'],
  ['she keeps saying she will soon escape it all', 'en', 'caught'],
];

// An overdose or self-harm told as past and over: the direct question, never the full response;
// pills ready tonight beside it keep it (guard).
const PAST: Case[] = [
  ['otin yliannostuksen kolme vuotta sitten, nyt olen ollut raittiina ja etsin tukiryhmää', 'fi', 'check/poisoning'],
  ['jag skar mig ofta för tre år sedan men det är över nu, finns det samtalsgrupper?', 'sv', 'check/self-harm'],
  ['overdosed on heroin five years ago, clean since, can I volunteer somewhere', 'en', 'check/poisoning'],
  ['took an overdose years ago, sober now, but tonight I have the pills ready', 'en', 'caught'],
];

// Suicide in the news, an article or a celebrity's death while asking for a service: the topic
// goes on (no crisis); the writer's own words beside it still count (guard).
const IN_THE_NEWS: Case[] = [
  ['luin uutisen julkkiksen itsemurhasta ja tuli paha mieli, mistä saa juttuseuraa', 'fi', 'not crisis'],
  ['såg ett reportage om självmord bland unga, finns det stöd för föräldrar?', 'sv', 'not crisis'],
  ['read a news story about suicide among students, where can my son get counselling', 'en', 'not crisis'],
  ['I read an article about suicide and now I want to kill myself too', 'en', 'crisis/suicide'],
  ['juttu on että suunnittelen itsemurhaa tänä iltana', 'fi', 'crisis/suicide'],
  ['I wrote a post on instagram about my suicide plan', 'en', 'crisis/suicide'],
];

// A sting that swells the arm, with the breathing normal, is no 112 emergency; the lips, the tongue
// or the throat swelling is, whatever the breathing. Only Finnish read "hengitys" as the airway;
// the sv and en lines are guards (they passed before too).
const STING: Case[] = [
  ['ampiainen pisti nilkkaan ja jalka on turvoksissa, hengitys kulkee hyvin', 'fi', 'not crisis'],
  ['getingstick i handen, armen svullnar men jag andas normalt', 'sv', 'not crisis'],
  ['wasp sting on my forearm, it keeps swelling, breathing normally though', 'en', 'not crisis'],
  ['blev stucken av ett bi och tungan svullnar, andas normalt än', 'sv', 'crisis/medical-emergency'],
];

describe('after blind set J', () => {
  test.each(STING)('a sting: %s (%s)', expectCrisisLevel);
  test.each(IN_THE_NEWS)('in the news: %s (%s)', expectCrisisLevel);
  test.each(PAST)('told as past: %s (%s)', expectCrisisLevel);
  test.each(NOT_BREATHING)('not breathing: %s (%s)', expectCrisisLevel);
  test.each(INSULIN)('insulin overdose: %s (%s)', expectCrisisLevel);
  test.each(SELF_HARM)('self-harm: %s (%s)', expectCrisisLevel);
  test.each(STRANGLING)('strangling: %s (%s)', expectCrisisLevel);
  test.each(INDIRECT)('indirect suicide: %s (%s)', expectCrisisLevel);
});
