/** Per-turn facts the bot works out once and the dialogs read (kept in TurnContext.turnState). */
import type { TurnContext } from 'botbuilder';
import type { Lang } from '../../lang';

const LANG_KEY = Symbol('opastin.lang');
const TEXT_KEY = Symbol('opastin.text');

export function setTurnLang(context: TurnContext, lang: Lang): void {
  context.turnState.set(LANG_KEY, lang);
}

export function turnLang(context: TurnContext): Lang {
  return (context.turnState.get(LANG_KEY) as Lang | undefined) ?? 'fi';
}

/**
 * The words the dialogs answer this turn when they are not the activity's own: a message the
 * resident wrote before the crisis check-in, carried on after they answered "no".
 */
export function setTurnText(context: TurnContext, text: string): void {
  context.turnState.set(TEXT_KEY, text);
}

export function turnText(context: TurnContext): string {
  return ((context.turnState.get(TEXT_KEY) as string | undefined) ?? context.activity.text ?? '').trim();
}

const SCORES_KEY = Symbol('opastin.scores');

/**
 * Questionnaire scores reached in this turn (`score.auditc` → 12), for editors' conversation tests
 * and anonymous statistics of score bands. The scores themselves stay in the dialog's frame only.
 */
export function noteTurnScores(context: TurnContext, scores: Record<string, number>): void {
  if (Object.keys(scores).length === 0) return;
  context.turnState.set(SCORES_KEY, { ...turnScores(context), ...scores });
}

export function turnScores(context: TurnContext): Record<string, number> {
  return (context.turnState.get(SCORES_KEY) as Record<string, number> | undefined) ?? {};
}
