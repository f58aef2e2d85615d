/**
 * Facts a resident already gave, and short typed answers (tester findings §4–§6, §8.2): the
 * owner of the worry and a child's age in the first message, "me" / "mä itse" / "jag själv" at a
 * whose-question, a number at numeric ranges, and a handoff summary of only the questions shown.
 */
import { answerRefs, describeAnswers } from '../../src/engine/answers';
import { matchChoice, parseYesNoStrict } from '../../src/engine/matchAnswer';
import { choiceForNumber, hasRanges, statedAge } from '../../src/engine/numericChoices';
import { foldText } from '../../src/engine/normaliseText';
import type { Choice } from '../../src/engine/program';
import { aboutSelf, onlySelf } from '../../src/engine/selfReference';
import { events, Reply, texts } from '../../src/testing/harness';
import { harness, HELLO, Lang, loadContent } from '../bot/helpers';

const content = loadContent();
const program = () => content.current()!.program;
/** A question of the shipped content, by dialog and step id. */
function askStep(dialog: string, step: string) {
  const s = program().dialogs.get(dialog)!.steps.get(step);
  if (s?.kind !== 'ask') throw new Error(`${dialog}.${step} is not a question`);
  return s;
}
const choicesOf = (dialog: string, step: string): Choice[] => askStep(dialog, step).choices;
const questionOf = (dialog: string, step: string, lang: Lang) => askStep(dialog, step).text[lang];
/** The replies to the last of the messages, said one after another in a new conversation. */
async function lastReplies(lang: Lang, messages: string[]): Promise<Reply[]> {
  const h = harness(lang, content);
  return messages.reduce<Promise<Reply[]>>(async (before, m) => (await before, h.say(m)), Promise.resolve([]));
}
const servicesRouted = (replies: Reply[]) => events(replies, 'route').map((e) => (e.value as { service: string }).service);

describe('who the first message is about', () => {
  it.each([
    ['mulla on ms-tauti ja tarviin apua'], ['i have diabetes'], ['jag har fått utslag på armarna'], ['my mental health is bad'],
    ['mä oon 22v ja mulla on paniikkikohtauksia'], ['i am 22 and i have panic attacks'],
  ])('"%s" is the writer\'s own', (story) => expect(aboutSelf(story)).toBe(true));

  it.each([
    ['mun isä on masentunut'], ['mun 3-vuotiaalla on ihottumaa'], ['min dotter är 2 år'], ['my son is 4 and has a fever'], ['mun kaveri sano et se haluu kuolla'],
  ])('"%s" names someone else', (story) => expect(aboutSelf(story)).toBe(false));

  it.each([
    ['mun 3-vuotiaalla on ihottumaa', 3], ['min dotter är 2 år', 2], ['my son is 4', 4], ['mun 2v poika', 2], ['mulla on ollut kuumetta 3 päivää', undefined],
  ] as const)('"%s" states the age %s', (story, age) => expect(statedAge(foldText(story))).toBe(age));

  it.each([
    ['fi', 'mun 3-vuotiaalla on ihottumaa, ei kiire', 'Kenen oireista'],
    ['sv', 'min dotter är 2 år och har utslag', 'Vems symtom'],
    ['en', 'my son is 4 and has a fever', 'Whose symptoms'],
  ] as const)('(%s) a child\'s age in the first message answers whose symptoms they are', async (lang, story, whose) => {
    const urgency = choicesOf('symptom-check', 'urgency').find((c) => c.id === 'not-urgent')!.label[lang];
    const replies = await lastReplies(lang, [HELLO[lang], story, urgency]);
    expect(texts(replies).join('\n')).not.toContain(whose);
    expect(servicesRouted(replies)).toEqual(['demo-health-centre']);
    // For a child, no Omaolo: it is for people aged 16 or over.
    expect(texts(replies).join('\n')).not.toMatch(/Omaolo/);
  });
});

