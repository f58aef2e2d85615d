/**
 * Ask when unsure (issue #10 item 2): a weaker signal gets the crisis line and the direct
 * question, in fi/sv/en, at any step; "yes" gives the full crisis response, "no" carries on with
 * what the resident wrote. A medical emergency gets the 112 answer, not the crisis-line text.
 */
import { events, offers, texts } from '../../src/testing/harness';
import { contentWithCrisisLevels, harness, HELLO, Lang } from './helpers';

const CHECK: Record<Lang, string> = {
  fi: 'en jaksa enää mitään, kaikki on raskasta',
  sv: 'jag orkar inte längre, allt är tungt',
  en: 'i feel anxious and low all the time, i cannot go on like this',
};
const EMERGENCY: Record<Lang, string> = { fi: 'mieheni ei hengitä', sv: 'min man andas inte', en: 'my husband is not breathing' };
const content = contentWithCrisisLevels({
  ...Object.fromEntries(Object.values(CHECK).map((t) => [t, { level: 'check', kind: 'suicide' }])),
  ...Object.fromEntries(Object.values(EMERGENCY).map((t) => [t, { level: 'crisis', kind: 'medical-emergency' }])),
});
const T = content.current()!.program.texts;
const LANGS = ['fi', 'sv', 'en'] as const;

describe('the crisis check-in', () => {
  it.each(LANGS)('(%s) gives the crisis line and asks directly, with yes, no and not sure', async (lang) => {
    const h = harness(lang, content);
    const replies = await h.say(CHECK[lang]);
    const said = texts(replies).join('\n');
    expect(said).toContain(T.crisisCheckIntro[lang]);
    expect(said).toMatch(/09 2525 011[12]/);
    expect(texts(replies).slice(-1)[0]).toBe(T.crisisCheckQuestion[lang]);
    expect(offers(replies)).toEqual([T.yesLabel[lang], T.noLabel[lang], T.crisisCheckUnsureLabel[lang]]);
  });

  it.each(LANGS)('(%s) "yes" gives the full crisis response', async (lang) => {
    const h = harness(lang, content);
    await h.say(CHECK[lang]);
    const replies = await h.say(T.yesLabel[lang]);
    expect(events(replies, 'crisis').map((e) => (e.value as { kind: string }).kind)).toEqual(['suicide']);
    expect(texts(replies).join(' ')).toContain(T.crisisIntro[lang]);
  });

  it.each(LANGS)('(%s) "no" carries on with the resident\'s topic', async (lang) => {
    const h = harness(lang, content);
    await h.say(CHECK[lang]);
    const replies = await h.say(lang === 'en' ? 'no' : lang === 'sv' ? 'nej' : 'ei');
    expect(texts(replies)[0]).toBe(T.crisisCheckNo[lang]);
    expect(events(replies, 'crisis')).toHaveLength(0);
    // The first message is answered now: its topic's first question it does not answer itself, not
    // the greeting and menu ("jag orkar", "i feel" already say whose wellbeing it is: the age is next).
    const next = content.current()!.program.dialogs.get('mental-health')!.steps.get(lang === 'fi' ? 'who' : 'self-age')!;
    expect(texts(replies).slice(-1)[0]).toBe((next as { text: Record<Lang, string> }).text[lang]);
  });

  it('works mid-dialog: the question is asked at any step, and after "no" what the resident wrote is answered', async () => {
    const h = harness('fi', content);
    await h.say(HELLO.fi);
    await h.say('Ikääntyminen ja kotona pärjääminen');
    const check = await h.say(CHECK.fi);
    expect(texts(check).slice(-1)[0]).toBe(T.crisisCheckQuestion.fi);
    const replies = await h.say('ei');
    expect(texts(replies)[0]).toBe(T.crisisCheckNo.fi);
    // Their words were about their own coping: that topic's first question.
    const mentalWho = content.current()!.program.dialogs.get('mental-health')!.steps.get('who') as { text: Record<Lang, string> };
    expect(texts(replies).slice(-1)[0]).toBe(mentalWho.text.fi);
  });

  it('a tapped choice that raised the check-in is taken after "no"', async () => {
    const tap = 'Ikääntyminen ja kotona pärjääminen';
    const tapContent = contentWithCrisisLevels({ [tap]: { level: 'check', kind: 'suicide' } });
    const h = harness('fi', tapContent);
    await h.say(HELLO.fi);
    await h.say(tap);
    const replies = await h.say('ei');
    const elderlyWho = tapContent.current()!.program.dialogs.get('elderly')!.steps.get('who') as { text: Record<Lang, string> };
    expect(texts(replies).slice(-1)[0]).toBe(elderlyWho.text.fi);
  });

  it('anything else than yes or no is read as a new message (crisis detection first again)', async () => {
    const h = harness('fi', content);
    await h.say(CHECK.fi);
    const replies = await h.say('en halua enää elää');
    expect(events(replies, 'crisis').map((e) => (e.value as { kind: string }).kind)).toEqual(['suicide']);
  });
});

describe('a medical emergency', () => {
  it.each(LANGS)('(%s) gets the 112 answer at once: call 112 and what to tell them, not the crisis-line text', async (lang) => {
    const h = harness(lang, content);
    const replies = await h.say(EMERGENCY[lang]);
    const said = texts(replies).join('\n');
    expect(said).toContain(T.medicalEmergency[lang]);
    expect(said).toContain('112');
    expect(said).not.toContain(T.crisisIntro[lang]);
    expect(said).not.toMatch(/09 2525 011/);
    expect(events(replies, 'crisis').map((e) => (e.value as { kind: string }).kind)).toEqual(['medical-emergency']);
  });
});
