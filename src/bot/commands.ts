/**
 * Global commands (start over, stop, back, help, language, talk to a person), defined in
 * content/commands.yaml and recognised at every step in every language.
 */
import { foldText } from '../engine/normaliseText';
import { phraseMatches as matches } from '../engine/phraseMatch';
import type { CommandPhrases } from '../engine/program';
import { Lang, LANGS } from '../lang';

export type Command = { kind: 'restart' | 'stop' | 'back' | 'help' | 'human' | 'greeting' } | { kind: 'language'; lang: Lang };


export function detectCommand(text: string, commands: CommandPhrases): Command | null {
  const folded = foldText(text);
  if (!folded || folded.split(' ').length > 8) return null; // long messages are content, not commands
  for (const lang of LANGS) {
    if (commands.language[lang].some((p) => matches(folded, p))) return { kind: 'language', lang };
  }
  for (const kind of ['restart', 'stop', 'back', 'help', 'human'] as const) {
    for (const lang of LANGS) if (commands[kind][lang].some((p) => matches(folded, p))) return { kind };
  }
  // Greetings match only the whole message: "hei, minulla on huono olo" is content, not a greeting.
  for (const lang of LANGS) if (commands.greeting[lang].some((p) => foldText(p) === folded)) return { kind: 'greeting' };
  return null;
}
