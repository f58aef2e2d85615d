/**
 * The risk model after blind set M (docs/crisis-model-rounds-m-to-r.md "After blind set M"). The texts
 * are written for these tests, not taken from eval sets. Decisions are read from the rules alone
 * (rulesOnlyNlu), so the message model cannot hide a rule that stopped working; each table fails
 * without the change it names.
 */
import { Lang, rulesOnlyNlu } from './helpers';

type Case = [string, Lang, string];

function levelOf(text: string, lang: Lang): string {
  const r = rulesOnlyNlu().detectCrisis(text, lang);
  return r.level === 'none' ? 'none' : `${r.level}/${r.kind}`;
}

function check(cases: Case[]): void {
  it.each(cases)('%s (%s) → %s', (text, lang, expected) => {
    const got = levelOf(text, lang);
    if (expected === 'not crisis') expect(got.startsWith('crisis')).toBe(false);
    else expect(got).toBe(expected);
  });
}

describe('after blind set M: a means and "he knows what he will do"', () => {
  check([
    ['veli sanoi että haulikko on autotallissa ja kyllä hän tietää mitä tekee', 'fi', 'crisis/suicide'],
    ['han sa att geväret ligger i garderoben och att han vet vad han ska göra', 'sv', 'crisis/suicide'],
    ['dad says the rifle is in the shed and he knows what he will do', 'en', 'crisis/suicide'],
  ]);
  // Knowing what to do is ordinary without a means, and a gun for hunting is no means of harm.
  check([
    ['lääkäri tietää mitä tekee, luotan häneen', 'fi', 'none'],
    ['he knows what he will do after the hunting trip, the rifle is cleaned', 'en', 'none'],
  ]);
});

describe('after blind set M: things sold "since I will not need them soon"', () => {
  check([
    ['myin auton ja irtisanoin asunnon, en kohta tarvitse niitä kuitenkaan', 'fi', 'crisis/suicide'],
    ['jag har sålt huset och sagt upp hyreskontraktet, jag behöver inget av det snart', 'sv', 'crisis/suicide'],
    ["sold my car and gave notice on the flat, won't need any of it soon anyway", 'en', 'crisis/suicide'],
  ]);
  // Selling before a move is a move.
  check([
    ['sålde bilen och sa upp lägenheten eftersom vi flyttar till Umeå', 'sv', 'none'],
    ['sold the car because we are moving abroad, wont need it there', 'en', 'none'],
  ]);
});

describe('after blind set M: standing on a balcony or a railing now', () => {
  check([
    ['seison nyt parvekkeen kaiteella', 'fi', 'check/suicide'],
    ['jag står på balkongen nu', 'sv', 'check/suicide'],
    ['im standing on the balcony right now', 'en', 'check/suicide'],
  ]);
  check([
    ['parvekkeella on nyt kiva istua kun on lämmin', 'fi', 'none'],
    ['the balcony door is broken now', 'en', 'none'],
  ]);
});

describe('after blind set M: a crisis word as the subject of an essay, a lesson or a story', () => {
  check([
    ['kirjoitan esseetä nuorten itsemurhista, mistä saan tilastoja', 'fi', 'check/suicide'],
    ['vi har lektion om självmord, finns det material för eleverna', 'sv', 'check/suicide'],
    ['in the series the main character kills himself, is that realistic', 'en', 'check/suicide'],
    ['for my thesis i need research on self-harm among teenagers', 'en', 'check/self-harm'],
  ]);
  // The writer's own life inside the frame keeps the full response.
  check([
    ['katsoin elokuvan itsemurhasta ja nyt haluan tappaa itseni', 'fi', 'crisis/suicide'],
    ['the movie made me want to kill myself tonight', 'en', 'crisis/suicide'],
  ]);
});

describe('after blind set M: "rather die than …" compares, unless it is "than live"', () => {
  check([
    ['jag skulle hellre dö än stå i den där kön igen', 'sv', 'none'],
    ["i'd rather die than call that number again", 'en', 'none'],
  ]);
  check([
    ['jag vill hellre dö än leva så här', 'sv', 'crisis/suicide'],
    ["i'd rather die than live like this", 'en', 'crisis/suicide'],
  ]);
});

describe('after blind set M: smaller fixes the set showed', () => {
  check([
    // a neighbour heard beating a woman (the pattern held two-word alternatives: NLU014)
    ['i can hear the man upstairs beating the woman right now', 'en', 'crisis/violence'],
    // a denial with an intensifier in it
    ['jag vill verkligen inte ta livet av mig, jag är bara så trött', 'sv', 'none'],
    // a past told as past: "but not anymore"
    ['i used to cut myself years ago but not anymore, can i see a counsellor', 'en', 'check/self-harm'],
    // nobody answering a phone queue is no one unconscious
    ['puhelinjonossa tunti eikä kukaan vastaa mitään', 'fi', 'none'],
    // an apology for one's Finnish is no farewell
    ['anteeksi en puhu hyvin suomea, saako täällä apua englanniksi', 'fi', 'none'],
    // a Swedish "tappat" (lost) is no Finnish "tappaa"
    ['mamma har tappat aptiten och går ner i vikt', 'sv', 'none'],
    // a sick note is no goodbye note
    ["i'm not suicidal, i just need a sick note for my burnout", 'en', 'none'],
    // nothing matters any more, with a time (hopeless-time); without "any more" a date is a date
    ['lauantain jälkeen ei ole enää mitään väliä', 'fi', 'crisis/suicide'],
    ['ei oo väliä kumpi aika, huomenna tai perjantaina käy', 'fi', 'none'],
    // a child who drank dishwasher liquid
    ['my toddler drank dishwasher liquid a minute ago', 'en', 'crisis/poisoning'],
  ]);
});

