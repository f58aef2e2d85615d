/**
 * Answers to the bot's own yes/no questions, with the shipped content's answer words
 * (content/commands.yaml `answers`): the tester's natural answers at the crisis check-in and the
 * chat offer (tester findings 1.1, 1.2, 3).
 */
import { readAnswerWord } from '../../src/engine/answerWords';
import type { Lang } from '../../src/lang';
import { loadContent } from '../bot/helpers';

const answers = loadContent().current()!.program.commands.answers;

/** Per language and expected reading, the answers residents typed (null: no answer word). */
const EXPECTED: Record<Lang, Record<'yes' | 'no' | 'unsure' | 'none', string[]>> = {
  fi: {
    yes: ['kyl', 'on', 'joo on', 'vähän', 'välillä', 'välillä on käyny mielessä', 'no kyl vähän', 'Kyllä'],
    unsure: ['ehkä', 'en mä tiiä', 'en tiiä', 'en tiedä missä hän on'],
    no: ['nä', 'nää', 'ei oo', 'no en oo', 'no', 'nope'],
    none: ['mä oon 19'],
  },
  sv: { yes: ['japp', 'ibland', 'ja tack'], unsure: ['kanske', 'vet inte'], no: ['nä', 'nej'], none: [] },
  en: {
    yes: ['sometimes', 'kind of', 'a bit', 'yes please'],
    unsure: ['idk', 'maybe', 'not sure'],
    no: ['nope', 'no'],
    none: ['my mother is ill'],
  },
};

const CASES = (Object.entries(EXPECTED) as [Lang, Record<string, string[]>][]).flatMap(([lang, byKind]) =>
  Object.entries(byKind).flatMap(([kind, texts]) => texts.map((t) => [lang, t, kind === 'none' ? null : kind] as const)),
);

describe('readAnswerWord', () => {
  it.each(CASES)('(%s) "%s" → %s', (lang, text, expected) => {
    expect(readAnswerWord(text, answers, lang)).toBe(expected);
  });

  it('reads nothing from an empty text', () => {
    expect(readAnswerWord('  ', answers, 'fi')).toBeNull();
  });
});
