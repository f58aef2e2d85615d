/**
 * Builds the "end and delete" eraser for the runtime's storage. With Redis it is one script over
 * every key of the conversation (src/state/conversationEraser.ts). Without Redis each memory store
 * forgets the conversation: the bot state, the Direct Line record and activities, and the handoff
 * record with the resident's messages and any call-back request.
 */
import type Redis from 'ioredis';
import { CHANNEL_ID } from '../channels/directline/channel';
import type { ActivityStore } from '../channels/directline/activityStore';
import type { Handoff } from '../handoff';
import { eraseConversation } from '../state/conversationEraser';
import { STATE_NAMESPACES } from '../state/keys';
import type { StateStorage } from '../state/storeItems';

interface ForgetsConversations {
  forgetConversation(conversationId: string): Promise<void>;
}

function canForget(store: unknown): store is ForgetsConversations {
  return typeof (store as Partial<ForgetsConversations>)?.forgetConversation === 'function';
}

export function conversationEraser(options: {
  redis: Redis | null;
  prefix: string;
  storage: StateStorage;
  store: () => ActivityStore;
  handoff: () => Handoff | null;
}): (conversationId: string) => Promise<boolean> {
  const { redis, prefix } = options;
  // A handoff in progress ends the way a resident's cancel does (the counsellor's console is told,
  // the ending is audited) before its record is erased with everything else.
  const endHandoff = async (conversationId: string): Promise<void> => {
    await options.handoff()?.service.residentDeleted(conversationId).catch(() => undefined);
  };
  if (redis) {
    return async function eraseFromRedis(conversationId) {
      await endHandoff(conversationId);
      return eraseConversation(redis, prefix, conversationId, CHANNEL_ID);
    };
  }
  return async function eraseFromMemory(conversationId) {
    await endHandoff(conversationId);
    const store = options.store();
    const existed = Boolean(await store.get(conversationId));
    await store.delete(conversationId);
    // ConversationState's keys are "<channel>/conversations/<id>/<namespace>".
    await options.storage.delete(STATE_NAMESPACES.map((ns) => `${CHANNEL_ID}/conversations/${conversationId}/${ns}`));
    const handoffStore = options.handoff()?.store;
    if (canForget(handoffStore)) await handoffStore.forgetConversation(conversationId);
    return existed;
  };
}