describe('after blind set N', () => {
  check([
    // a past attempt told as past: "on mennyt paremmin" is well now
    ['yritin itsemurhaa kolme vuotta sitten ja nyt on mennyt paremmin, haluan silti jutella jonkun kanssa', 'fi', 'check/suicide'],
    // hitting in the past, the man away now: not the full response
    ['poikaystävä on lyönyt minua monta kertaa, nyt hän on matkoilla', 'fi', 'not crisis'],
    // help "not right away" is no cry for help now
    ['onko sellaista apua josta ei heti ilmoiteta poliisille', 'fi', 'none'],
    // harm reduction: the fear of an overdose
    // (the Swedish reading's "överdos*" sees the English word: asked about, not the full response)
    ['where do i get naloxone, worried a friend overdoses', 'en', 'not crisis'],
    // how many tablets it takes never to wake
    ['montako unilääkettä pitää ottaa ettei enää herää', 'fi', 'crisis/suicide'],
    ['unilääke auttaa ettei herää yöllä', 'fi', 'none'],
  ]);
});

describe('after blind sets K and N, a second round on K', () => {
  check([
    // a year is a time, not a quantity: a past attempt with its year is asked about
    ['yritin itsemurhaa 2012 mut nykyään voin hyvin, saisinko terapiaa', 'fi', 'check/suicide'],
    ["i tried to kill myself in 2016 but i'm doing well now", 'en', 'check/suicide'],
    // a teenager who "will kill me yet"
    ['mun teini tappaa mut vielä, ei suostu siivoamaan huonettaan', 'fi', 'none'],
    // which train does not stop: a method
    ['jag vet vilket tåg som inte stannar i Kerava', 'sv', 'check/suicide'],
    // sorry for the long message is no farewell, even beside a "message"
    ['anteeksi pitkä viesti, mutta haluaisin kysyä omaishoidosta ja lomista', 'fi', 'none'],
    // an old woman who laughs about being ready to die
    ['farfar är 95 och säger att han är redo att dö och skrattar åt det', 'sv', 'none'],
  ]);
});

describe('after blind set O', () => {
  check([
    // a medicine by its brand name, typed without ä/ö
    ['otin just koko purkin ketipinoreja', 'fi', 'crisis/poisoning'],
    ['tog hela kartongen med imovane', 'sv', 'crisis/poisoning'],
    // a friend's "bye kaikki" and their things handed out
    ['kaveri postas "bye kaikki" ja jakoi kamansa pois', 'fi', 'crisis/suicide'],
    // not planning to be here, with a time: asked
    ["i don't plan on being around after next week", 'en', 'check/suicide'],
    // someone else's past attempt, well now: asked, not the full response
    ['siskoni yritti itsemurhaa vuosia sitten, nyt hän voi hyvin', 'fi', 'check/suicide'],
    // "dö" typed without ö, with a bill and a laugh
    ['ja ville do nar ja fick fakturan haha', 'sv', 'none'],
    ['ja vill do, orkar int mer', 'sv', 'crisis/suicide'],
  ]);
});

describe('after blind set P', () => {
  check([
    // a brand is the same word in every language (risk.all.medicines.yaml)
    ['tog typ 20 st Opamox och lite vin', 'sv', 'crisis/poisoning'],
    ['took like 30 ketipinor an hour ago', 'en', 'crisis/poisoning'],
    // someone else's attempt long ago, with no "well now": asked, not the full response
    ['min mamma försökte ta livet av sig för många år sen, hur pratar jag om det', 'sv', 'check/suicide'],
    ['veljeni yritti itsemurhaa viime vuonna, miten tuen häntä', 'fi', 'check/suicide'],
    // paperwork about a past attempt
    ['the intake form asks about previous suicide attempts, do i have to answer', 'en', 'check/suicide'],
    // a story's character who wants to die; but the writer's own wish is not a story's
    ['kirjoitan novellia jonka päähenkilö haluaa kuolla', 'fi', 'check/suicide'],
    ['i read a novel about it and i want to die too', 'en', 'crisis/suicide'],
    // forgetting medicines and once getting lost is no overdose
    ['äiti unohtaa lääkkeensä ja on eksynyt kerran kaupassa', 'fi', 'none'],
    // "do" alone is English, not Swedish "dö"
    ['what do i do with my old medicines', 'en', 'none'],
  ]);
});
