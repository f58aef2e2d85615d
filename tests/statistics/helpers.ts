/** Scripted resident conversations over Direct Line, for the statistics tests. */
import request from 'supertest';
import type { Runtime } from '../../src/server/runtime';
import { startConversation } from '../channels/helpers';

type App = Runtime['app'] | string;

export interface Conversation {
  conversationId: string;
  /** Posts one message (or event) and resolves when its turn is done. */
  say(text: string): Promise<void>;
  /** Every activity in the conversation so far. */
  activities(): Promise<{ type: string; name?: string; value?: unknown; text?: string; from: { role?: string } }[]>;
}

export async function openConversation(app: App, locale = 'fi-FI', channelData?: Record<string, unknown>): Promise<Conversation> {
  const c = await startConversation(app as Runtime['app'], locale);
  const auth = { Authorization: `Bearer ${c.token}` };
  const post = (body: Record<string, unknown>) =>
    request(app as Runtime['app']).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth).send({ from: { id: c.userId }, locale, ...(channelData ? { channelData } : {}), ...body }).expect(200);
  await post({ type: 'event', name: 'webchat/join', value: {} });
  return {
    conversationId: c.conversationId,
    async say(text: string) {
      await post({ type: 'message', text });
    },
    async activities() {
      const { body } = await request(app as Runtime['app']).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth).expect(200);
      return body.activities;
    },
  };
}

/** Opens a conversation and says each line in turn. */
export async function converse(app: App, lines: string[], locale = 'fi-FI'): Promise<Conversation> {
  const conversation = await openConversation(app, locale);
  for (const line of lines) await conversation.say(line);
  return conversation;
}

/** The scripted paths of a day, with what each one adds to the statistics. */
export const PATHS = {
  /** Mental health, young adult, routed to the youth service, feedback "yes". */
  youthRoute: ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän', 'Kyllä, oli'],
  /** Leaves at the second question of mental-health. */
  dropAtWho: ['Mieli ja jaksaminen'],
  /** Crisis from the menu text. */
  crisisText: ['haluan tappaa itseni'],
};
