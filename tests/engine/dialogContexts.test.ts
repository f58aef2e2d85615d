/**
 * createDialogContext (src/engine/dialogAdapter/dialogContexts.ts): one botbuilder-dialogs memory
 * configuration for every turn instead of one built per turn, with the memory scopes still
 * reading each turn's own state. Real botbuilder TurnContexts, DialogSet and MemoryStorage.
 */
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, DialogStateManager } from 'botbuilder-dialogs';
import { createDialogContext } from '../../src/engine/dialogAdapter/dialogContexts';

const adapter = new TestAdapter();
function turn(text: string): TurnContext {
  return new TurnContext(adapter, {
    type: ActivityTypes.Message, text, channelId: 'test', conversation: { id: 'c1' } as never,
    from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' },
  });
}

test('every turn after the first reuses the first turn\'s memory configuration, and its scopes read that turn', async () => {
  const dialogs = new DialogSet(new ConversationState(new MemoryStorage()).createProperty('dialogState'));
  const first = await createDialogContext(dialogs, turn('first'));
  const second = await createDialogContext(dialogs, turn('second'));
  const third = await createDialogContext(dialogs, turn('third'));
  expect(second.state.configuration).toBe(first.state.configuration);
  expect(third.state.configuration).toBe(first.state.configuration);
  // What botbuilder itself builds for a fresh turn: the same scopes and resolvers.
  const fresh = new DialogStateManager(await dialogs.createContext(turn('fresh')));
  expect(first.state.configuration.memoryScopes.map((s) => s.name)).toEqual(fresh.configuration.memoryScopes.map((s) => s.name));
  expect(first.state.configuration.pathResolvers.length).toBe(fresh.configuration.pathResolvers.length);
  expect(second.state.getValue('turn.activity.text')).toBe('second');
  expect(third.state.getValue('turn.activity.text')).toBe('third');
  second.state.setValue('turn.note', 2);
  expect(third.state.getValue('turn.note')).toBeUndefined();
});
