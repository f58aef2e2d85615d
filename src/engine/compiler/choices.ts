/**
 * Choices must be told apart after the tolerant folding that typed answers get, and must not be
 * swallowed by a global command ("apua" as both a label and the help command).
 */
import type { CommandPhrases, DialogScript } from '../program';
import { foldText } from '../normaliseText';
import { phraseMatches } from '../phraseMatch';
import type { SourcePosition } from '../../content/diagnostic';
import type { Diagnostics } from './source';

export function checkChoices(script: DialogScript, positions: Map<string, SourcePosition[]>, commands: CommandPhrases | undefined, diags: Diagnostics): void {
  const commandPhrases: [string, string][] = [];
  if (commands) {
    for (const name of ['restart', 'stop', 'back', 'help', 'human', 'language'] as const) {
      for (const list of Object.values(commands[name])) for (const p of list) commandPhrases.push([p, name]);
    }
  }
  // The same rule the bot applies at run time: whole message, or a multi-word phrase inside it.
  const commandFor = (folded: string) => commandPhrases.find(([p]) => phraseMatches(folded, p))?.[1];
  for (const step of script.steps.values()) {
    if (step.kind !== 'ask') continue;
    const pos = positions.get(step.id) ?? [];
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const seen = new Map<string, string>();
      step.choices.forEach((choice, i) => {
        const folded = foldText(choice.label[lang]);
        const at = pos[i] ?? script.positions.get(step.id)!;
        const earlier = seen.get(folded);
        if (earlier && earlier !== choice.id) {
          diags.add(at, 'DLG019', `expected the ${lang} labels of choices "${earlier}" and "${choice.id}" to differ, found both read as "${folded}"`,
            'typed answers ignore case and å/ä/ö, so residents could not tell them apart');
        }
        seen.set(folded, choice.id);
        const command = commandFor(folded);
        if (command) {
          diags.add(at, 'DLG021', `expected the ${lang} label "${choice.label[lang]}" not to be a global command, found it is the "${command}" command`,
            'reword the label; the command would always win');
        }
      });
    }
  }
}
