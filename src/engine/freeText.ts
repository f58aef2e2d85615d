/**
 * A typed answer that is not one of the choices: free-text understanding decides what it means,
 * as a pure decision the dialog adapter (scriptDialog.ts) carries out. A choice whose topic
 * matches is taken; a confident other topic starts that topic's dialog; a low-confidence guess
 * asks which of the two best topics was meant. Inside a topic dialog anything else gets the
 * content's "please pick one of these" and the question again; only at the main menu does a
 * message outside the scope get the honest "I can't help with that here". Never a wrong guess as
 * certain.
 */
import type { Classification } from '../nlu';
import type { Lang } from '../lang';
import { matchChoice, Stemmer } from './matchAnswer';
import type { Choice, Program } from './program';

export type UnmatchedDecision =
  | { kind: 'answer'; label: string }
  | { kind: 'startTopic'; topic: string }
  /** `again`: the resident said "yes" without saying which, or something that fits neither: ask which one. */
  | { kind: 'clarify'; topics: string[]; again?: boolean }
  | { kind: 'pickOne' }
  | { kind: 'refuse'; text: 'outOfScope' | 'notUnderstood' }
  | { kind: 'reprompt' };

export interface UnmatchedInput {
  typed: string;
  /** Topics offered by an earlier clarifying question. */
  clarify?: string[];
  choices: Choice[];
  /** The topic of the dialog asking; 'unknown' for the main menu. */
  dialogTopic: string;
  program: Program;
  lang: Lang;
  stems?: Stemmer;
  classify: (text: string) => Classification;
  /** The text read as a yes/no answer (content/commands.yaml `answers`). */
  answerWord?: (text: string) => 'yes' | 'no' | 'unsure' | null;
}

export function decideUnmatched(input: UnmatchedInput): UnmatchedDecision {
  const { typed, program, lang, choices } = input;
  if (input.clarify) {
    const options: Choice[] = input.clarify.map((topic) => ({ id: topic, label: program.topics.get(topic)!.label }));
    const picked = matchChoice(typed, options, lang, input.stems);
    if (picked) return { kind: 'startTopic', topic: picked.id };
    // "joo", "kyl", "ja": yes, but which? Keep the choices.
    if (input.answerWord?.(typed) === 'yes' || input.answerWord?.(typed) === 'unsure') return { kind: 'clarify', topics: input.clarify, again: true };
  }
  if (!typed) return { kind: 'reprompt' };
  const inTopicDialog = input.dialogTopic !== 'unknown';
  const result = input.classify(typed);
  const topicChoice = choices.find((c) => c.topic === result.topic);
  if (!result.lowConfidence && topicChoice) return { kind: 'answer', label: topicChoice.label[lang] };
  const known = (t: string) => t !== 'unknown' && program.topics.has(t);
  // The dialog's own topic restarting itself would lose the answers: ask to pick instead.
  if (!result.lowConfidence && known(result.topic) && result.topic !== input.dialogTopic) return { kind: 'startTopic', topic: result.topic };
  if (inTopicDialog && choices.length > 0) return { kind: 'pickOne' };
  const candidates = [result.topic, ...result.alternatives.map((a) => a.topic)]
    .filter((t, i, all) => known(t) && t !== input.dialogTopic && all.indexOf(t) === i)
    .slice(0, 2);
  if (result.topic !== 'unknown' && candidates.length > 0) return { kind: 'clarify', topics: candidates };
  if (inTopicDialog) return { kind: 'pickOne' };
  // A reply to "did you mean one of these?" that is no new topic either: ask again, never "I can't help".
  if (input.clarify) return { kind: 'clarify', topics: input.clarify, again: true };
  return { kind: 'refuse', text: result.topic === 'unknown' ? 'outOfScope' : 'notUnderstood' };
}
