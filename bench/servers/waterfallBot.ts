/**
 * Baseline 2: a bare botbuilder-dialogs bot: a three-prompt waterfall (TextPrompt ×3) with
 * ConversationState on MemoryStorage behind CloudAdapter. The closest "dialogs without Opastin"
 * reference: state read and written every turn, but in memory, no NLU, no ordering.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import express from 'express';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new MemoryStorage());
const dialogState = conversationState.createProperty('dialogState');
const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt('text'));
dialogs.add(
  new WaterfallDialog('three', [
    async (step) => step.prompt('text', 'First question?'),
    async (step) => step.prompt('text', 'Second question?'),
    async (step) => step.prompt('text', 'Third question?'),
    async (step) => {
      await step.context.sendActivity('Thanks, done.');
      return step.endDialog();
    },
  ]),
);

class WaterfallBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('three');
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}
const bot = new WaterfallBot();
const app = express();
app.use(express.json({ limit: '64kb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