describe('short typed answers', () => {
  it.each(['me', 'mine', 'mä itse', 'minä', 'jag själv', 'myself'])('"%s" is only the writer', (typed) => expect(onlySelf(typed)).toBe(true));

  it.each([
    ['chronic-care', 'who', 'me', 'en'], ['symptom-check', 'whose', 'mine', 'en'], ['violence', 'who', 'mä itse', 'fi'], ['mental-health', 'who', 'jag själv', 'sv'],
  ] as const)('%s.%s: "%s" picks the resident themselves', (dialog, step, typed, lang) => {
    expect(matchChoice(typed, choicesOf(dialog, step), lang)?.id).toBe('self');
  });

  it.each(['no', 'nej', 'ei'] as const)('"%s" at a whose-question picks nothing (the Swedish article "En" is not the Finnish "en")', (typed) => {
    expect(matchChoice(typed, choicesOf('mental-health', 'who'), 'sv')).toBeUndefined();
    expect(matchChoice(typed, choicesOf('mental-health', 'who'), 'en')).toBeUndefined();
  });

  it.each(['kyl', 'on', 'oli'])('"%s" is a yes at a yes/no question', (typed) => {
    expect(parseYesNoStrict(typed, { yes: 'Kyllä, oli', no: 'Ei oikeastaan' })).toBe(true);
  });

  it('a plain "ei" at the three-way triage picks neither "no"', () => {
    expect(matchChoice('ei', choicesOf('symptom-check', 'urgency'), 'fi')).toBeUndefined();
  });
});

describe('numbers at numeric ranges', () => {
  it('"2" at the child\'s age is age 2 (under school age), not the second choice', () => {
    expect(matchChoice('2', choicesOf('family-centre', 'development-age'), 'fi')?.id).toBe(choicesOf('family-centre', 'development-age')[0].id);
  });
  it.each(['fi', 'sv', 'en'] as const)('(%s) "4" drinks is the 3–4 range', (lang) => {
    const drinks = choicesOf('audit-c', 'q2');
    expect(hasRanges(drinks, lang)).toBe(true);
    expect(matchChoice('4', drinks, lang)?.id).toBe(choiceForNumber(4, drinks, lang)!.id);
    expect(matchChoice('4', drinks, lang)?.label.fi).toBe('3–4 annosta');
  });
  it('a typed range picks the same range, and is not read as its first number', () => {
    expect(matchChoice('2-4 kertaa kuussa', choicesOf('audit-c', 'q1'), 'fi')?.id).toBe('2-4-a-month');
    expect(matchChoice('2–4 kertaa kuukaudessa', choicesOf('audit-c', 'q2'), 'fi')).toBeUndefined();
  });
  it('where only some choices are ranges, a number is a position', () => {
    expect(matchChoice('2', choicesOf('symptom-check', 'whose'), 'en')?.id).toBe('other-adult');
  });
});

describe('the handoff summary', () => {
  it('holds only the questions the resident was shown and answered', async () => {
    const h = harness('fi', content);
    await h.say(HELLO.fi);
    await h.say('mä oon 22v ja mulla on paniikkikohtauksia');
    await h.say('Ahdistuskysely (2 kysymystä)');
    const replies = await h.say('ihminen');
    const shown = texts(replies).join('\n');
    expect(shown).toContain(questionOf('mental-health', 'young-how', 'fi'));
    expect(shown).not.toContain(questionOf('mental-health', 'adult-how', 'fi'));
    // Answered by the first message, never shown: not handed over as a choice the resident made.
    expect(shown).not.toContain(questionOf('mental-health', 'who', 'fi'));
  });

  it('answerRefs reads the frame history, not every step that remembers the same variable', () => {
    const frame = { v: 1 as const, step: 'young-gad', vars: { who: 'self', ageGroup: '18-29', how: 'anxiety-check' },
      history: [{ step: 'who', vars: {}, told: true as const }, { step: 'self-age', vars: {}, told: true as const }, { step: 'young-how', vars: {} }] };
    const refs = answerRefs([{ dialog: 'mental-health', frame }], program());
    expect(refs).toEqual([{ dialog: 'mental-health', step: 'young-how', choice: 'anxiety-check' }]);
    expect(describeAnswers(refs, program(), 'fi')).toHaveLength(1);
  });
});
