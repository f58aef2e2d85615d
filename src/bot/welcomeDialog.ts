/**
 * The foundation's placeholder conversation: a greeting and one choice prompt, enough to prove
 * that the dialog stack round-trips through state storage. The script engine replaces it.
 */
import { ChoiceFactory, ChoicePrompt, ComponentDialog, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Lang, langFromLocale } from './language';

const TEXT = {
  greeting: {
    fi: 'Hei! Olen Opastin. Kerron, mistä saat apua. Mistä haluat puhua?',
    sv: 'Hej! Jag är Opastin. Jag berättar var du får hjälp. Vad vill du prata om?',
    en: 'Hi! I am Opastin. I can tell you where to get help. What would you like to talk about?',
  },
  choices: {
    fi: ['Mielen hyvinvointi', 'Perhe ja lapset', 'Ikääntyminen'],
    sv: ['Psykiskt välmående', 'Familj och barn', 'Äldre'],
    en: ['Mental wellbeing', 'Family and children', 'Older people'],
  },
  chosen: { fi: 'Valitsit: ', sv: 'Du valde: ', en: 'You chose: ' },
} as const;

export const WELCOME_DIALOG = 'welcome';

export class WelcomeDialog extends ComponentDialog {
  constructor() {
    super(WELCOME_DIALOG);
    this.addDialog(new ChoicePrompt('topic'));
    this.addDialog(new WaterfallDialog('steps', [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = 'steps';
  }

  private async ask(step: WaterfallStepContext) {
    const lang: Lang = langFromLocale(step.context.activity.locale) ?? 'fi';
    return step.prompt('topic', {
      prompt: TEXT.greeting[lang],
      choices: ChoiceFactory.toChoices([...TEXT.choices[lang]]),
      style: ListStyle.suggestedAction,
    });
  }

  private async answer(step: WaterfallStepContext<{ value: string }>) {
    const lang: Lang = langFromLocale(step.context.activity.locale) ?? 'fi';
    const choice = step.result as unknown as { value: string };
    await step.context.sendActivity(TEXT.chosen[lang] + choice.value);
    return step.endDialog();
  }
}
