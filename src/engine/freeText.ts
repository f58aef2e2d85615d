/**
 * A typed answer that is not one of the choices: free-text understanding decides what it means.
 * A choice whose topic matches is taken; a confident topic starts that topic's dialog; a low-
 * confidence guess asks which of the two best topics was meant; anything outside the scope gets an
 * honest "I can't help with that here" and the question again. Never a wrong guess as certain.
 */
import { DialogContext, DialogTurnResult, Dialog } from 'botbuilder-dialogs';
import { answer, Output } from './interpreter';
import { matchChoice } from './matchAnswer';
import { message, renderOutputs, text } from './render';
import type { ScriptDialog, ScriptDialogState } from './scriptDialog';
import type { Choice } from './program';

export async function handleUnmatched(
  dc: DialogContext,
  dialog: ScriptDialog,
  state: ScriptDialogState,
  typed: string,
  retryOutputs: Output[],
): Promise<DialogTurnResult> {
  const bundle = dialog.bundle;
  const env = dialog.env(dc);
  const step = dialog.script.steps.get(state.frame.step);
  const choices: Choice[] = step?.kind === 'ask' ? step.choices : [];

  // The answer to an earlier clarifying question.
  if (state.clarify) {
    const options: Choice[] = state.clarify.map((topic) => ({ id: topic, label: bundle.program.topics.get(topic)!.label }));
    const picked = matchChoice(typed, options, env.lang, env.stems);
    state.clarify = undefined;
    if (picked) return startTopic(dc, picked.id, bundle);
  }
  if (!typed) {
    await dialog.reprompt(dc);
    return Dialog.EndOfTurn;
  }

  const result = bundle.nlu.classify(typed, dc.context.activity.locale ?? env.lang);
  const topicChoice = choices.find((c) => c.topic === result.topic);
  if (!result.lowConfidence && topicChoice) {
    return dialog.apply(dc, answer(dialog.script, state.frame, topicChoice.label[env.lang], env));
  }
  if (!result.lowConfidence && result.topic !== 'unknown' && bundle.program.topics.has(result.topic)) {
    return startTopic(dc, result.topic, bundle);
  }
  const candidates = [result.topic, ...result.alternatives.map((a) => a.topic)]
    .filter((t, i, all) => t !== 'unknown' && bundle.program.topics.has(t) && all.indexOf(t) === i)
    .slice(0, 2);
  if (result.topic !== 'unknown' && candidates.length > 0) {
    state.clarify = candidates;
    const labels = candidates.map((t) => bundle.program.topics.get(t)!.label[env.lang]);
    await dc.context.sendActivity(message(text(bundle, 'clarify', env.lang), labels));
    return Dialog.EndOfTurn;
  }
  // Outside what Opastin covers: say so honestly (with general contacts in the text) and ask again.
  const key = result.topic === 'unknown' ? 'outOfScope' : 'notUnderstood';
  await dc.context.sendActivities([message(text(bundle, key, env.lang)), ...renderOutputs(retryOutputs, bundle, env.lang, dialog.id)]);
  await dialog.reprompt(dc);
  return Dialog.EndOfTurn;
}

async function startTopic(dc: DialogContext, topic: string, bundle: import('./contentBundle').ContentBundle): Promise<DialogTurnResult> {
  const target = bundle.program.topics.get(topic)!.dialog;
  await dc.cancelAllDialogs();
  return dc.beginDialog(target);
}
