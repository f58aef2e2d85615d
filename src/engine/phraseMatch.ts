/**
 * When a typed message counts as a command phrase: the whole message, or (for phrases of two words
 * or more) a run of its words. The bot uses it at run time and the compiler uses it to refuse
 * choice labels that a command would swallow (DLG021), so the two can never disagree.
 */
import { foldText } from './normaliseText';

export function phraseMatches(foldedMessage: string, phrase: string): boolean {
  const p = foldText(phrase);
  if (!p) return false;
  if (foldedMessage === p) return true;
  return p.includes(' ') && ` ${foldedMessage} `.includes(` ${p} `);
}

/** The (folded) phrase occurs in the (folded) text as whole words. */
export function phraseIn(foldedText: string, foldedPhrase: string): boolean {
  return foldedPhrase.length > 0 && ` ${foldedText} `.includes(` ${foldedPhrase} `);
}
