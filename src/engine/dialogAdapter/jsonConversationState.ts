/**
 * ConversationState with a cheaper change check. botbuilder's BotState hashes the whole state
 * when it loads it and again when it saves it — botbuilder-stdlib's `stringify` (JSON.stringify
 * with a replacer function, V8's slow path) and a SHA-256 each time — and once more after the
 * write, although the write changes nothing that is compared; then the storage serialises it a
 * fourth time. Here the fingerprint is the state's plain JSON: one native stringify at load, one
 * at save (compared as strings), none after the write.
 *
 * The contract is BotState's: the eTag is not compared, a forced save always writes, `clear`
 * makes the next save write, and the cached state is what accessors and `get` see.
 */
import { ConversationState, TurnContext } from 'botbuilder';

const CACHE = Symbol('opastin.conversationState');

interface Cached {
  state: Record<string, unknown>;
  /** The state's JSON (eTag left out) as last read or written; '' = never written. */
  json: string;
}

function jsonOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

export class JsonConversationState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(CACHE) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    context.turnState.set(CACHE, { state, json: jsonOf(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(CACHE) as Cached | undefined;
    if (!cached && !force) return;
    const json = cached ? jsonOf(cached.state) : '';
    if (!force && json === cached!.json) return;
    const key = await this.storageKey(context);
    const saved: Cached = cached ?? { state: {}, json: '' };
    saved.state.eTag = '*';
    await this.storage.write({ [key]: saved.state });
    saved.json = cached ? json : jsonOf(saved.state);
    context.turnState.set(CACHE, saved);
  }

  override async clear(context: TurnContext): Promise<void> {
    context.turnState.set(CACHE, { state: {}, json: '' } satisfies Cached);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(CACHE);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    const cached = context.turnState.get(CACHE) as Cached | undefined;
    return typeof cached === 'object' && typeof cached.state === 'object' ? cached.state : undefined;
  }
}
