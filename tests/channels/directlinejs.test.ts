/**
 * Microsoft's own client, botframework-directlinejs, unchanged, against our server listening on
 * a real port with Redis state: polling and WebSocket, a reconnect that loses nothing, and the
 * greeting after conversationUpdate. Microsoft's own test scenarios are in directLineScenarios.test.ts.
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
import { dlRuntime, eventually, listen, Listening, TEST_SECRET } from './helpers';
import { nodeAjax } from './nodeAjax';

// directlinejs decides between WebSocket and polling by looking for a global WebSocket.
const g = globalThis as Record<string, unknown>;
beforeAll(() => {
  g.WebSocket = WebSocket;
});
afterAll(() => {
  delete g.WebSocket;
});

interface Client {
  dl: DirectLine;
  received: Activity[];
  statuses: ConnectionStatus[];
}

function connect(options: ConstructorParameters<typeof DirectLine>[0]): Client {
  const dl = new DirectLine({ ajax: nodeAjax, WebSocket, random: () => 0, ...options } as never);
  const client: Client = { dl, received: [], statuses: [] };
  dl.connectionStatus$.subscribe((s) => client.statuses.push(s));
  // end() ends activity$ with an error ("conversation ended"); unhandled, rxjs would rethrow it.
  dl.activity$.subscribe({ next: (a) => client.received.push(a as Activity), error: () => undefined });
  return client;
}

async function pageToken(server: Listening): Promise<{ token: string; conversationId: string; userId: string; domain: string }> {
  const res = await fetch(`${server.url}/api/chat/token`, { method: 'POST' });
  return (await res.json()) as never;
}

function post(client: Client, activity: Partial<Activity>): Promise<string> {
  return new Promise((resolve, reject) => {
    client.dl.postActivity(activity as never).subscribe({ next: resolve, error: reject });
  });
}

const fromBot = (a: Activity) => a.from?.role === 'bot' && a.type === ActivityTypes.Message;

describe.each([
  ['polling', false],
  ['WebSocket', true],
])('botframework-directlinejs over %s, Redis state', (_name, webSocket) => {
  const runtime = dlRuntime({ redis: true });
  let server: Listening;
  let client: Client | undefined;
  beforeAll(async () => {
    server = await listen(runtime);
  });
  afterEach(() => client?.dl.end());
  afterAll(async () => {
    await server.close();
    await runtime.close();
  });

  it('has a whole conversation: greeting on start, post, echo with channelData, bot reply, suggested action, answer', async () => {
    const issued = await pageToken(server);
    client = connect({ token: issued.token, domain: issued.domain, webSocket: webSocket as boolean, pollingInterval: 200 });
    const c = client;
    // The bot greets on conversationUpdate (POST conversations), before the resident says anything.
    const greeting = await eventually(async () => c.received.find((a) => fromBot(a) && a.suggestedActions));
    expect(greeting.replyToId).toBeUndefined();
    const id = await post(c, { type: 'message', from: { id: 'whoever', name: 'Maija' } as never, text: 'hei', locale: 'fi-FI', channelData: { clientActivityID: 'client-1' } });
    expect(id).toMatch(new RegExp(`^${issued.conversationId}\\|\\d{7}$`));
    await eventually(async () => c.statuses.includes(ConnectionStatus.Online));

    const echo = await eventually(async () => c.received.find((a) => a.id === id));
    expect(echo.from).toEqual({ id: issued.userId, role: 'user' });
    expect(echo.channelData).toEqual({ clientActivityID: 'client-1' });

    const choice = greeting.suggestedActions!.actions[0];
    const second = await post(c, { type: 'message', from: { id: issued.userId } as never, text: String(choice.value), locale: 'fi-FI' });
    const answer = await eventually(async () => c.received.find((a) => fromBot(a) && a.replyToId === second));
    expect(answer.text).toBeTruthy();
    // Every activity arrived once, in order.
    const ids = c.received.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('botframework-directlinejs reconnects after the WebSocket drops, and nothing is lost', () => {
  const runtime = dlRuntime({ redis: true });
  let server: Listening;
  beforeAll(async () => {
    server = await listen(runtime);
  });
  afterAll(async () => {
    await server.close();
    await runtime.close();
  });

  it('gets what was posted while it was disconnected, through a fresh streamUrl', async () => {
    const issued = await pageToken(server);
    const c = connect({ token: issued.token, domain: issued.domain, webSocket: true });
    const first = await post(c, { type: 'message', text: 'hei', locale: 'fi-FI' });
    await eventually(async () => c.received.find((a) => fromBot(a) && a.replyToId === first));

    // The network blips: the server drops every stream; meanwhile a counsellor writes.
    const wss = (runtime.directLine.streams as unknown as { wss: { clients: Set<WebSocket> } }).wss;
    for (const ws of wss.clients) ws.terminate();
    await runtime.directLine.channel.postToConversation(issued.conversationId, { text: 'Viesti katkon aikana' });

    const late = await eventually(async () => c.received.find((a) => a.text === 'Viesti katkon aikana'), 25000);
    expect(late.from?.role).toBe('bot');
    const ids = c.received.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    c.dl.end();
  }, 40000);
});

describe('conversationUpdate on start lets the bot greet first', () => {
  let server: Listening;
  let channel: DirectLineChannel;
  let streams: DirectLineStreams;
  beforeAll(async () => {
    const { log } = capturingLogger();
    const { config } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET });
    const joined: string[] = [];
    const greeter = async (context: TurnContext): Promise<void> => {
      if (context.activity.type !== ActivityTypes.ConversationUpdate) return;
      for (const member of context.activity.membersAdded ?? []) {
        joined.push(member.id);
        if (member.id !== context.activity.recipient.id) await context.sendActivity('Tervetuloa! Olen Opastin.');
      }
    };
    const store = new MemoryActivityStore(60);
    channel = new DirectLineChannel({
      config, store, turnLogic: greeter, queue: new MemoryTurnQueue(), log,
      erase: async (id) => Boolean(await store.get(id)) && (await store.delete(id), true),
    });
    streams = new DirectLineStreams(channel, log);
    const app = express();
    app.use(express.json());
    app.use('/v3/directline', directLineRoutes(channel));
    server = await listen({ app, directLine: { streams } } as never);
  });
  afterAll(async () => {
    await streams.close();
    await server.close();
  });

  it('shows the greeting on the stream without the resident typing anything', async () => {
    const gen = await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { Authorization: `Bearer ${TEST_SECRET}` } });
    const { token } = (await gen.json()) as { token: string };
    const c = connect({ token, domain: `${server.url}/v3/directline`, webSocket: true });
    const greeting = await eventually(async () => c.received.find(fromBot));
    expect(greeting.text).toBe('Tervetuloa! Olen Opastin.');
    expect(greeting.from).toMatchObject({ id: 'opastin', role: 'bot' });
    c.dl.end();
  });
});
