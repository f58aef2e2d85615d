/**
 * Every Redis key that belongs to one conversation, named in one place.
 *
 * All of them carry the hash tag `{<conversation id>}`, so on Redis Cluster they live in one slot:
 * a script may touch several of them at once (append + enqueue, "end and delete"), and deleting a
 * conversation is one DEL of a list of keys known in advance — no SCAN, no pattern, nothing a
 * crafted id could widen. Keys shared by many conversations (queue indexes, the audit stream,
 * console sessions) are outside the tag and never hold a resident's words.
 *
 *   <prefix>conv:{<id>}:state:<channel>/<ns>  bot conversation state (botbuilder ConversationState)
 *   <prefix>conv:{<id>}:turnq                 turn queue (list of turn tokens, head = running turn)
 *   <prefix>conv:{<id>}:turnl                 turn leases (hash token → lease end, epoch ms)
 *   <prefix>conv:{<id>}:turnp                 accepted turns another process can take over (hash
 *                                             token → "<recoveries>:<what to run>", see turnRecovery.ts)
 *   <prefix>conv:{<id>}:dl:meta               Direct Line record (hash; also the stream tokens used)
 *   <prefix>conv:{<id>}:dl:log                Direct Line activities (list, one compact entry per turn)
 *   <prefix>conv:{<id>}:dl:stream, dl:ws      the same before the list (still erased: older data)
 *   <prefix>conv:{<id>}:handoff               handoff record, with the resident's messages
 *   <prefix>conv:{<id>}:contact               call-back request (phone or e-mail)
 */

/** The botbuilder namespaces this service stores per conversation ("" is ConversationState's default). */
export const STATE_NAMESPACES = [''] as const;

export interface ConversationKeys {
  /** What every key of the conversation starts with (`<prefix>conv:{<id>}:`). */
  base: string;
  state(channelId: string, namespace?: string): string;
  turnQueue: string;
  turnLeases: string;
  turnPending: string;
  dlMeta: string;
  dlLog: string;
  /** Older layout (a Redis Stream and a hash of used stream tokens): only erased. */
  dlStream: string;
  dlSockets: string;
  handoff: string;
  contact: string;
}

export function conversationKeys(prefix: string, conversationId: string): ConversationKeys {
  const base = `${prefix}conv:{${conversationId}}:`;
  return {
    base,
    state: (channelId, namespace = '') => `${base}state:${channelId}/${namespace}`,
    turnQueue: `${base}turnq`,
    turnLeases: `${base}turnl`,
    turnPending: `${base}turnp`,
    dlMeta: `${base}dl:meta`,
    dlLog: `${base}dl:log`,
    dlStream: `${base}dl:stream`,
    dlSockets: `${base}dl:ws`,
    handoff: `${base}handoff`,
    contact: `${base}contact`,
  };
}

/** Every key of the conversation on a channel: what "end and delete" removes, in one DEL. */
export function allConversationKeys(prefix: string, conversationId: string, channelId: string): string[] {
  const k = conversationKeys(prefix, conversationId);
  return [
    ...STATE_NAMESPACES.map((ns) => k.state(channelId, ns)),
    k.turnQueue, k.turnLeases, k.turnPending, k.dlMeta, k.dlLog, k.dlStream, k.dlSockets, k.handoff, k.contact,
  ];
}

/**
 * botbuilder storage key → Redis key. ConversationState's keys
 * (`<channel>/conversations/<id>/<namespace>`) go under the conversation's tag; anything else
 * (user state, which this service does not use) under `<prefix>state:`.
 */
export function stateKey(prefix: string, storageKey: string): string {
  const match = /^([^/]+)\/conversations\/(.+)\/([^/]*)$/.exec(storageKey);
  if (match) return conversationKeys(prefix, match[2]).state(match[1], match[3]);
  return `${prefix}state:${storageKey}`;
}

/** Keys shared by many conversations (never a resident's words). */
export function sharedKeys(prefix: string) {
  return {
    turnEndedChannel: `${prefix}turn-ended`,
    /** Direct Line appends, published by the append script: `<hub id> <stream key>`. */
    dlAppendedChannel: `${prefix}dl-appended`,
    /** Conversations with queued turns (zset, score = when to check for an orphan, epoch ms): the sweep's index. */
    turnsOpen: `${prefix}turns:open`,
    handoffQueue: (queueId: string) => `${prefix}handoff:queue:${queueId}`,
    handoffActive: (queueId: string) => `${prefix}handoff:active:${queueId}`,
    handoffContacts: (queueId: string) => `${prefix}handoff:contacts:${queueId}`,
  };
}
