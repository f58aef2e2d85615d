/**
 * Simulated residents. Each one walks a conversation the way people do: a greeting, a tap on one
 * of the offered choices, now and then a sentence in their own words (which goes through the NLU
 * and the crisis check), then a new conversation after `turnsPerConversation` turns.
 *
 * Two transports: Bot Framework `/api/messages` with `deliveryMode: expectReplies` (the replies
 * come back in the response), and Direct Line (POST the activity, the reply arrives on the
 * conversation's WebSocket).
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { JsonClient } from './http';

interface Reply {
  type?: string;
  text?: string;
  replyToId?: string;
  from?: { role?: string };
  suggestedActions?: { actions: { title?: string; value?: unknown }[] };
}

/** What residents type in their own words (no personal data; a few typos and missing ä/ö). */
const FREE_TEXT = [
  'en jaksa enaa toissa ja nukun huonosti',
  'mulla on ollu tosi paha olo viime aikoina',
  'juon liikaa viinaa viikonloppuisin',
  'äitini ei pärjää enää yksin kotona',
  'lapsi ei nuku ja olen ihan lopussa',
  'jag mår inte bra och orkar inte',
  'i have had a fever and a cough for three days',
  'kuumetta ja kurkku kipee',
  'en tiedä kenelle soittaa',
  'puoliso huutaa ja pelottaa',
];

/** A small deterministic generator, so runs are comparable (one for the whole project). */
export { seededRandom } from '../../src/seededRandom';

export interface Resident {
  /** One turn: send, and resolve once the reply has been received. */
  turn(): Promise<void>;
  close(): void;
  /** The conversation the resident is in now (the bench counts that conversation's Redis work). */
  conversation(): string;
}

abstract class Walker {
  protected turnNo = 0;
  protected choices: string[] = [];

  constructor(protected readonly random: () => number, protected readonly turnsPerConversation: number) {}

  /** The next text: greeting first, mostly a choice when offered, otherwise free text. */
  protected nextText(): string {
    if (this.turnNo === 0) return 'hei';
    if (this.choices.length > 0 && this.random() < 0.75) return this.choices[Math.floor(this.random() * this.choices.length)];
    return FREE_TEXT[Math.floor(this.random() * FREE_TEXT.length)];
  }

  protected learn(replies: Reply[]): void {
    const offered = replies.flatMap((r) => r.suggestedActions?.actions ?? []).map((a) => String(a.value ?? a.title ?? ''));
    // Keep away from commands that end or leave the dialog: the walk stays inside the dialogs.
    this.choices = offered.filter((c) => c && !/ihminen|työntekijä|person|human|lopeta|avsluta|end/i.test(c));
  }
}

export class ApiResident extends Walker implements Resident {
  private conversationId = randomUUID();

  conversation(): string {
    return this.conversationId;
  }

  constructor(private readonly client: JsonClient, random: () => number, turnsPerConversation: number) {
    super(random, turnsPerConversation);
  }

  async turn(): Promise<void> {
    if (this.turnNo >= this.turnsPerConversation) {
      this.conversationId = randomUUID();
      this.turnNo = 0;
      this.choices = [];
    }
    const activity = {
      type: 'message', id: randomUUID(), channelId: 'bench', serviceUrl: 'http://localhost:9',
      conversation: { id: this.conversationId }, from: { id: 'resident' }, recipient: { id: 'bot' },
      text: this.nextText(), locale: 'fi-FI', deliveryMode: 'expectReplies',
    };
    const res = await this.client.request<{ activities?: Reply[] }>('POST', '/api/messages', activity);
    if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
    this.learn(res.body?.activities ?? []);
    this.turnNo++;
  }

  close(): void {}
}

export class DirectLineResident extends Walker implements Resident {
  private ws: WebSocket | null = null;
  private token = '';
  private conversationId = '';
  private readonly received: Reply[] = [];

  conversation(): string {
    return this.conversationId;
  }
  private waiting: { id: string; resolve: () => void } | null = null;

  constructor(private readonly client: JsonClient, private readonly base: string, random: () => number, turnsPerConversation: number) {
    super(random, turnsPerConversation);
  }

  private async start(): Promise<void> {
    this.close();
    const issued = await this.client.request<{ token: string; conversationId: string }>('POST', '/api/chat/token');
    if (issued.status !== 200) throw new Error(`/api/chat/token answered ${issued.status}`);
    ({ token: this.token, conversationId: this.conversationId } = issued.body);
    const started = await this.client.request<{ streamUrl: string }>('POST', '/v3/directline/conversations', undefined, { authorization: `Bearer ${this.token}` });
    if (started.status !== 201 && started.status !== 200) throw new Error(`conversations answered ${started.status}`);
    const ws = new WebSocket(started.body.streamUrl.replace(/^ws:\/\/[^/]+/, this.base.replace(/^http/, 'ws')));
    this.ws = ws;
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      const frame = JSON.parse(text) as { activities: Reply[] };
      for (const a of frame.activities) {
        if (a.from?.role !== 'bot') continue;
        this.received.push(a);
        if (this.waiting && a.replyToId === this.waiting.id) this.waiting.resolve();
      }
    });
    await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
    this.turnNo = 0;
    this.choices = [];
  }

  async turn(): Promise<void> {
    if (!this.ws || this.turnNo >= this.turnsPerConversation) await this.start();
    this.received.length = 0;
    const text = this.nextText();
    let replied!: () => void;
    const reply = new Promise<void>((resolve) => (replied = resolve));
    const res = await this.client.request<{ id: string }>('POST', `/v3/directline/conversations/${this.conversationId}/activities`,
      { type: 'message', from: { id: 'resident' }, text, locale: 'fi-FI' }, { authorization: `Bearer ${this.token}` });
    if (res.status !== 200) throw new Error(`post answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
    if (!this.received.some((a) => a.replyToId === res.body.id)) {
      this.waiting = { id: res.body.id, resolve: replied };
      await reply;
      this.waiting = null;
    }
    this.learn(this.received.filter((a) => a.replyToId === res.body.id));
    this.turnNo++;
  }

  close(): void {
    this.ws?.terminate();
    this.ws = null;
  }
}
