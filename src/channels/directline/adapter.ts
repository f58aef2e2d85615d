/**
 * The bot's side of the Direct Line channel: a BotAdapter whose replies are appended to the
 * conversation's activity stream (where the WebSocket and polling clients pick them up) instead
 * of being POSTed to a serviceUrl.
 */
import {
  Activity, ActivityTypes, BotAdapter, ConversationReference, ResourceResponse, TurnContext,
} from 'botbuilder';
import { TURN_TICKET } from '../../state/turnQueue';
import type { ActivityStore } from './activityStore';
import { sanitiseOutgoingText } from './sanitise';

export const BOT_ACCOUNT = { id: 'opastin', name: 'Opastin', role: 'bot' } as const;

/** turnState key: how many replies of a resumed turn its first run had already stored. */
const ALREADY_SENT = Symbol('opastin.alreadySent');

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
   * Runs one incoming activity through the middleware and `logic` (the turn pipeline);
   * `turnTicket` is the turn-queue place its append took.
   */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, turnTicket?: string, alreadySent = 0): Promise<void> {
    const context = new TurnContext(this, activity);
    if (turnTicket) context.turnState.set(TURN_TICKET, turnTicket);
    // A turn run again after its process died (channel.resumeTurn) replays the same decisions on
    // the same state: the replies the first run had already stored are not stored twice.
    if (alreadySent > 0) context.turnState.set(ALREADY_SENT, { left: alreadySent });
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
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
      try {
        const { id } = await this.store.append(conversationId, prepared);
        responses.push({ id });
      } catch (err) {
        if ((err as Error).name === 'ConversationNotFoundError') throw err;
        const id = `${conversationId}|local-${Date.now()}`;
        if (this.fallback(conversationId, { ...prepared, id }) === 0) throw err;
        responses.push({ id });
      }
    }
    return responses;
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
