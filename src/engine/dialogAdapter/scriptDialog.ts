/**
 * A compiled script as a botbuilder-dialogs Dialog: the dialog stack and each dialog's frame (plain
 * JSON: step, answers, history) live in conversation state. This class only does what the pure
 * interpreter (and, for free text, freeText.ts) decided: send, store, call a child dialog, end,
 * and record for the bot what it must act on (dialogOutcome.ts).
 */
import { Dialog, DialogContext, DialogReason, DialogTurnResult } from 'botbuilder-dialogs';
import { answerRefs } from '../answers';
import type { ContentBundle } from '../contentBundle';
import { SCORE_PREFIX, Value } from '../expression';
import { decideUnmatched } from '../freeText';
import { answer, back, Decision, Env, Frame, newFrame, reask, resume, run } from '../interpreter';
import type { DialogScript } from '../program';
import { readAnswerWord } from '../answerWords';
import { message, renderOutputs, text } from '../render';
import { dialogOutcome } from './dialogOutcome';
import { noteTurnScores, turnLang, turnText } from './turnInfo';

export interface ScriptDialogState {
  frame: Frame;
  /** Topics offered by a clarifying question, waiting for the resident's pick. */
  clarify?: string[];
}

/** How a dialog may be started: with what the resident already told, or with their first message as its first answer. */
export interface StartOptions {
  story?: string;
  firstAnswer?: string;
  /** Values for the dialog's `params`, from the calling step's `with`. */
  params?: Record<string, Value>;
}

export class ScriptDialog extends Dialog<StartOptions> {
  constructor(
    readonly script: DialogScript,
    readonly bundle: ContentBundle,
  ) {
    super(script.id);
  }

  env(dc: DialogContext, story?: string): Env {
    const lang = turnLang(dc.context);
    return { lang, texts: this.bundle.program.texts, stems: (t, l) => this.bundle.nlu.stems(t, l), ...(story ? { story } : {}) };
  }

