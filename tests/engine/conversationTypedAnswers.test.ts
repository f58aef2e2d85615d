/**
 * What residents really type, in the conversation (issue #10 items 6 and 7): yes/no words at
 * yes/no questions, a part of a label or a paraphrase, an age in a sentence, a number that is an
 * age rather than a position; and a first message that already says what the worry is.
 */
import { events, offers, Reply, texts } from '../../src/testing/harness';
import { harness, HELLO, Lang, loadContent } from '../bot/helpers';

const content = loadContent();
const T = content.current()!.program.texts;
const labelOf = (dialog: string, step: string, choice: string, lang: Lang) => {
  const s = content.current()!.program.dialogs.get(dialog)!.steps.get(step);
  if (s?.kind !== 'ask') throw new Error(`${dialog}.${step} is not a question`);
  return s.choices.find((c) => c.id === choice)!.label[lang];
};
const questionOf = (dialog: string, step: string, lang: Lang) => {
  const s = content.current()!.program.dialogs.get(dialog)!.steps.get(step);
  if (s?.kind !== 'ask') throw new Error(`${dialog}.${step} is not a question`);
  return s.text[lang];
};
const MENU = { mental: { fi: 'Mieli ja jaksaminen', sv: 'Psykiskt mående och ork', en: 'Mental wellbeing and coping' },
  elderly: { fi: 'Ikääntyminen ja kotona pärjääminen', sv: 'Äldre och att klara sig hemma', en: 'Older people and managing at home' },
  symptoms: { fi: 'Oireet ja sairastuminen', sv: 'Symtom och sjukdom', en: 'Symptoms and feeling ill' },
  family: { fi: 'Raskaus, lapset ja perhe', sv: 'Graviditet, barn och familj', en: 'Pregnancy, children and family' } };

async function conversation(lang: Lang, messages: string[]): Promise<Reply[]> {
  const h = harness(lang, content);
  let replies: Reply[] = [];
  for (const m of messages) replies = await h.say(m);
  return replies;
}
const routedTo = (replies: Reply[]) => events(replies, 'route').map((e) => (e.value as { service: string }).service);

describe('yes and no typed at a yes/no question', () => {
  it.each([
    ['fi', 'joo'], ['fi', 'kyllä'], ['sv', 'ja'], ['en', 'yes'], ['en', 'yeah'],
  ] as const)('(%s) "%s" at "is a life in danger?" is yes: the 112 route, never "I cannot help with that"', async (lang, typed) => {
    const replies = await conversation(lang, [HELLO[lang], MENU.symptoms[lang], typed]);
    expect(texts(replies)).not.toContain(T.outOfScope[lang]);
    expect(routedTo(replies)).toEqual(['emergency-112']);
  });

  it.each([['fi', 'ei'], ['sv', 'nej'], ['en', 'no']] as const)('(%s) "%s" where two choices say no gets "please pick one of these"', async (lang, typed) => {
    const replies = await conversation(lang, [HELLO[lang], MENU.symptoms[lang], typed]);
    // The step's own "please pick one", which names the two "no" answers.
    const urgency = content.current()!.program.dialogs.get('symptom-check')!.steps.get('urgency');
    expect(texts(replies)).toContain(urgency?.kind === 'ask' ? urgency.retry?.[lang] : undefined);
    expect(texts(replies)).not.toContain(T.outOfScope[lang]);
    expect(texts(replies).slice(-1)[0]).toBe(questionOf('symptom-check', 'urgency', lang));
  });
});

