/**
 * The operational metrics (Prometheus, prom-client), one registry per runtime so tests and
 * several runtimes in one process never share counters. Labels are bounded: channel ids, Redis
 * command names, queue ids and crisis kinds; never a conversation id or anything typed.
 * Gauges that need a look-up (queues, counsellors, WebSockets) are filled at scrape time by the
 * `probes` the runtime attaches (see collect below).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface QueueRow {
  queue: string;
  waiting: number;
  longestWaitSeconds: number;
  counsellorsOnline: number;
}

export interface ScrapeProbes {
  /** Open Direct Line WebSockets in this process. */
  openWebSockets?: () => number;
  /** Waiting conversations per queue, with the longest wait in seconds. */
  queues?: () => Promise<QueueRow[]>;
  /** The content version in service, or null. */
  contentVersion?: () => string | null;
}

/** Conversations with a turn in the last five minutes count as active (per process). */
export const ACTIVE_WINDOW_MS = 5 * 60 * 1000;
/** At most this many are tracked (the gauge then says "at least"): memory stays bounded under any load. */
export const MAX_TRACKED_CONVERSATIONS = 100_000;

/** FNV-1a: the gauge only counts, so a 32-bit number per conversation is enough (and no id is kept). */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class OpastinMetrics {
  readonly registry = new Registry();
  private probes: ScrapeProbes = {};
  /** Conversation (hashed) → its last turn, oldest first: pruned on every turn, not only when scraped. */
  private readonly lastTurnAt = new Map<number, number>();

  readonly turns = new Counter({ name: 'opastin_turns_total', help: 'Turns handled, by channel and activity type.', labelNames: ['channel', 'type'], registers: [this.registry] });
  readonly turnSeconds = new Histogram({
    name: 'opastin_turn_duration_seconds', help: 'Time from receiving an activity to the end of its turn (queue wait included).',
    labelNames: ['channel'], buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
  });
  readonly turnErrors = new Counter({ name: 'opastin_turn_errors_total', help: 'Turns that failed (an exception or a turn-queue timeout).', labelNames: ['channel'], registers: [this.registry] });
  readonly apologies = new Counter({ name: 'opastin_apologies_total', help: 'Apologies with crisis numbers sent after a failed turn.', labelNames: ['channel'], registers: [this.registry] });
  readonly queueWaitSeconds = new Histogram({
    name: 'opastin_turn_queue_wait_seconds', help: 'Time a turn waited for the previous turn of its conversation.',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15], registers: [this.registry],
  });
  readonly redisSeconds = new Histogram({
    name: 'opastin_redis_command_duration_seconds', help: 'Redis command round trips (blocking commands excluded).',
    labelNames: ['command'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2], registers: [this.registry],
  });
  readonly redisErrors = new Counter({ name: 'opastin_redis_errors_total', help: 'Redis commands that failed, by command.', labelNames: ['command'], registers: [this.registry] });
  readonly crisisResponses = new Counter({ name: 'opastin_crisis_responses_total', help: 'Crisis responses sent, by kind.', labelNames: ['kind'], registers: [this.registry] });
  readonly crisisCheckins = new Counter({ name: 'opastin_crisis_checkins_total', help: 'Direct crisis check-in questions asked.', registers: [this.registry] });
  readonly handoffWaitSeconds = new Histogram({
    name: 'opastin_handoff_wait_seconds', help: 'From handoff request to a counsellor accepting.',
    labelNames: ['queue'], buckets: [10, 30, 60, 120, 300, 600, 900, 1800], registers: [this.registry],
  });
  readonly contentReloads = new Counter({ name: 'opastin_content_reloads_total', help: 'Content reload attempts, by outcome.', labelNames: ['outcome'], registers: [this.registry] });
  readonly contentReloadFailures = new Counter({ name: 'opastin_content_reload_failures_total', help: 'Content reloads refused (the last good content kept serving).', registers: [this.registry] });
  readonly statisticsWriteErrors = new Counter({ name: 'opastin_statistics_write_errors_total', help: 'Service statistics that could not be written.', registers: [this.registry] });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const self = this;
    new Gauge({
      name: 'opastin_active_conversations', help: 'Conversations with a turn in the last 5 minutes (this process).', registers: [this.registry],
      collect() {
        self.pruneActive(Date.now());
        this.set(self.lastTurnAt.size);
      },
    });
    new Gauge({
      name: 'opastin_websockets_open', help: 'Open Direct Line WebSocket streams (this process).', registers: [this.registry],
      collect() {
        this.set(self.probes.openWebSockets?.() ?? 0);
      },
    });
    new Gauge({
      name: 'opastin_content_info', help: 'The content version in service (value 1).', labelNames: ['version'], registers: [this.registry],
      collect() {
        this.reset();
        const version = self.probes.contentVersion?.();
        if (version) this.set({ version }, 1);
      },
    });
    // The three queue gauges share one look-up per scrape (the registry collects concurrently).
    // A failed look-up (Redis away) leaves the last values; the Redis error metrics tell why.
    const queueGauge = (name: string, help: string, pick: (r: QueueRow) => number) =>
      new Gauge({
        name, help, labelNames: ['queue'], registers: [this.registry],
        async collect() {
          const rows = await self.queueRows();
          for (const r of rows ?? []) this.set({ queue: r.queue }, pick(r));
        },
      });
    queueGauge('opastin_handoff_queue_length', 'Conversations waiting for a counsellor, by queue.', (r) => r.waiting);
    queueGauge('opastin_handoff_longest_wait_seconds', 'The longest current wait, by queue.', (r) => r.longestWaitSeconds);
    queueGauge('opastin_counsellors_online', 'Counsellors online, by queue.', (r) => r.counsellorsOnline);
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'opastin_' });
  }

  private inFlight: Promise<QueueRow[] | null> | null = null;

  private queueRows(): Promise<QueueRow[] | null> {
    if (!this.probes.queues) return Promise.resolve(null);
    if (!this.inFlight) {
      this.inFlight = this.probes.queues().catch(() => null);
      void this.inFlight.finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  attach(probes: ScrapeProbes): void {
    this.probes = { ...this.probes, ...probes };
  }

  /** A turn of this conversation happened now (only the count of recent ones is ever shown). */
  sawConversation(conversationId: string): void {
    const now = Date.now();
    const key = hash32(conversationId);
    // Deleted first so the map stays in order of last turn and pruning stops at the first recent one.
    this.lastTurnAt.delete(key);
    this.lastTurnAt.set(key, now);
    this.pruneActive(now);
  }

  private pruneActive(now: number): void {
    const since = now - ACTIVE_WINDOW_MS;
    for (const [key, at] of this.lastTurnAt) {
      if (at >= since && this.lastTurnAt.size <= MAX_TRACKED_CONVERSATIONS) break;
      this.lastTurnAt.delete(key);
    }
  }
}
