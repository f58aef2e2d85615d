/**
 * The bot's side of the Direct Line channel: a BotAdapter whose replies are appended to the
 * conversation's activity stream (where the WebSocket and polling clients pick them up) instead
 * of being POSTed to a serviceUrl.
 */
import {
  Activity, ActivityTypes, BotAdapter, ConversationReference, ResourceResponse, TurnContext,
} from 'botbuilder';
import { FLUSH_REPLIES } from '../../bot/turnPipeline';
import { TURN_ACQUIRED, TURN_TICKET } from '../../state/turnQueue';
import type { Envelope } from './storedActivity';
import type { Acquired, ActivityStore, StoredPost } from './activityStore';
import { sanitiseOutgoingText } from './sanitise';

export const BOT_ACCOUNT = { id: 'opastin', name: 'Opastin', role: 'bot' } as const;

/** turnState key: how many replies of a resumed turn its first run had already stored. */
const ALREADY_SENT = Symbol('opastin.alreadySent');

/** A turn's replies waiting to be appended together (see `sendActivities`). */
interface PendingReplies {
  conversationId: string;
  envelope?: Pick<Envelope, 'userId' | 'serviceUrl'>;
  /** The post the turn answers, as stored: its replies may be kept with it (one entry a turn). */
  post?: StoredPost;
  activities: Partial<Activity>[];
  /** False once flushed: later sends (an apology after the turn's slot) go straight out. */
  open: boolean;
}

const PENDING = Symbol('opastin.directline.pendingReplies');

/** What the channel knows of a turn before it runs. */
export interface TurnOptions {
  /** The turn-queue place the post's append took. */
  ticket?: string;
  /** The conversation's record: what stored replies leave out. */
  envelope?: Pick<Envelope, 'userId' | 'serviceUrl'>;
  /** What the append's script already read for the turn (lock and state) when nobody was ahead. */
  acquired?: Acquired;
  /** Replies of a resumed turn that its first run had already stored. */
  alreadySent?: number;
  /** The post as its append stored it (Appended.post). */
  post?: StoredPost;
}

export class DirectLineAdapter extends BotAdapter {
  /**
   * `fallback` delivers a reply straight to this process's WebSockets when the store cannot be
   * reached (the apology during a Redis outage); it returns how many sockets got it.
   */
  constructor(
    private readonly store: ActivityStore,
    private readonly fallback: (conversationId: string, activity: Partial<Activity>) => number = () => 0,
  ) {
    super();
  }

  /**
   * Runs one incoming activity through the middleware and `logic` (the turn pipeline).
   * The turn's replies are collected and appended in one step when the pipeline flushes them
   * (FLUSH_REPLIES, before the turn's slot is released) or, at the latest, when the turn ends.
   */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, turn: TurnOptions = {}): Promise<void> {
    const { ticket, envelope, acquired, alreadySent = 0, post } = turn;
    const context = new TurnContext(this, activity);
    if (ticket) context.turnState.set(TURN_TICKET, ticket);
    if (ticket && acquired) context.turnState.set(TURN_ACQUIRED, acquired);
    // A turn run again after its process died (channel.resumeTurn) replays the same decisions on
    // the same state: replies the first run had already stored (an apology or the part before a
    // pause, delivered early) are not stored twice.
    if (alreadySent > 0) context.turnState.set(ALREADY_SENT, { left: alreadySent });
    const pending: PendingReplies = { conversationId: activity.conversation?.id ?? '', envelope, post, activities: [], open: true };
    context.turnState.set(PENDING, pending);
    context.turnState.set(FLUSH_REPLIES, (now?: boolean) => this.flush(pending, false, now));
    try {
      await this.runMiddleware(context, logic);
    } finally {
      await this.flush(pending);
    }
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const pending = context.turnState.get(PENDING) as PendingReplies | undefined;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        // What was said before the pause is shown before it.
        if (pending) await this.flush(pending, true);
        const ms = typeof activity.value === 'number' ? activity.value : 1000;
        await new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 5000)));
        responses.push({ id: '' });
        continue;
      }
      // Traces are for the Emulator; residents never see them.
      if (activity.type === ActivityTypes.Trace || activity.type === 'invokeResponse') {
        responses.push({ id: '' });
        continue;
      }
      const replayed = context.turnState.get(ALREADY_SENT) as { left: number } | undefined;
      if (replayed && replayed.left > 0) {
        replayed.left--;
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const prepared = prepareOutgoing(activity, context.activity);
      if (pending?.open && conversationId === pending.conversationId) {
        // Numbered when the turn's replies are appended together; nothing here uses the id.
        pending.activities.push(prepared);
        responses.push({ id: '' });
        continue;
      }
      const [id] = await this.deliver(conversationId, [prepared], pending?.envelope);
      responses.push({ id });
    }
    return responses;
  }

  /**
   * Appends what the turn has said so far; `keepOpen` keeps collecting after (a pause). Unless
   * `now` (or a pause), the store may leave it to the script that ends the turn (deferAppend).
   */
  private async flush(pending: PendingReplies, keepOpen = false, now = false): Promise<void> {
    pending.open = keepOpen;
    if (pending.activities.length === 0) return;
    const activities = pending.activities.splice(0);
    if (!keepOpen && !now && this.store.deferAppend?.(pending.conversationId, activities, { envelope: pending.envelope, post: pending.post })) return;
    await this.deliver(pending.conversationId, activities, pending.envelope);
  }

  private async deliver(conversationId: string, activities: Partial<Activity>[], envelope?: Pick<Envelope, 'userId' | 'serviceUrl'>): Promise<string[]> {
    try {
      return (await this.store.appendMany(conversationId, activities, { envelope })).ids;
    } catch (err) {
      if ((err as Error).name === 'ConversationNotFoundError') throw err;
      const ids = activities.map((_, i) => `${conversationId}|local-${Date.now()}-${i}`);
      const reached = activities.map((a, i) => this.fallback(conversationId, { ...a, id: ids[i] }));
      if (reached.some((n) => n === 0)) throw err;
      return ids;
    }
  }

  override async updateActivity(): Promise<void> {
    throw new Error('DirectLineAdapter: updating a sent activity is not supported by this channel.');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('DirectLineAdapter: deleting a sent activity is not supported by this channel.');
  }

  /** Proactive turn: `logic` runs with a context whose sends go into the conversation. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.processActivity(activity, logic);
  }
}

/** Fills in what the channel owns: sender, timestamp, reply link; sanitises message text. */
export function prepareOutgoing(activity: Partial<Activity>, incoming?: Partial<Activity>): Partial<Activity> {
  // Only the bot or a counsellor speaks here, never someone posing as the resident ("dl_…").
  const fromId = activity.from?.id && !activity.from.id.startsWith('dl_') ? activity.from.id : BOT_ACCOUNT.id;
  const out: Partial<Activity> = {
    ...activity,
    from: { ...BOT_ACCOUNT, ...(activity.from?.name ? { name: activity.from.name } : {}), id: fromId, role: 'bot' },
    timestamp: new Date(),
    channelId: 'directline',
  };
  if (incoming?.id && !out.replyToId) out.replyToId = incoming.id;
  if (incoming?.from && !out.recipient) out.recipient = { id: incoming.from.id, role: 'user' } as Activity['recipient'];
  if (typeof out.text === 'string') out.text = sanitiseOutgoingText(out.text);
  return out;
}
