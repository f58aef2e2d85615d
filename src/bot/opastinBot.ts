/**
 * The bot's turn logic: load conversation state, run the dialog, save state.
 * Turn ordering, errors and the channel live outside (see channels/ and bot/turnPipeline.ts).
 */
import { ActivityTypes, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import { WelcomeDialog, WELCOME_DIALOG } from './welcomeDialog';

/** Versioned, plain-JSON facts about a conversation that are not the dialog stack. */
export interface ConversationMeta {
  v: 1;
  /** Number of message turns processed; lets tests prove no turn's state was lost. */
  turns: number;
}

export class OpastinBot {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly meta: StatePropertyAccessor<ConversationMeta>;
  private readonly dialogs: DialogSet;

  constructor(private readonly conversationState: ConversationState) {
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.meta = conversationState.createProperty<ConversationMeta>('meta');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new WelcomeDialog());
  }

  async run(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const meta = await this.meta.get(context, { v: 1, turns: 0 });
    meta.turns += 1;
    await this.meta.set(context, meta);

    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(WELCOME_DIALOG);
    await this.conversationState.saveChanges(context);
  }
}
