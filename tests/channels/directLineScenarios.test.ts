/**
 * The scenarios of Microsoft's own DirectLineJS test suite (BotFramework-DirectLineJS,
 * `__tests__/happy.*.js` and `unhappy.*.js`), written again here against our channel: the same
 * client (botframework-directlinejs, unchanged), the same checks, REST polling and WebSocket,
 * secret and token. Their suite talks to a test bot on Azure (dljstestbot) that says "Welcome"
 * ("欢迎" for zh-CN) on conversationUpdate and echoes each message with
 * `channelData.originalActivity`; SCENARIO_BOT below does the same. Scenarios that test Azure-only
 * features are listed with the reason in docs/direct-line.md.
 */
import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import express from 'express';
import WebSocket from 'ws';
import { DirectLineChannel } from '../../src/channels/directline';
import { loadDirectLineConfig } from '../../src/channels/directline/config';
import { MemoryActivityStore } from '../../src/channels/directline/memoryActivityStore';
import { directLineRoutes } from '../../src/channels/directline/routes';
import { DirectLineStreams } from '../../src/channels/directline/webSocket';
import { MemoryTurnQueue } from '../../src/state/memoryTurnQueue';
import { capturingLogger } from '../support/runtime';
import { eventually, listen, Listening, TEST_SECRET } from './helpers';
import { nodeAjax } from './nodeAjax';

/** Their constants.json: the user id they put into generated tokens and posted activities. */
const DEFAULT_USER_ID = 'dl_12345';

async function SCENARIO_BOT(context: TurnContext): Promise<void> {
  const a = context.activity;
  if (a.type === ActivityTypes.ConversationUpdate && (a.membersAdded ?? []).some((m) => m.id !== a.recipient.id)) {
    await context.sendActivity(a.locale === 'zh-CN' ? '欢迎' : 'Welcome');
  } else if (a.type === ActivityTypes.Message) {
    await context.sendActivity({ type: 'message', text: `Echo: ${a.text}`, channelData: { originalActivity: a } });
  }
}

const g = globalThis as Record<string, unknown>;
let server: Listening;
let streams: DirectLineStreams;
/** Their forwarder that starts answering 404 after the client has connected. */
let answer404 = false;

beforeAll(async () => {
  g.WebSocket = WebSocket; // directlinejs picks WebSocket or polling by looking for the global
  const { log } = capturingLogger();
  const { config } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET, DIRECT_LINE_KEEPALIVE_MS: '200' });
  const store = new MemoryActivityStore(60);
  const channel = new DirectLineChannel({
    config, store, turnLogic: SCENARIO_BOT, queue: new MemoryTurnQueue(), log,
    erase: async (id) => Boolean(await store.get(id)) && (await store.delete(id), true),
  });
  streams = new DirectLineStreams(channel, log);
  const app = express();
  app.use(express.json());
  app.use('/v3/directline', (req, res, next) => (answer404 && req.method !== 'OPTIONS' ? res.status(404).end() : next()));
  app.use('/v3/directline', directLineRoutes(channel));
  server = await listen({ app, directLine: { streams } } as never);
});
afterAll(async () => {
  delete g.WebSocket;
  await streams.close();
  await server.close();
});

const domain = () => `${server.url}/v3/directline`;
const open: DirectLine[] = [];
afterEach(() => {
  answer404 = false;
  for (const dl of open.splice(0)) dl.end();
});

