/**
 * The adapter's half of "decide, then do": everything the turn policy needs, looked up once
 * before it decides. Crisis detection comes first, on every message.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import { answerRefs } from '../engine/answers';
import { readAnswerWord } from '../engine/answerWords';
import type { ContentBundle } from '../engine/contentBundle';
import { ScriptDialog, ScriptDialogState } from '../engine/dialogAdapter/scriptDialog';
import { matchChoice, parseYesNoStrict } from '../engine/matchAnswer';
import type { AskStep, Choice } from '../engine/program';
import { foldText } from '../engine/normaliseText';
import { text } from '../engine/render';
import { langFromLocale } from '../lang';
import type { Lang } from '../lang';
import { detectCommand } from './commands';
import type { HandoffPort } from './handoff/handoffPort';
import { readPlace, type PlaceLookup } from './placeFacts';
import type { TurnFacts } from './turn/turnFacts';

const NO_CRISIS: TurnFacts['crisis'] = { level: 'none', kind: null };

/** A phone number or an e-mail address, and nothing much else. */
export function isContact(typed: string): boolean {
  const phone = /^\+?[\d\s()-]{6,20}$/.test(typed) && typed.replace(/\D/g, '').length >= 6;
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(typed);
  return phone || email;
}

/** A plain yes or no to any of the bot's yes/no questions (yes/no, feedback, send/don't send). */
function readYesNo(bundle: ContentBundle, typed: string, lang: Lang): boolean | null {
  const pairs: [string, string][] = [['yesLabel', 'noLabel'], ['feedbackYes', 'feedbackNo'], ['handoffSendLabel', 'handoffDontSendLabel']];
  for (const [yes, no] of pairs) {
    for (const l of [lang, 'fi', 'sv', 'en'] as const) {
      const answer = parseYesNoStrict(typed, { yes: text(bundle, yes, l) || 'yes', no: text(bundle, no, l) || 'no' });
      if (answer !== undefined) return answer;
    }
  }
  return null;
}

/** The question waiting for an answer, if any. */
function waitingQuestion(dc: DialogContext): AskStep | undefined {
  const active = dc.activeDialog ? dc.findDialog(dc.activeDialog.id) : undefined;
  if (!(active instanceof ScriptDialog)) return undefined;
  const step = active.script.steps.get((dc.activeDialog!.state as ScriptDialogState).frame.step);
  return step?.kind === 'ask' ? step : undefined;
}

function offeredChoice(choices: Choice[], typed: string): boolean {
  const folded = foldText(typed);
  return !!typed && choices.some((c) => Object.values(c.label).some((l) => foldText(l) === folded));
}

/** Every dialog on the stack and its current step still exist in the content serving now. */
function stackFits(dc: DialogContext, bundle: ContentBundle): boolean {
  return dc.stack.every((instance) => {
    const script = bundle.program.dialogs.get(instance.id);
    const frame = (instance.state as ScriptDialogState | undefined)?.frame;
    return !!script && !!frame && script.steps.has(frame.step);
  });
}

export async function gatherFacts(
  dc: DialogContext,
  bundle: ContentBundle,
  typed: string,
  lang: Lang,
  handoff: HandoffPort | null,
  options: { crisisAssessed?: boolean; places?: PlaceLookup } = {},
): Promise<TurnFacts> {
  const activity = dc.context.activity;
  const crisis = typed && !options.crisisAssessed ? bundle.nlu.detectCrisis(typed) : null;
  const stack = dc.stack.map((i) => ({ dialog: i.id, frame: (i.state as ScriptDialogState | undefined)?.frame }));
  const inner = [...dc.stack].reverse().find((i) => i.id !== 'main');
  const topic = (inner && bundle.program.dialogs.get(inner.id)?.topic) ?? 'unknown';
  const question = waitingQuestion(dc);
  const choices = question?.choices ?? [];
  return {
    crisis: crisis ? { level: crisis.level, kind: crisis.kind, ...(crisis.aboutOther ? { aboutOther: true } : {}) } : NO_CRISIS,
    command: typed ? detectCommand(typed, bundle.program.commands) : null,
    yesNo: typed ? readYesNo(bundle, typed, lang) : null,
    answer: typed ? readAnswerWord(typed, bundle.program.commands.answers, lang) : null,
    offeredChoice: offeredChoice(choices, typed),
    matchesChoice: !!typed && choices.length > 0 && !!matchChoice(typed, choices, lang, (t, l) => bundle.nlu.stems(t, l)),
    textQuestion: question?.type === 'text',
    place: readPlace(options.places, typed, topic),
    isContact: isContact(typed),
    handoff: handoff ? (await handoff.statusOf(activity.conversation.id)).status : 'unreachable',
    contentVersion: bundle.version,
    stackFits: stackFits(dc, bundle),
    hasDialog: !!dc.activeDialog,
    topic,
    answers: answerRefs(stack, bundle.program),
    hasHumanDialog: bundle.program.dialogs.has('human'),
    localeLang: langFromLocale(activity.locale),
    locale: activity.locale ?? null,
    detectedLang: typed ? bundle.nlu.detectLanguage(typed) : 'fi',
  };
}