  override async beginDialog(dc: DialogContext, options?: StartOptions): Promise<DialogTurnResult> {
    const started = run(this.script, newFrame(this.script, options?.params), this.env(dc, options?.story));
    if (!options?.firstAnswer || started.control.kind !== 'wait') return this.apply(dc, started);
    // The first message counts: it answers the first question instead of being met by it.
    dc.activeDialog!.state = { frame: started.frame } satisfies ScriptDialogState;
    return this.answerWith(dc, options.firstAnswer);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.answerWith(dc, turnText(dc.context));
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, _result?: unknown): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ScriptDialogState;
    return this.apply(dc, resume(this.script, state.frame, this.env(dc)));
  }

  /** Re-sends the current question (after help, a language switch or a crisis message). */
  async reprompt(dc: DialogContext): Promise<void> {
    const state = dc.activeDialog!.state as ScriptDialogState;
    await this.send(dc, renderOutputs(reask(this.script, state.frame, this.env(dc)), this.bundle, this.env(dc).lang, this.id));
  }

  /** Goes back one question; false when this dialog has no earlier question. */
  async goBack(dc: DialogContext): Promise<DialogTurnResult | false> {
    const state = dc.activeDialog!.state as ScriptDialogState;
    const decision = back(this.script, state.frame, this.env(dc));
    return decision ? this.apply(dc, decision) : false;
  }

  private async answerWith(dc: DialogContext, typed: string): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ScriptDialogState;
    const env = this.env(dc);
    const decision = answer(this.script, state.frame, typed, env);
    if (decision.control.kind === 'unmatched') return this.unmatched(dc, state, typed, decision);
    if (decision.control.kind === 'understand') return this.understand(dc, decision.control.text, decision);
    state.clarify = undefined;
    return this.apply(dc, decision);
  }

  private async unmatched(dc: DialogContext, state: ScriptDialogState, typed: string, decision: Decision): Promise<DialogTurnResult> {
    const env = this.env(dc);
    const step = this.script.steps.get(state.frame.step);
    const program = this.bundle.program;
    const clarify = state.clarify;
    state.clarify = undefined;
    const next = decideUnmatched({
      typed, clarify, program, lang: env.lang, stems: env.stems,
      choices: step?.kind === 'ask' ? step.choices : [],
      dialogTopic: this.script.topic,
      classify: (t) => this.bundle.nlu.classify(t, dc.context.activity.locale ?? env.lang),
      answerWord: (t) => readAnswerWord(t, program.commands.answers, env.lang),
    });
    switch (next.kind) {
      case 'answer':
        // Free text that picked a topic choice: the topic's dialog gets the words as its story.
        return this.apply(dc, answer(this.script, state.frame, next.label, env), typed);
      case 'startTopic':
        return this.startTopic(dc, next.topic, typed);
      case 'clarify': {
        state.clarify = next.topics;
        const labels = next.topics.map((t) => program.topics.get(t)!.label[env.lang]);
        await dc.context.sendActivity(message(text(this.bundle, next.again ? 'clarifyWhich' : 'clarify', env.lang), labels));
        return Dialog.EndOfTurn;
      }
      case 'pickOne': {
        const retry = (step?.kind === 'ask' && step.retry?.[env.lang]) || text(this.bundle, 'pickOne', env.lang);
        await this.send(dc, [message(retry)]);
        await this.reprompt(dc);
        return Dialog.EndOfTurn;
      }
      case 'refuse':
        await this.send(dc, [message(text(this.bundle, next.text, env.lang)), ...renderOutputs(decision.outputs, this.bundle, env.lang, this.id)]);
        await this.reprompt(dc);
        return Dialog.EndOfTurn;
      case 'reprompt':
        await this.reprompt(dc);
        return Dialog.EndOfTurn;
    }
  }

  /** The resident's own words: their topic starts its dialog with the facts they gave; else carry on. */
  private async understand(dc: DialogContext, story: string, decision: Decision): Promise<DialogTurnResult> {
    const env = this.env(dc);
    const result = this.bundle.nlu.classify(story, dc.context.activity.locale ?? env.lang);
    const topic = this.bundle.program.topics.get(result.topic);
    if (!result.lowConfidence && topic && result.topic !== this.script.topic) return this.startTopic(dc, result.topic, story);
    const step = this.script.steps.get(decision.frame.step);
    const next = step?.kind === 'ask' ? step.next : undefined;
    return this.apply(dc, next ? run(this.script, { ...decision.frame, step: next }, env) : { ...decision, control: { kind: 'end' } });
  }

  private async startTopic(dc: DialogContext, topic: string, story: string): Promise<DialogTurnResult> {
    const target = this.bundle.program.topics.get(topic)!.dialog;
    await dc.cancelAllDialogs();
    return dc.beginDialog(target, { story } satisfies StartOptions);
  }

  async apply(dc: DialogContext, decision: Decision, story?: string): Promise<DialogTurnResult> {
    const env = this.env(dc);
    if (dc.activeDialog?.id === this.id) (dc.activeDialog.state as ScriptDialogState).frame = decision.frame;
    else dc.activeDialog!.state = { frame: decision.frame } satisfies ScriptDialogState;
    await this.send(dc, renderOutputs(decision.outputs, this.bundle, env.lang, this.id));
    noteTurnScores(dc.context, scoresOf(decision.frame.vars));
    this.record(dc, decision);
    switch (decision.control.kind) {
      case 'call':
        return dc.beginDialog(decision.control.dialog, { params: decision.control.params, ...(story ? { story } : {}) } satisfies StartOptions);
      case 'end':
        return dc.endDialog();
      default:
        return Dialog.EndOfTurn;
    }
  }

  /** What the bot acts on after the dialogs: a handoff step, a route (for a later summary), the feedback question. */
  private record(dc: DialogContext, decision: Decision): void {
    const outcome = dialogOutcome(dc.context);
    const answers = () => answerRefs(dc.stack.map((i) => ({ dialog: i.id, frame: (i.state as ScriptDialogState | undefined)?.frame })), this.bundle.program);
    for (const output of decision.outputs) {
      if (output.type === 'handoff') outcome.handoff = { queue: output.queue, dialog: this.id, topic: this.script.topic, answers: answers() };
      if (output.type === 'route') {
        const service = this.bundle.catalogue.services.get(output.service);
        outcome.route = { dialog: this.id, topic: output.topic ?? service?.topic ?? this.script.topic, service: output.service, answers: answers() };
      }
      if (output.type === 'feedback') outcome.feedbackFor = this.id;
    }
  }

  private async send(dc: DialogContext, activities: ReturnType<typeof renderOutputs>): Promise<void> {
    if (activities.length > 0) await dc.context.sendActivities(activities);
  }
}

function scoresOf(vars: Record<string, Value>): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (name.startsWith(SCORE_PREFIX) && typeof value === 'number') scores[name.slice(SCORE_PREFIX.length)] = value;
  }
  return scores;
}
