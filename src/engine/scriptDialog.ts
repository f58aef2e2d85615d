/**
 * A compiled script as a botbuilder-dialogs Dialog: the dialog stack and each dialog's frame (plain
 * JSON: step, answers, history) live in conversation state. This class only does what the pure
 * interpreter decided: send, store, call a child dialog, end.
 */
import { Dialog, DialogContext, DialogReason, DialogTurnResult } from 'botbuilder-dialogs';
import type { ContentBundle } from './contentBundle';
import { answer, back, Decision, Env, Frame, newFrame, reask, resume, run } from './interpreter';
import { SCORE_PREFIX, Value } from './expression';
import type { DialogScript } from './program';
import { handleUnmatched } from './freeText';
import { renderOutputs } from './render';
import { noteTurnScores, turnLang } from './turnInfo';

export interface ScriptDialogState {
  frame: Frame;
  /** Topics offered by a clarifying question, waiting for the resident's pick. */
  clarify?: string[];
}

export class ScriptDialog extends Dialog {
  constructor(
    readonly script: DialogScript,
    readonly bundle: ContentBundle,
  ) {
    super(script.id);
  }

  env(dc: DialogContext): Env {
    const lang = turnLang(dc.context);
    return { lang, texts: this.bundle.program.texts, stems: (t, l) => this.bundle.nlu.stems(t, l) };
  }

  override async beginDialog(dc: DialogContext, options?: { params?: Record<string, Value> }): Promise<DialogTurnResult> {
    return this.apply(dc, run(this.script, newFrame(this.script, options?.params), this.env(dc)));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ScriptDialogState;
    const text = (dc.context.activity.text ?? '').trim();
    const decision = answer(this.script, state.frame, text, this.env(dc));
    if (decision.control.kind === 'unmatched') return handleUnmatched(dc, this, state, text, decision.outputs);
    state.clarify = undefined;
    return this.apply(dc, decision);
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

  async apply(dc: DialogContext, decision: Decision): Promise<DialogTurnResult> {
    const env = this.env(dc);
    if (dc.activeDialog?.id === this.id) (dc.activeDialog.state as ScriptDialogState).frame = decision.frame;
    else dc.activeDialog!.state = { frame: decision.frame } satisfies ScriptDialogState;
    await this.send(dc, renderOutputs(decision.outputs, this.bundle, env.lang, this.id));
    noteTurnScores(dc.context, scoresOf(decision.frame.vars));
    for (const output of decision.outputs) {
      if (output.type === 'handoff') dc.context.turnState.set('opastin.handoffRequest', output.queue);
      if (output.type === 'feedback') dc.context.turnState.set('opastin.feedbackAsked', this.id);
    }
    switch (decision.control.kind) {
      case 'call':
        return dc.beginDialog(decision.control.dialog, { params: decision.control.params });
      case 'end':
        return dc.endDialog();
      default:
        return Dialog.EndOfTurn;
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
