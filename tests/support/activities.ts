/** Builds Bot Framework activities the way the Emulator or a channel would post them. */
import { randomUUID } from 'node:crypto';

export interface TestActivity {
  type: string;
  id: string;
  channelId: string;
  serviceUrl: string;
  conversation: { id: string };
  from: { id: string };
  recipient: { id: string };
  text?: string;
  locale?: string;
  deliveryMode?: string;
  value?: unknown;
  name?: string;
}

export function messageActivity(conversationId: string, text: string, extra: Partial<TestActivity> = {}): TestActivity {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'test',
    serviceUrl: 'http://localhost:9',
    conversation: { id: conversationId },
    from: { id: 'resident' },
    recipient: { id: 'opastin' },
    text,
    locale: 'fi-FI',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}
