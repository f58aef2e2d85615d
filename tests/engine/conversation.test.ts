/**
 * The engine as a resident meets it: start over, go back and switch language at any step; free
 * text from the menu and inside dialogs in three languages; crisis first, at the first message
 * and mid-dialog.
 */
import { ConversationHarness, events, offers, texts } from '../../src/testing/harness';
import { REPO_ROOT } from './support';

function harness(lang: 'fi' | 'sv' | 'en' = 'fi'): ConversationHarness {
  return ConversationHarness.fromDirectory(REPO_ROOT, 'demo', lang);
}

/** Walks into a topic by clicking the first offered choice n times; returns the last replies. */
async function walk(h: ConversationHarness, clicks: number) {
  let replies = await h.say('hei');
  for (let i = 0; i < clicks; i++) {
    const choices = offers(replies);
    if (choices.length === 0) break;
    replies = await h.say(choices[0]);
  }
  return replies;
}

describe('global commands at every step', () => {
  it.each([0, 1, 2])('start over after %i answers brings back the main menu', async (depth) => {
    const h = harness();
    const menu = offers(await h.say('hei'));
    await walk(h, depth);
    const replies = await h.say('aloita alusta');
    expect(offers(replies)).toEqual(menu);
  });

  it('go back re-asks the previous question', async () => {
    const h = harness();
    const menu = await h.say('hei');
    const first = await h.say(offers(menu)[0]);
    await h.say(offers(first)[0]);
    const back = await h.say('takaisin');
    expect(texts(back).join(' ')).toContain(texts(first).slice(-1)[0]);
  });

  it('switching language mid-dialog re-asks the same question in the new language', async () => {
    const h = harness();
    const menu = await h.say('hei');
    const first = await h.say(offers(menu)[0]);
    const sv = await h.say('på svenska');
    expect(offers(sv).length).toBe(offers(first).length);
    expect(offers(sv)).not.toEqual(offers(first));
    const next = await h.say(offers(sv)[0]);
    // The next question is one of the content's Swedish questions, and no Finnish text follows.
    const asks = [...h.content.current()!.program.dialogs.values()].flatMap((d) => [...d.steps.values()].filter((st) => st.kind === 'ask'));
    const inLang = (lang: 'fi' | 'sv') => new Set(asks.map((a) => (a.kind === 'ask' ? a.text[lang] : '')));
    expect(texts(next).some((t) => inLang('sv').has(t))).toBe(true);
    expect(texts(next).some((t) => inLang('fi').has(t))).toBe(false);
  });

  it('help explains and then repeats the question', async () => {
    const h = harness('en');
    await h.say('hello');
    const replies = await h.say('help');
    expect(texts(replies).length).toBeGreaterThanOrEqual(2);
    expect(offers(replies).length).toBeGreaterThan(0);
  });
});

describe('free text', () => {
  it.each([
    ['fi', 'mulla on ollut tosi paha olla ja ahdistaa', 'mental-health'],
    ['sv', 'min pappa behöver hemvård', 'elderly'],
    ['en', 'my drinking is getting out of hand', 'substance-use'],
  ] as const)('from the main menu (%s) leads into the right topic', async (lang, message, topic) => {
    const h = harness(lang);
    await h.say(lang === 'fi' ? 'hei' : lang === 'sv' ? 'hej' : 'hello');
    let replies = await h.say(message);
    // A clarifying question is fine: pick the offered topic, as a resident would.
    for (let i = 0; i < 5 && events(replies, 'route').length === 0 && offers(replies).length > 0; i++) {
      replies = await h.say(offers(replies)[0]);
    }
    const route = events(replies, 'route')[0];
    expect(route).toBeDefined();
    expect((route.value as { topic: string }).topic).toBe(topic);
  });

  it('a greeting mid-dialog repeats the question instead of "I did not understand"', async () => {
    const h = harness('sv');
    const menu = await h.say('hej');
    const question = await h.say(offers(menu)[0]);
    const again = await h.say('hejsan');
    expect(offers(again)).toEqual(offers(question));
    expect(texts(again)).toEqual(texts(question).slice(-1));
  });

  it('an out-of-scope message gets an honest answer and the question again', async () => {
    const h = harness('en');
    await h.say('hello');
    const replies = await h.say('what is the weather like in Oulu tomorrow');
    expect(texts(replies).join(' ')).toMatch(/112/);
    expect(offers(replies).length).toBeGreaterThan(0);
    expect(events(replies, 'route')).toHaveLength(0);
  });
});

describe('crisis first', () => {
  it('at the very first message: crisis response with 112 and the event, no symptom checker', async () => {
    const h = harness();
    const replies = await h.say('en halua enää elää');
    expect(events(replies, 'crisis')).toHaveLength(1);
    expect(texts(replies).join(' ')).toMatch(/112/);
    expect(texts(replies).join(' ')).not.toMatch(/omaolo/i);
  });

  it('mid-dialog, in Swedish, and the dialog state is kept', async () => {
    const h = harness('sv');
    const menu = await h.say('hej');
    await h.say(offers(menu)[0]);
    const replies = await h.say('jag vill dö');
    expect(events(replies, 'crisis')).toHaveLength(1);
    expect(texts(replies).join(' ')).toMatch(/112/);
    expect(texts(replies).join(' ')).toMatch(/09 2525 0112|09 2525 0111/);
  });

  it('poisoning names the poison information line', async () => {
    const h = harness();
    const replies = await h.say('lapsi joi lamppuöljyä');
    expect(events(replies, 'crisis')).toHaveLength(1);
    expect(texts(replies).join(' ')).toMatch(/0800 147 111/);
  });
});
