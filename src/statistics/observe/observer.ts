/**
 * Watches turns and handoff deliveries without changing them, and feeds both the operational
 * metrics and the day aggregates. Two wrappers around the turn: the outer one around the turn
 * pipeline (latency, errors, apologies, outgoing activities), the inner one around the bot's
 * logic inside the conversation's turn-queue slot (queue wait, state before and after).
 *
 * A turn's counters are added to this process's batch and written at most FLUSH_MS later, one
 * MULTI for all turns of that second, instead of one MULTI per turn (a Redis round trip a turn
 * saved; under load, hundreds of turns share one write). Sums stay exact across processes
 * (HINCRBY). A write that fails or times out is counted and its counts go back into the batch
 * for the next write; what a crashed process had not written yet (at most FLUSH_MS worth) is
 * lost. Shutdown and tests (`settled()`) write at once.
 */
import type { BotState, TurnContext } from 'botbuilder';
import type { ContentBundle } from '../../engine/contentBundle';
import type { ContentStore } from '../../engine/contentStore';
import { parseYesNo } from '../../engine/matchAnswer';
import type { Logger } from '../../logging/logger';
import type { OpastinMetrics } from '../../metrics/registry';
import { cleanChannel, cleanCrisisKind, countersOf, dayOf, KnownIds, StatFact } from '../facts';
import { DayCounts, mergeCounts, StatisticsStore } from '../store/store';
import { handoffDeliveryFacts } from './deliveryFacts';
import { snapshotOf, StateSnapshot } from './snapshot';
import { isCheckIn, isCrisisResponse, SentActivity, turnFacts } from './turnFacts';

type TurnLogic = (context: TurnContext) => Promise<void>;
type Deliver = (conversationId: string, activity: Record<string, unknown>) => Promise<unknown>;

const PROBE = Symbol('opastin.statistics.probe');
const WRITE_TIMEOUT_MS = 1000;
/** How long a turn's counters may wait in the batch. */
export const FLUSH_MS = 1000;
const ACTIVITY_TYPES = new Set(['message', 'event', 'conversationUpdate', 'invoke', 'typing', 'endOfConversation', 'messageReaction']);

interface Probe {
  sent: SentActivity[];
  logicStarted: boolean;
  /** How many activities had been sent when the logic threw (-1: it did not throw). */
  failedAt: number;
  before: StateSnapshot | null;
  after: StateSnapshot | null;
  /** When the pipeline received the activity: the logic's start minus this is the queue wait. */
  startedAt: bigint;
}

export interface ObserverOptions {
  metrics: OpastinMetrics;
  store: StatisticsStore;
  content: ContentStore;
  conversationState: BotState;
  regions: string[];
  defaultRegion: string;
  timeZone: string;
  log: Logger;
  clock?: () => Date;
}

