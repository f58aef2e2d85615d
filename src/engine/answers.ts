/**
 * The choices a resident made, as references (dialog, question, choice) rather than words: they
 * are plain JSON, survive a language switch, and are turned into the resident's language only when
 * shown. Free-text answers are never included: a summary holds only what was picked.
 */
import type { Lang } from '../lang';
import type { Frame } from './interpreter';
import type { Program } from './program';

export interface AnswerRef {
  dialog: string;
  step: string;
  choice: string;
}

/**
 * Choice answers held by the frames of a dialog stack, outermost first: only the questions the
 * resident was shown and answered (the frame's history), not every step that remembers into the
 * same variable ("how" is asked by two alternative steps), nor one the first message answered.
 */
export function answerRefs(stack: { dialog: string; frame: Frame | undefined }[], program: Program): AnswerRef[] {
  const refs: AnswerRef[] = [];
  for (const { dialog, frame } of stack) {
    const script = program.dialogs.get(dialog);
    if (!script || !frame) continue;
    const shown = new Set(frame.history.filter((h) => !h.told).map((h) => h.step));
    for (const step of script.steps.values()) {
      if (step.kind !== 'ask' || step.type !== 'choice' || !step.remember || !shown.has(step.id)) continue;
      const chosen = step.choices.find((c) => c.id === frame.vars[step.remember!]);
      if (chosen) refs.push({ dialog, step: step.id, choice: chosen.id });
    }
  }
  return refs;
}

/** The answers as question → label in one language; references the content no longer has are left out. */
export function describeAnswers(refs: AnswerRef[], program: Program, lang: Lang): { question: string; answer: string }[] {
  const out: { question: string; answer: string }[] = [];
  for (const ref of refs) {
    const step = program.dialogs.get(ref.dialog)?.steps.get(ref.step);
    if (step?.kind !== 'ask') continue;
    const choice = step.choices.find((c) => c.id === ref.choice);
    // The menu choice only repeats the topic, which the summary names anyway.
    if (choice && !choice.topic) out.push({ question: step.text[lang], answer: choice.label[lang] });
  }
  return out;
}
