/**
 * Talks to the real engine in-process, one turn at a time, and hands back what the bot sent.
 * Used by `npm run content:test`, `npm run chat` and the engine tests: the same bot, the same
 * content loading, memory state.
 */
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { JsonConversationState } from '../engine/dialogAdapter/jsonConversationState';
import { OpastinBot } from '../bot/opastinBot';
import type { Lang } from '../lang';
import type { Logger } from '../logging/logger';
import { createLogger } from '../logging/logger';
import { MemoryStateStorage } from '../state/memoryStorage';
import { ContentStore } from '../engine/contentStore';
import { turnScores } from '../engine/dialogAdapter/turnInfo';

export type Reply = Partial<Activity>;

export class ConversationHarness {
  readonly adapter: TestAdapter;
  private lang: Lang;
  /** Questionnaire scores reached in the last turn (for `score:` lines in conversation tests). */
  lastScores: Record<string, number> = {};

  constructor(
    readonly content: ContentStore,
    lang: Lang = 'fi',
    log: Logger = createLogger('silent'),
    conversationId = 'harness',
  ) {
    this.lang = lang;
    const bot = new OpastinBot(new JsonConversationState(new MemoryStateStorage(3600)), content, log, null, true);
    this.adapter = new TestAdapter(async (context) => {
      await bot.run(context);
      this.lastScores = turnScores(context);
    }, {
      channelId: 'test',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    } as Partial<Activity>);
  }

  static fromDirectory(rootDir: string, region = 'demo', lang: Lang = 'fi'): ConversationHarness {
    const log = createLogger('silent');
    const store = new ContentStore(rootDir, region, log);
    store.reload();
    return new ConversationHarness(store, lang, log);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  async say(text: string): Promise<Reply[]> {
    return this.send({ type: ActivityTypes.Message, text });
  }

  async start(dialog = 'main'): Promise<Reply[]> {
    return this.send({ type: ActivityTypes.Event, name: 'opastin.start', value: dialog });
  }

  async send(activity: Partial<Activity>): Promise<Reply[]> {
    await this.adapter.processActivity({ locale: `${this.lang}-FI`, ...activity });
    const replies: Reply[] = [];
    while (this.adapter.activeQueue.length > 0) replies.push(this.adapter.activeQueue.shift()!);
    return replies;
  }
}

export function texts(replies: Reply[]): string[] {
  return replies.filter((r) => r.type === ActivityTypes.Message).map((r) => r.text ?? '');
}

export function offers(replies: Reply[]): string[] {
  return replies.flatMap((r) => r.suggestedActions?.actions.map((a) => String(a.title)) ?? []);
}

export function events(replies: Reply[], name?: string): Reply[] {
  return replies.filter((r) => r.type === ActivityTypes.Event && (!name || r.name === name));
}