describe('a part of a label or a paraphrase picks the choice', () => {
  it.each([
    ['fi', [MENU.mental.fi, 'mine'], 'mental-health', 'self-age'],
    ['en', [MENU.mental.en, 'mine'], 'mental-health', 'self-age'],
    ['sv', [MENU.elderly.sv, 'för min pappa'], 'elderly', 'what'],
    ['fi', [MENU.elderly.fi, 'isälle'], 'elderly', 'what'],
    ['en', [MENU.elderly.en, 'for my mum'], 'elderly', 'what'],
  ] as const)('(%s) %j asks the next question', async (lang, typed, dialog, next) => {
    const replies = await conversation(lang, [HELLO[lang], ...typed]);
    expect(texts(replies).slice(-1)[0]).toBe(questionOf(dialog, next, lang));
  });

  it.each([
    ['fi', 'haluan tavata jonkun'], ['sv', 'jag vill träffa någon'], ['en', 'I want to meet someone'],
  ] as const)('(%s) "%s" picks "meet a professional"', async (lang, typed) => {
    const replies = await conversation(lang, [HELLO[lang], MENU.mental[lang], labelOf('mental-health', 'who', 'self', lang), '22', typed]);
    expect(routedTo(replies)).toEqual(['demo-youth-mental-substance']);
  });

  it.each([['fi', 'en tiiä mitä tähän'], ['sv', 'kanske något annat'], ['en', 'hmm something else']] as const)(
    '(%s) an answer that fits no choice inside a topic gets "please pick one of these", not the refusal', async (lang, typed) => {
      const replies = await conversation(lang, [HELLO[lang], MENU.elderly[lang], typed]);
      expect(texts(replies)).toContain(T.pickOne[lang]);
      expect(texts(replies)).not.toContain(T.outOfScope[lang]);
      expect(offers(replies).length).toBeGreaterThan(0);
    });
});

describe('ages and numbers', () => {
  it.each([['fi', 'oon 22v'], ['sv', 'jag är 22 år'], ['en', "I'm 22"]] as const)('(%s) "%s" at an age question picks 18–29', async (lang, typed) => {
    const replies = await conversation(lang, [HELLO[lang], MENU.mental[lang], labelOf('mental-health', 'who', 'self', lang), typed]);
    expect(texts(replies).slice(-1)[0]).toBe(questionOf('mental-health', 'young-how', lang));
  });

  it.each(['fi', 'sv', 'en'] as const)('(%s) "2" at "how old is the child?" is an age (under school age), not the second choice', async (lang) => {
    const development = labelOf('family-centre', 'what', 'development', lang);
    const replies = await conversation(lang, [HELLO[lang], MENU.family[lang], development, '2']);
    expect(routedTo(replies)).toEqual(['demo-child-health-clinic']);
  });

  it('a number picks by position where the choices are not ranges', async () => {
    const replies = await conversation('fi', [HELLO.fi, MENU.elderly.fi, '2']);
    expect(texts(replies).slice(-1)[0]).toBe(questionOf('elderly', 'what', 'fi'));
  });
});

describe('the first message counts', () => {
  it.each([
    ['fi', 'mun isä ei enää pärjää kotona'],
    ['sv', 'min pappa klarar sig inte hemma längre'],
    ['en', 'my dad is not coping at home any more'],
  ] as const)('(%s) opening with the worry gets an answer to it, its facts filling the questions', async (lang, first) => {
    const replies = await conversation(lang, [first]);
    expect(texts(replies)).not.toContain(questionOf('main', 'menu', lang));
    // Who (a parent) and what (managing at home) were told: straight to home care.
    expect(routedTo(replies)).toEqual(['demo-home-care']);
  });

  it.each([
    ['fi', 'voisinko puhua jonkun ihmisen kanssa'],
    ['sv', 'kan jag prata med en människa'],
    ['en', 'could I talk to a real person please'],
  ] as const)('(%s) opening with a wish to talk to a person shows the summary, not the menu', async (lang, first) => {
    const replies = await conversation(lang, [first]);
    expect(texts(replies)).not.toContain(questionOf('main', 'menu', lang));
    expect(events(replies, 'handoff').map((e) => (e.value as { status: string }).status)).toEqual(['summary']);
  });

  it.each([
    ['fi', 'Kerron omin sanoin', 'äidin muisti pettää'],
    ['sv', 'Jag berättar med egna ord', 'min mamma glömmer allt nuförtiden'],
    ['en', "I'll tell you in my own words", 'my mother is getting very forgetful'],
  ] as const)('(%s) "in my own words" uses the story it asks for', async (lang, choice, story) => {
    const replies = await conversation(lang, [HELLO[lang], choice, story]);
    // A parent's memory: the relative path of the memory question, no "who?" and no "what?".
    expect(texts(replies)).not.toContain(questionOf('elderly', 'who', lang));
    expect(texts(replies)).not.toContain(questionOf('elderly', 'what', lang));
    expect(texts(replies).join(' ')).not.toContain(questionOf('main', 'menu', lang));
  });
});
