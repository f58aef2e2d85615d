/**
 * "Which county?": a resident on one county's page who names a place of another county (a
 * municipality, inflected, in Finnish or Swedish, or a postal code) is told which county serves
 * it and offered that county's services, then the conversation goes on. The bot runs with
 * REGION keusote, as a Keusote page's bot would.
 */
import { ConversationHarness, offers, texts } from '../../src/testing/harness';
import { REPO_ROOT } from './support';

function keusote(lang: 'fi' | 'sv' | 'en' = 'fi'): ConversationHarness {
  return ConversationHarness.fromDirectory(REPO_ROOT, 'keusote', lang);
}

const all = (replies: Awaited<ReturnType<ConversationHarness['say']>>) => texts(replies).join('\n');

describe('a place of another county', () => {
  it('A resident typing a municipality of Satakunta on a Keusote page is offered Satakunta\'s services', async () => {
    const h = keusote('fi');
    const menu = await h.say('hei');
    const who = await h.say('Mieli ja jaksaminen');
    const question = texts(who).slice(-1)[0]!;
    const replies = await h.say('asun Porissa');
    const said = all(replies);
    expect(said).toContain('Jos asut paikkakunnalla Pori, palvelusi järjestää Satakunnan hyvinvointialue.');
    // The current topic's services of Satakunta, not Keusote's.
    expect(said).toContain('**Aikuisten mielenterveys- ja päihdepalvelut**');
    expect(said).toContain('https://satakunnanhyvinvointialue.fi/');
    expect(said).not.toMatch(/keusote/i);
    // Then the same question again, with its choices.
    expect(texts(replies).slice(-1)[0]).toBe(question);
    expect(offers(replies)).toEqual(offers(who));
    expect(offers(replies)).not.toEqual(offers(menu));
  });

  it('with no topic yet offers the county\'s first contacts and then the menu (a postal code, in English)', async () => {
    const h = keusote('en');
    const replies = await h.say('28100');
    const said = all(replies);
    expect(said).toContain('If you live in Pori, Satakunta wellbeing services county provides your services.');
    expect(said).toContain('**Health centre appointments and health advice**');
    expect(said).toContain('**Social and crisis on-call service**');
    expect(texts(replies).slice(-1)[0]).toBe('What do you need help with? Choose a topic or write in your own words.');
  });

  it('a Swedish place name gets the answer in Swedish, with that county\'s Swedish name', async () => {
    const h = keusote('sv');
    await h.say('hej');
    const replies = await h.say('jag bor i Karleby');
    const said = all(replies);
    expect(said).toContain('Om du bor i Karleby är det Mellersta Österbottens välfärdsområde (Soite) som ordnar dina tjänster.');
    expect(said).toContain('https://soite.fi/');
    expect(texts(replies).slice(-1)[0]).toBe('Vad behöver du hjälp med? Välj ett ämne eller skriv med egna ord.');
  });
});

describe('a place no pack covers', () => {
  it.each([
    ['fi', 'asun Tampereella', 'Opastin ei vielä tunne paikkakunnan Tampere omia sosiaali- ja terveyspalveluja.', '**MIELI ry:n Kriisipuhelin**'],
    ['sv', 'bor i Jakobstad', 'Opastin känner ännu inte till social- och hälsovårdstjänsterna i Jakobstad.', '**Kristelefonen på svenska (MIELI rf)**'],
  ] as const)('%s "%s": national services and where its own are', async (lang, typed, sentence, card) => {
    const h = keusote(lang);
    await h.say(lang === 'fi' ? 'hei' : 'hej');
    const said = all(await h.say(typed));
    expect(said).toContain(sentence);
    expect(said).toContain(card);
    expect(said).toContain('116 117');
    expect(said).not.toMatch(/keusote/i);
  });
});

describe('a place of the page\'s own county', () => {
  it('only the place: a short acknowledgement, then the conversation goes on', async () => {
    const h = keusote('en');
    const replies = await h.say('Hyvinkää');
    expect(texts(replies)[0]).toBe(
      "Thank you. Wellbeing services county of Central Uusimaa (Keusote) provides the services in Hyvinkää, and those are the services Opastin tells you about on this page. Let's continue.",
    );
    expect(texts(replies).slice(-1)[0]).toBe('What do you need help with? Choose a topic or write in your own words.');
  });

  it('in a sentence asking something else: no interruption', async () => {
    const h = keusote('fi');
    await h.say('hei');
    const replies = await h.say('asun Hyvinkäällä ja mua ahdistaa koko ajan');
    expect(all(replies)).not.toContain('Paikkakunnalla Hyvinkää');
    expect(all(replies)).not.toContain('Jos asut paikkakunnalla');
  });
});

describe('what comes before a place', () => {
  it('a choice the answer matches wins over a place in the same sentence', async () => {
    const h = keusote('fi');
    await h.say('hei');
    const who = await h.say('Mieli ja jaksaminen');
    const replies = await h.say('äiti asuu Porissa');
    expect(all(replies)).not.toContain('Satakunnan hyvinvointialue');
    expect(texts(replies).slice(-1)[0]).not.toBe(texts(who).slice(-1)[0]);
  });

  it('at a question asking for free text, a sentence mentioning a place is the answer', async () => {
    const h = keusote('en');
    await h.say('hello');
    await h.say("I'll tell you in my own words");
    const replies = await h.say('what is the weather like in Pori tomorrow');
    expect(all(replies)).not.toContain('Satakunta');
    expect(all(replies)).toContain('Thank you for telling me');
  });

  it('crisis detection runs first', async () => {
    const h = keusote('fi');
    await h.say('hei');
    const said = all(await h.say('asun Porissa enkä halua enää elää'));
    expect(said).toContain('112');
    expect(said).not.toContain('Jos asut paikkakunnalla');
  });
});
