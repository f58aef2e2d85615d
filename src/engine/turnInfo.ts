/** Per-turn facts the bot works out once and the dialogs read (kept in TurnContext.turnState). */
import type { TurnContext } from 'botbuilder';
import type { Lang } from '../lang';

const LANG_KEY = Symbol('opastin.lang');

export function setTurnLang(context: TurnContext, lang: Lang): void {
  context.turnState.set(LANG_KEY, lang);
}

export function turnLang(context: TurnContext): Lang {
  return (context.turnState.get(LANG_KEY) as Lang | undefined) ?? 'fi';
}