/** Their setup/createDirectLine.js: forREST / forWebSocket, with the secret or a generated token. */
async function createDirectLine(transport: 'REST' | 'WebSocket', auth: 'secret' | 'token', merge: Record<string, unknown> = {}): Promise<DirectLine> {
  let credentials: Record<string, string> = { secret: TEST_SECRET };
  if (auth === 'token') {
    // As their generateDirectLineToken: the capitalised body the real service accepts.
    const res = await fetch(`${domain()}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ User: { Id: DEFAULT_USER_ID } }),
    });
    expect(res.status).toBe(200);
    credentials = { token: ((await res.json()) as { token: string }).token };
  }
  const dl = new DirectLine({ ajax: nodeAjax, WebSocket, domain: domain(), webSocket: transport === 'WebSocket', pollingInterval: 200, ...credentials, ...merge } as never);
  open.push(dl);
  return dl;
}

/** Their waitForBotToRespond: resolves with the first activity on activity$ that matches. */
function waitForActivity(dl: DirectLine, predicate: (a: Activity) => boolean): Promise<Activity> {
  return new Promise((resolve, reject) => {
    const sub = dl.activity$.subscribe({
      next: (a) => {
        if (predicate(a as Activity)) {
          sub.unsubscribe();
          resolve(a as Activity);
        }
      },
      error: reject,
    });
  });
}

/** Their waitForConnected. */
async function waitForConnected(dl: DirectLine): Promise<void> {
  const keep = dl.activity$.subscribe({ error: () => undefined });
  await new Promise<void>((resolve) => {
    const sub = dl.connectionStatus$.subscribe((s) => {
      if (s === ConnectionStatus.Online) {
        resolve();
        setTimeout(() => sub.unsubscribe());
      }
    });
  });
  open.length && setTimeout(() => keep.unsubscribe(), 0);
}

/** Their setup/postActivity.js: posts with a random channelData.clientActivityId and waits for the echo of it. */
async function postActivity(dl: DirectLine, activity: Partial<Activity>): Promise<string> {
  const clientActivityId = Math.random().toString(36).slice(2);
  const full = { ...activity, from: { id: activity.from?.id ?? DEFAULT_USER_ID }, channelData: { ...activity.channelData, clientActivityId } };
  const echoed = waitForActivity(dl, (a) => (a.channelData as { clientActivityId?: string } | undefined)?.clientActivityId === clientActivityId);
  const id = new Promise<string>((resolve, reject) => dl.postActivity(full as never).subscribe({ next: resolve, error: reject }));
  const [activityId] = await Promise.all([id, echoed]);
  return activityId;
}

const isEchoOf = (text: string) => (a: Activity) => (a.channelData as { originalActivity?: Activity } | undefined)?.originalActivity?.text === text;
const both = [['REST', 'secret'], ['REST', 'token'], ['WebSocket', 'secret'], ['WebSocket', 'token']] as const;

describe('happy.conversationUpdate: the welcome message on start', () => {
  it.each([['REST'], ['WebSocket']] as const)('using %s with token', async (transport) => {
    const dl = await createDirectLine(transport, 'token');
    expect((await waitForActivity(dl, (a) => a.text === 'Welcome')).from).toMatchObject({ role: 'bot' });
  });
});

describe('happy.localeOnStartConversation: the welcome in the locale given at start', () => {
  it.each([
    ['REST', undefined, 'Welcome'], ['REST', {}, 'Welcome'], ['REST', { locale: 'en-US' }, 'Welcome'], ['REST', { locale: 'zh-CN' }, '欢迎'],
    ['WebSocket', undefined, 'Welcome'], ['WebSocket', {}, 'Welcome'], ['WebSocket', { locale: 'en-US' }, 'Welcome'], ['WebSocket', { locale: 'zh-CN' }, '欢迎'],
  ] as const)('using %s with conversationStartProperties %j', async (transport, props, welcome) => {
    const dl = await createDirectLine(transport, 'token', props ? { conversationStartProperties: props } : {});
    await waitForActivity(dl, (a) => a.text === welcome);
  });
});

describe('unhappy.invalidLocaleOnStartConversation: a locale that is not a string still gets the welcome', () => {
  it.each([['REST'], ['WebSocket']] as const)('using %s', async (transport) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dl = await createDirectLine(transport, 'token', { conversationStartProperties: { locale: { x: 'test' } } });
    await waitForActivity(dl, (a) => a.text === 'Welcome');
    warn.mockRestore();
  });
});

describe('happy.postActivity: connect, send a message, get the echo from the bot', () => {
  it.each(both)('using %s with %s', async (transport, auth) => {
    const dl = await createDirectLine(transport, auth);
    await waitForConnected(dl);
    await Promise.all([postActivity(dl, { text: 'Hello, World!', type: 'message' }), waitForActivity(dl, isEchoOf('Hello, World!'))]);
  });
});

describe('happy.userIdOnStartConversation: setUserId before connecting (secret)', () => {
  it.each([['REST'], ['WebSocket']] as const)('using %s', async (transport) => {
    const dl = await createDirectLine(transport, 'secret');
    dl.setUserId('u_test');
    await waitForActivity(dl, (a) => a.text === 'Welcome');
  });
});

describe('happy.replaceActivityFromId: the user id given at start is the one activities carry', () => {
  it.each([['REST'], ['WebSocket']] as const)('using %s', async (transport) => {
    const dl = await createDirectLine(transport, 'secret');
    dl.setUserId('u_test');
    const [, echoed] = await Promise.all([postActivity(dl, { text: 'Hello, World!', type: 'message' }), waitForActivity(dl, (a) => a.from?.id === 'u_test')]);
    expect(echoed.from).toMatchObject({ id: 'u_test', role: 'user' });
  });
});

describe('unhappy.setUserIdAfterConnect: the user id cannot change once connected', () => {
  it.each([['REST'], ['WebSocket']] as const)('using %s', async (transport) => {
    const dl = await createDirectLine(transport, 'secret');
    await waitForConnected(dl);
    expect(() => dl.setUserId('e_test')).toThrow('DirectLineJS: It is connected, we cannot set user id.');
  });
});

describe('unhappy.postActivityFatalAfterConnect: the channel answers 404 after connecting', () => {
  it.each(both)('using %s with %s: postActivity fails', async (transport, auth) => {
    const dl = await createDirectLine(transport, auth);
    await waitForConnected(dl);
    await Promise.all([postActivity(dl, { text: 'Hello, World!', type: 'message' }), waitForActivity(dl, isEchoOf('Hello, World!'))]);
    answer404 = true;
    await expect(postActivity(dl, { text: 'Should not be sent', type: 'message' })).rejects.toBeTruthy();
  });
});

describe('unhappy.brokenWebSocket: a WebSocket that always breaks', () => {
  it('reconnects only once for every error', async () => {
    let reconnections = 0;
    let errors = 0;
    class BrokenWebSocket {
      onclose: (() => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      onopen: (() => void) | null = null;
      onmessage: (() => void) | null = null;
      constructor() {
        reconnections++;
        setTimeout(() => {
          errors++;
          this.onerror?.(new Error('artificial'));
          this.onclose?.();
        }, 10);
      }
      close(): void {}
      send(): void {}
    }
    const dl = new DirectLine({ ajax: nodeAjax, WebSocket: BrokenWebSocket, domain: domain(), webSocket: true, secret: TEST_SECRET } as never);
    open.push(dl);
    (dl as unknown as { getRetryDelay: () => number }).getRetryDelay = () => 0;
    const sub = dl.activity$.subscribe({ error: () => undefined });
    await eventually(async () => reconnections >= 5, 5000);
    sub.unsubscribe();
    expect(Math.abs(reconnections - errors)).toBeLessThanOrEqual(1);
  });
});
