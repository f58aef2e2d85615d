/**
 * JsonConversationState (src/engine/dialogAdapter/jsonConversationState.ts): botbuilder's
 * ConversationState contract with a plain-JSON change check. Real botbuilder TurnContexts and
 * MemoryStorage; the storage is wrapped only to count its writes.
 */
import { ActivityTypes, MemoryStorage, StoreItems, TestAdapter, TurnContext } from 'botbuilder';
import { JsonConversationState } from '../../src/engine/dialogAdapter/jsonConversationState';

class CountingStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)));
    return super.write(changes);
  }
}

const adapter = new TestAdapter();
function turn(conversation = 'c1'): TurnContext {
  return new TurnContext(adapter, {
    type: ActivityTypes.Message, text: 'hei', channelId: 'test', conversation: { id: conversation } as never,
    from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' }, serviceUrl: 'http://localhost',
  });
}

/** A state with `count` = `value` saved by one turn. */
async function savedOnce(value: number) {
  const storage = new CountingStorage();
  const state = new JsonConversationState(storage);
  const counter = state.createProperty<number>('count');
  const first = turn();
  await counter.set(first, value);
  await state.saveChanges(first);
  return { storage, state, counter };
}

describe('JsonConversationState', () => {
  test('a changed state is written, an unchanged one is not, and the next turn reads what was written', async () => {
    const { storage, state, counter } = await savedOnce(1);
    expect(storage.writes).toHaveLength(1);

    const second = turn();
    expect(await counter.get(second)).toBe(1);
    await state.saveChanges(second); // read, nothing changed
    expect(storage.writes).toHaveLength(1);

    await counter.set(second, 2);
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(2);
    await state.saveChanges(second); // saved already in this turn: nothing new
    expect(storage.writes).toHaveLength(2);
    expect(await counter.get(turn())).toBe(2);
  });

  test('a change deep inside the state is seen; the eTag alone is not a change', async () => {
    const storage = new CountingStorage();
    const state = new JsonConversationState(storage);
    const nested = state.createProperty<{ stack: { step: string }[] }>('dialogState');
    const first = turn();
    await nested.set(first, { stack: [{ step: 'a' }] });
    await state.saveChanges(first);

    const second = turn();
    (await nested.get(second))!.stack[0]!.step = 'b';
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(2);

    const third = turn();
    const loaded = await state.load(third);
    loaded.eTag = 'something else';
    await state.saveChanges(third);
    expect(storage.writes).toHaveLength(2);
    expect((await nested.get(turn()))!.stack[0]!.step).toBe('b');
  });

  test('force writes even unchanged state; clear makes the next save write an empty state; delete removes it', async () => {
    const { storage, state, counter } = await savedOnce(5);
    const second = turn();
    await state.load(second);
    await state.saveChanges(second, true);
    expect(storage.writes).toHaveLength(2);

    await state.clear(second);
    expect(state.get(second)).toEqual({});
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(3);
    expect(await counter.get(turn())).toBeUndefined();

    const third = turn();
    await counter.set(third, 7);
    await state.saveChanges(third);
    await state.delete(third);
    expect(state.get(third)).toBeUndefined();
    expect(await counter.get(turn())).toBeUndefined();
  });

  test('nothing loaded, nothing saved, unless forced', async () => {
    const storage = new CountingStorage();
    const state = new JsonConversationState(storage);
    await state.saveChanges(turn());
    expect(storage.writes).toHaveLength(0);
    await state.saveChanges(turn(), true);
    expect(storage.writes).toHaveLength(1);
    expect(storage.writes[0]).toEqual({ 'test/conversations/c1/': { eTag: '*' } });
  });
});
