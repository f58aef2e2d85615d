/**
 * The risk-model rules added so that unseen messages of the blind sets' kinds are caught, each in
 * fi, sv and en (a kind missed in one language will come in another), and the guards that keep
 * ordinary messages with the same words from alarming. The texts are written for these tests,
 * not taken from eval sets.
 */
import type { CrisisKind, CrisisLevel } from '../../src/nlu';
import { NluEngine } from '../../src/nlu/engine';
import { shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;
type Lang = 'fi' | 'sv' | 'en';

const CRISIS: [string, Lang, CrisisKind, string][] = [
  // an attempt with a means already made
  ['kokeilin jo köyttä eilen mutta se katkesi', 'fi', 'suicide', 'means-tried'],
  ['jag har redan försökt med snaran en gång', 'sv', 'suicide', 'means-ready'],
  ['i tried the noose last night but it slipped', 'en', 'suicide', 'means-tried'],
  // self-harm as the way to bear distress, or again and again
  ['viilsin taas kun ahdisti niin paljon', 'fi', 'self-harm', 'self-harm-distress'],
  ['jag skär mig när ångesten kommer', 'sv', 'self-harm', 'self-harm-distress'],
  ['i cut when i get anxious, it calms me down', 'en', 'self-harm', 'self-harm-distress'],
  ['viillän käsivarsia joka ilta', 'fi', 'self-harm', 'self-harm-repeat'],
  // "thinking how I would do it" is a method thought (C-SSRS)
  ['mietin koko ajan millä tavalla tekisin sen', 'fi', 'suicide', 'method-thinking'],
  ['jag funderar på hur jag skulle göra det utan att det gör ont', 'sv', 'suicide', 'method-thinking'],
  ['i keep thinking about how i would do it', 'en', 'suicide', 'method-thinking'],
  ['looked up painless ways to die online', 'en', 'suicide', 'death-painless'],
  // a violent person with a weapon, people hiding
  ['isäpuoli on kännissä ja heiluttaa puukkoa, me ollaan lukittauduttu vessaan', 'fi', 'violence', 'weapon-brandish'],
  ['min man är full och har en kniv, barnen gömmer sig i garderoben', 'sv', 'violence', 'weapon-hiding'],
  ['my husband is drunk and the kids are hiding upstairs', 'en', 'violence', 'hiding-intoxicated'],
  // preparatory acts: a pet given away, a will, "I'm ready"
  ['lahjoitin koiran naapurille ja tein testamentin', 'fi', 'suicide', 'give-away-affairs'],
  ['jag gav bort katten och nu är jag redo', 'sv', 'suicide', 'give-away-self-ready'],
  ['wrote my will and sorted my accounts, i am ready', 'en', 'suicide', 'affairs-self-ready'],
  // planned how / the date chosen
  ['oon suunnitellu kaiken valmiiksi, päivä on valittu', 'fi', 'suicide', 'decided-plan'],
  ['jag har planerat hur, det är bestämt', 'sv', 'suicide', 'decided-plan'],
  // the wish not to exist with a plan
  ['en halua olla enää täällä, tiedän jo miten', 'fi', 'suicide', 'not-here-method'],
  // imagined absence nobody would notice
  ['kun mua ei enää oo niin kukaan ei edes huomaa', 'fi', 'suicide', 'unwanted-absence'],
  ['när jag är borta kommer ingen ens att märka det', 'sv', 'suicide', 'unwanted-absence'],
  ['if i disappeared no one would even notice', 'en', 'suicide', 'unwanted-absence'],
  // "better off without me" alone
  ['perhe pärjäisi paremmin ilman mua', 'fi', 'suicide', 'better-off'],
  ['everyone would be easier without me', 'en', 'suicide', 'better-off'],
  ['everyone would be happier if i was dead', 'en', 'suicide', 'better-off'],
  // a means with a farewell, or with someone who cannot go on
  ['my dad took his shotgun into the woods and said goodbye', 'en', 'suicide', 'means-farewell'],
  ['min bror har tagit pappas gevär och säger att han inte orkar mer', 'sv', 'suicide', 'means-not-cope'],
  ['kävelen kohta järveen enkä tule takaisin', 'fi', 'suicide', 'means-ending'],
  // letters or pills with "everything is ready"; leaving this world decided
  ['kaikki on valmiina, kirjeet kirjotettu', 'fi', 'suicide', 'letters-self-ready'],
  ["i've got everything ready, letters written", 'en', 'suicide', 'letters-self-ready'],
  ['oon päättäny lähteä pois tästä maailmasta', 'fi', 'suicide', 'decided-death'],
  // hopelessness with a means at hand; pills to end it; a note saying sorry
  ['allt är meningslöst och jag har ett rep hemma', 'sv', 'suicide', 'hopeless-means'],
  ["i have enough pills to end it and i'm going to take them tonight", 'en', 'suicide', 'pills-ending'],
  ["my son left a note saying sorry and he's not picking up", 'en', 'suicide', 'farewell-letters'],
  // pills saved up
  ['pillerit on säästetty piiloon', 'fi', 'suicide', 'pills-hoard'],
  ['i have stockpiled my meds for a month', 'en', 'suicide', 'pills-hoard'],
  // a child who swallowed pills
  ['taapero söi mummon lääkkeitä', 'fi', 'poisoning', 'child-took-pills'],
  // letters written and the home cleaned ready: a preparatory act without a death word
  ['kirjoitin kirjeen äidille ja siivosin kämpän kuntoon', 'fi', 'suicide', 'affairs-letters'],
  // colloquial and without ä/ö: the translative clipped ("valmiiks", spelling.fi.yaml)
  ['kirjotin kirjeet lapsille ja siivosin kamppani valmiiks', 'fi', 'suicide', 'affairs-letters'],
  ['skrev brev till mamma och har städat klart hemma', 'sv', 'suicide', 'affairs-letters'],
  ['left letters for my parents and tidied up so all is done', 'en', 'suicide', 'affairs-letters'],
];

const EMERGENCY: [string, Lang, string][] = [
  ['isä kaatui lattialle eikä liiku', 'fi', 'fell-not-moving'],
  ['mamma segnade ner och rör sig inte', 'sv', 'collapsed-not-moving'],
  ['she just collapsed in the kitchen', 'en', 'collapsed-now'],
  ['haavasta tulee verta eikä vuoto lopu', 'fi', 'bleeding-wont-stop'],
  ['det blöder från huvudet och slutar inte', 'sv', 'bleeding-wont-stop'],
  ['so much blood from his leg', 'en', 'bleeding-heavy'],
  ['kouristus on kestänyt jo viisi minuuttia', 'fi', 'cramp-minutes'],
  ['han har ryckningar som inte slutar', 'sv', 'cramp-wont-stop'],
  ['kova kipu rinnassa säteilee vasempaan käteen', 'fi', 'chest-pain-radiating'],
  ['tryck över bröstet och kallsvettig', 'sv', 'chest-pain-cold-sweat'],
  ['crushing pain in my chest going to my jaw', 'en', 'chest-pain-radiating'],
  ['vaimo lyyhistyi eikä hengitä', 'fi', 'not-breathing'],
  ['my husband has no pulse', 'en', 'not-breathing'],
  ['my son fell and isn\'t moving', 'en', 'fell-not-moving'],
  ['lapsen kurkku turpoaa ampiaisen piston jälkeen', 'fi', 'throat-swelling-allergen'],
  ['her tongue is swelling and she is struggling to breathe', 'en', 'breathless'],
  // the verb before the chest ("puristaa rintaa"), as Finnish often puts it
  ['painaa rintaa ja vasen käsi on puutunut', 'fi', 'chest-pain-numb-arm'],
  ['puristaa rintakehää ja kylmä hiki', 'fi', 'chest-pain-cold-sweat'],
];

describe('risk rules for the kinds blind messages had', () => {
  it.each(CRISIS)('%s (%s) → crisis/%s by %s', (text, lang, kind, rule) => {
    expect(nlu().detectCrisis(text, lang)).toMatchObject({ level: 'crisis', crisis: true, kind });
    expect(nlu().riskRule(text, lang)).toBe(rule);
  });

  // The guards ("past", "muscle", "apnoea", "routine") must not swallow the real thing.
  it.each([
    ['kouristus alkoi viisi minuuttia sitten eikä lopu', 'fi'],
    ['he started fitting five minutes ago and it will not stop', 'en'],
    ['han har kramper, vad ska jag göra, det har hållit på i fem minuter', 'sv'],
    ['vauva ei hengitä, se oli unissaan', 'fi'],
  ] as [string, Lang][])('%s (%s) still gets the 112 answer', (text, lang) => {
    expect(nlu().detectCrisis(text, lang).kind).toBe('medical-emergency');
  });

  it('all the pills taken is an overdose even in the morning or from the doctor', () => {
    expect(nlu().detectCrisis('i took all my pills this morning, every one the doctor gave me', 'en').crisis).toBe(true);
    expect(nlu().detectCrisis('söin kaikki reseptilääkkeet kerralla', 'fi').crisis).toBe(true);
  });

  it.each(EMERGENCY)('%s (%s) → the 112 answer by %s', (text, lang, rule) => {
    expect(nlu().detectCrisis(text, lang)).toMatchObject({ level: 'crisis', kind: 'medical-emergency' });
    expect(nlu().riskRule(text, lang)).toBe(rule);
  });
});

/** What ordinary and denying messages get: a check-in, nothing, or at least not the 112 answer. */
const NOT_CRISIS: [string, Lang, 'check' | 'none' | 'not 112'][] = [
  // explicit denials with no other risk word are taken at their word (riskPlanAndDenial.test.ts
  // has the denials said next to a risk word, which get the check-in)
  ['en ole itsetuhoinen, oon vaan tosi väsynyt', 'fi', 'none'],
  ['jag är inte självmordsbenägen, bara trött', 'sv', 'none'],
  ["i'm not suicidal, just exhausted from work", 'en', 'none'],
  ['jag vill inte dö', 'sv', 'none'],
  ['i would never kill myself but i feel low', 'en', 'none'],
  // a thought of ending things: could be a relationship, so we ask
  ['im thinking of ending things', 'en', 'check'],
  // figures of speech: chores, songs, dying one day at home
  ['murhaan mun siskon jos se ei siivoa huonettaan', 'fi', 'none'],
  ["i'll kill my roommate if he doesn't do the dishes", 'en', 'none'],
  ['tää biisi tappaa mut', 'fi', 'none'],
  ['mummo haluaa kuolla omassa kodissa, tarvitaan lisää kotihoitoa', 'fi', 'none'],
  ['farmor vill få dö hemma och inte på ett boende', 'sv', 'none'],
  ['mormor vill do hemma', 'sv', 'none'],
  ['grandad wants to die peacefully at home, how do we get more home care', 'en', 'none'],
  // ordinary medication, giving, cramps
  ['kerään lääkkeet dosettiin valmiiksi viikoksi', 'fi', 'none'],
  ['i took all my meds this morning as prescribed', 'en', 'none'],
  ['what do i do with my old medicines', 'en', 'none'],
  ['annoin vanhat vaatteet kirpparille', 'fi', 'none'],
  ['kramp i vaden i fem minuter på natten', 'sv', 'none'],
  // a chat's polite closing, giving up a habit, an everyday "how"
  ['kiitos avusta, hyvää päivänjatkoa', 'fi', 'none'],
  ['tack för hjälpen, hej då', 'sv', 'none'],
  ['sorry for everything i typed wrong', 'en', 'none'],
  ["i'm ready to give up smoking", 'en', 'none'],
  ["i'm planning how to tell my parents i'm pregnant", 'en', 'none'],
  ['i saved some money for my meds', 'en', 'none'],
  ['pidän lääkkeet piilossa lapsilta', 'fi', 'none'],
  ['i cut myself shaving', 'en', 'none'],
  ['my partner hits me but says sorry after', 'en', 'none'],
  ['jag vill dö av skam efter festen haha', 'sv', 'none'],
  // someone else's death, a lasting situation, long ago
  ['my grandad died last year and i have decided to get counselling', 'en', 'none'],
  ['mieheni on usein humalassa ja lapsi piiloutuu sängyn alle kun ukkostaa', 'fi', 'none'],
  ['the kids were hiding from their drunk uncle at a party last year', 'en', 'none'],
  // symptoms for a doctor, not for 112
  ['min pappa slutar andas på natten när han snarkar', 'sv', 'not 112'],
  ['kuukautiset on tosi runsaat ja verta tulee paljon', 'fi', 'not 112'],
  ['lapsi kouristeli kuumeessa viime viikolla, onko vaarallista', 'fi', 'not 112'],
  ['my chest hurts and my arm aches after the gym', 'en', 'not 112'],
  ['puhe on sekavaa kun isä on juonut', 'fi', 'not 112'],
  ['kurkku on turvonnut ja kipeä', 'fi', 'not 112'],
  ['ei saa henkeä juostessa, onko astma', 'fi', 'not 112'],
  ['viilsin sormeen haavan kun kokkasin', 'fi', 'none'],
  // a pet "kills" only as a figure of speech (a pet that died stays visible: grief is a topic)
  ['koira tappaa mut, haukkuu koko yön', 'fi', 'none'],
  ['katten dödar mig, jamar hela natten', 'sv', 'none'],
  ['the cat is killing me, meowing all night', 'en', 'none'],
  // work hyperbole with a racing heart
  ['esimies tappaa mut jos raportti myöhästyy, sydän hakkaa', 'fi', 'none'],
  ['projektet dödar mig, hjärtat rusar', 'sv', 'none'],
  ['my supervisor is going to kill me, my heart is pounding', 'en', 'none'],
  // a third person's past suicide, asked about as a parent
  ['naapurin poika teki itsemurhan, kuinka keskustelen siitä lasteni kanssa', 'fi', 'none'],
  ['en lärare begick självmord, hur pratar vi med eleverna', 'sv', 'none'],
  ['how can i tell my kids about their uncle who committed suicide', 'en', 'none'],
  // quitting a habit is no "ending it all"
  ['lopetin kaiken juomisen kuukausi sitten', 'fi', 'none'],
  // a living will and a calm word about one's own death
  ['en halua enää tehohoitoa, miten kirjaan sen hoitotahtoon', 'fi', 'none'],
  ['jag är 91, inte rädd för döden men behöver hjälp med tvätten', 'sv', 'none'],
  ["i'm 89 and death doesn't frighten me, i just need a cleaner", 'en', 'none'],
  // illness and the boss, Swedish and English figures of speech
  ['influensan tar livet av mig, kan jag få sjukintyg', 'sv', 'none'],
  ['my boss will kill me if i miss the meeting', 'en', 'none'],
  // a crisis line called in the past, now asking for longer support
  ['ringde kristelefonen i vintras och nu behöver jag samtalsstöd', 'sv', 'none'],
  ['i phoned the crisis line once and it helped, now i want regular therapy', 'en', 'none'],
];

describe('denials and ordinary messages with the same words', () => {
  it.each(NOT_CRISIS)('%s (%s) → %s', (text, lang, expected) => {
    const r = nlu().detectCrisis(text, lang);
    if (expected === 'not 112') expect(r.kind).not.toBe('medical-emergency');
    else expect(r.level).toBe(expected);
  });

  it('after a denial, whatever else the message says still counts', () => {
    expect(nlu().detectCrisis('en ole itsetuhoinen mutta oon säästäny unilääkkeitä viikkoja', 'fi').level).toBe('crisis');
    expect(nlu().detectCrisis("i don't want to die but i took 30 paracetamol", 'en').level).toBe('crisis');
  });

  it('a denial does not swallow a wish to die said next to it', () => {
    expect(nlu().detectCrisis('en halua elää, haluan kuolla', 'fi').level).toBe('crisis');
  });

  it('a threat keeps the violence reading next to a chore', () => {
    expect(nlu().detectCrisis('mies uhkaa tappaa minut jos en siivoa', 'fi').crisis).toBe(true);
  });
});
