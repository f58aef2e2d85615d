/**
 * "Tarkoititko jotain näistä?" answered with a yes or with something that fits neither choice
 * (tester finding 3): "joo" asks which one with the same choices; a reply that is no new topic asks
 * again; never the main menu's "I can't help with that". Pure: decideUnmatched with the shipped
 * program and a stand-in classifier.
 */
import { readAnswerWord } from '../../src/engine/answerWords';
import { decideUnmatched, UnmatchedInput } from '../../src/engine/freeText';
import type { Classification } from '../../src/nlu';
import { loadContent } from '../bot/helpers';

const program = loadContent().current()!.program;
const menu = program.dialogs.get('main')!.steps.get('menu') as { choices: UnmatchedInput['choices'] };

function unknown(): Classification {
  return { lang: 'fi', topic: 'unknown', confidence: 0.2, lowConfidence: true, alternatives: [], crisis: { level: 'none', crisis: false, kind: null, source: null } } as unknown as Classification;
}

function atClarify(typed: string, lang: 'fi' | 'sv' | 'en', classify: () => Classification = unknown): ReturnType<typeof decideUnmatched> {
  return decideUnmatched({
    typed, clarify: ['violence', 'family-centre'], choices: menu.choices, dialogTopic: 'unknown', program, lang,
    classify, answerWord: (t) => readAnswerWord(t, program.commands.answers, lang),
  });
}

describe('an answer to "did you mean one of these?"', () => {
  it.each([['fi', 'joo'], ['fi', 'kyl'], ['sv', 'ja'], ['en', 'yes']] as const)('(%s) "%s" asks which one, with the same choices', (lang, typed) => {
    expect(atClarify(typed, lang)).toEqual({ kind: 'clarify', topics: ['violence', 'family-centre'], again: true });
  });

  it('a reply that is no new topic asks again, never "I can\'t help with that"', () => {
    expect(atClarify('omasta', 'fi')).toEqual({ kind: 'clarify', topics: ['violence', 'family-centre'], again: true });
  });

  it('a choice typed in part picks it', () => {
    expect(atClarify('perhe', 'fi')).toEqual({ kind: 'startTopic', topic: 'family-centre' });
  });

  it('a confident new topic is read as a new message', () => {
    const elderly = () => ({ ...unknown(), topic: 'elderly', confidence: 0.9, lowConfidence: false }) as Classification;
    // At the menu a topic is its choice, with the words as its story.
    expect(atClarify('mun isä ei pärjää kotona', 'fi', elderly)).toEqual({ kind: 'answer', label: 'Ikääntyminen ja kotona pärjääminen' });
  });

  it('without a clarifying question open, the main menu still refuses what is out of scope', () => {
    const d = decideUnmatched({ typed: 'bussikortti', choices: menu.choices, dialogTopic: 'unknown', program, lang: 'fi', classify: unknown });
    expect(d).toEqual({ kind: 'refuse', text: 'outOfScope' });
  });
});