export class TurnObserver {
  private readonly knownByBundle = new WeakMap<ContentBundle, KnownIds>();
  /** Set once the handoff service exists: the handoff record, for the accepted wait. */
  handoffTimes: ((conversationId: string) => Promise<{ requestedAt: number; acceptedAt?: number } | null>) | null = null;
  /** Set once the chat channel exists: the activity just before one in a conversation. */
  previousActivity: ((conversationId: string, activityId: string) => Promise<{ channelData?: unknown } | null>) | null = null;
  private pending = new Set<Promise<void>>();
  /** Counters not yet written, per day. */
  private batch = new Map<string, DayCounts>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly o: ObserverOptions) {}

  /** Outer wrapper: around the whole turn pipeline. */
  aroundPipeline(pipeline: TurnLogic): TurnLogic {
    return async (context) => {
      const started = process.hrtime.bigint();
      const probe: Probe = { sent: [], logicStarted: false, failedAt: -1, before: null, after: null, startedAt: started };
      context.turnState.set(PROBE, probe);
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) probe.sent.push(a.type === 'event' ? { type: a.type, name: a.name, value: a.value } : { type: a.type });
        return next();
      });
      await pipeline(context);
      const channel = cleanChannel(context.activity.channelId);
      const m = this.o.metrics;
      m.turns.inc({ channel, type: ACTIVITY_TYPES.has(context.activity.type) ? context.activity.type : 'other' });
      m.turnSeconds.observe({ channel }, Number(process.hrtime.bigint() - started) / 1e9);
      if (context.activity.conversation?.id) m.sawConversation(context.activity.conversation.id);
      // The pipeline swallows the failure and apologises: the logic threw or never got its turn.
      const failed = probe.failedAt >= 0 || !probe.logicStarted;
      if (failed) {
        m.turnErrors.inc({ channel });
        const after = probe.sent.slice(Math.max(0, probe.failedAt));
        if (after.some((a) => a.type === 'message')) m.apologies.inc({ channel });
      }
      for (const a of probe.sent) {
        if (isCheckIn(a)) m.crisisCheckins.inc();
        else if (isCrisisResponse(a)) m.crisisResponses.inc({ kind: cleanCrisisKind((a.value as { kind?: unknown } | undefined)?.kind) });
      }
      const bundle = this.o.content.current();
      if (!bundle) return;
      const channelData = context.activity.channelData as { region?: unknown } | undefined;
      const typed = (context.activity.text ?? '').trim();
      const afterHandoffFeedbackQuestion = await this.answersHandoffFeedback(context, bundle, typed, probe);
      const facts = turnFacts(
        { channelId: context.activity.channelId, regionHint: channelData?.region, typed, before: probe.before, after: probe.after, sent: probe.sent, failed, afterHandoffFeedbackQuestion },
        { known: this.known(bundle), defaultRegion: this.o.defaultRegion, readFeedback: (typed, lang) => readFeedback(bundle, typed, lang) },
      );
      await this.record(facts);
    };
  }

  /** Inner wrapper: around the bot's logic, inside the conversation's turn. */
  aroundLogic(logic: TurnLogic): TurnLogic {
    return async (context) => {
      const probe = context.turnState.get(PROBE) as Probe | undefined;
      if (!probe) return logic(context);
      probe.logicStarted = true;
      this.o.metrics.queueWaitSeconds.observe(Number(process.hrtime.bigint() - probe.startedAt) / 1e9);
      // Only messages, events and the conversationUpdate that starts a Direct Line conversation (the
      // bot greets there) move a conversation; other activities are not worth a state read.
      const watched = context.activity.type === 'message' || context.activity.type === 'event' || context.activity.type === 'conversationUpdate';
      if (watched) {
        try {
          // Loads into the turn's cache, which the bot then reads: no second read from storage.
          await this.o.conversationState.load(context);
          probe.before = snapshotOf(this.o.conversationState.get(context));
        } catch {
          probe.before = null; // the bot meets the same failure and the pipeline apologises
        }
      }
      try {
        await logic(context);
      } catch (err) {
        probe.failedAt = probe.sent.length;
        throw err;
      }
      if (!watched) return;
      probe.after = snapshotOf(this.o.conversationState.get(context));
    };
  }

  /**
   * Whether this message answers the handoff's feedback question: it reads as yes/no and the
   * chat's previous activity is that question. Looked up (one activity) only for such messages.
   */
  private async answersHandoffFeedback(context: TurnContext, bundle: ContentBundle, typed: string, probe: Probe): Promise<boolean> {
    const { id, conversation } = context.activity;
    if (!this.previousActivity || !typed || !id || !conversation?.id || probe.before?.feedbackFor || probe.failedAt >= 0) return false;
    if (readFeedback(bundle, typed, probe.before?.lang ?? 'fi') === undefined) return false;
    const previous = await this.previousActivity(conversation.id, id).catch(() => null);
    return (previous?.channelData as { handoffFeedback?: unknown } | undefined)?.handoffFeedback === true;
  }

  /** Wraps the handoff service's delivery into the resident's chat. */
  aroundDeliver(deliver: Deliver): Deliver {
    return async (conversationId, activity) => {
      const result = await deliver(conversationId, activity);
      const bundle = this.o.content.current();
      if (!bundle) return result;
      const status = (activity.value as { status?: unknown } | undefined)?.status;
      let waited: number | null = null;
      if (activity.type === 'event' && activity.name === 'handoff' && status === 'accepted' && this.handoffTimes) {
        const times = await this.handoffTimes(conversationId).catch(() => null);
        if (times?.acceptedAt) waited = Math.max(0, (times.acceptedAt - times.requestedAt) / 1000);
      }
      if (waited !== null) {
        const queue = (activity.value as { queue?: unknown }).queue;
        this.o.metrics.handoffWaitSeconds.observe({ queue: typeof queue === 'string' && this.known(bundle).queues.has(queue) ? queue : 'other' }, waited);
      }
      await this.record(handoffDeliveryFacts(activity, this.known(bundle), this.o.defaultRegion, waited));
      return result;
    };
  }

  /** Writes the batch now and resolves when every write started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    this.flush();
    await Promise.all([...this.pending]);
  }

  known(bundle: ContentBundle): KnownIds {
    let known = this.knownByBundle.get(bundle);
    if (!known) {
      known = {
        regions: new Set([...this.o.regions, this.o.defaultRegion]),
        dialogs: new Map([...bundle.program.dialogs.values()].map((d) => [d.id, new Set(d.steps.keys())])),
        services: new Set(bundle.catalogue.services.keys()),
        queues: new Set(bundle.catalogue.queues.keys()),
      };
      this.knownByBundle.set(bundle, known);
    }
    return known;
  }

  private async record(facts: StatFact[]): Promise<void> {
    if (facts.length === 0) return;
    const day = dayOf(this.o.clock?.() ?? new Date(), this.o.timeZone);
    let counts = this.batch.get(day);
    if (!counts) this.batch.set(day, (counts = new Map()));
    for (const fact of facts) mergeCounts(counts, countersOf(fact));
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
    this.flushTimer.unref();
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.batch;
    this.batch = new Map();
    for (const [day, counts] of batch) {
      const tracked = this.write(day, counts);
      this.pending.add(tracked);
      void tracked.finally(() => this.pending.delete(tracked));
    }
  }

  private async write(day: string, counts: DayCounts): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('statistics write timed out')), WRITE_TIMEOUT_MS);
    });
    let timedOut = false;
    try {
      await Promise.race([this.o.store.add(day, counts), timeout.catch((err) => ((timedOut = true), Promise.reject(err)))]);
    } catch (err) {
      this.o.metrics.statisticsWriteErrors.inc();
      this.o.log.warn({ event: 'statistics_write_failed', err }, 'service statistics not written');
      // A refused write goes again with the next one. One that timed out may still land, so it
      // is not repeated (the counts stay exact or fall short, never double).
      if (!timedOut) {
        let again = this.batch.get(day);
        if (!again) this.batch.set(day, (again = new Map()));
        mergeCounts(again, [...counts].map(([field, by]) => ({ field, by })));
        this.scheduleFlush();
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

function readFeedback(bundle: ContentBundle, typed: string, lang: string): boolean | undefined {
  const texts = bundle.program.texts;
  const l = (lang === 'sv' || lang === 'en' ? lang : 'fi') as 'fi' | 'sv' | 'en';
  return parseYesNo(typed, { yes: texts.feedbackYes?.[l] ?? '', no: texts.feedbackNo?.[l] ?? '' });
}
