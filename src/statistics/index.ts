/**
 * Operational metrics (GET /metrics) and anonymous service statistics (/statistics), wired as an
 * observer of the runtime: the runtime wraps its turn pipeline, the bot's logic and the handoff
 * delivery with the functions here, and mounts `router`. See docs/statistics.md.
 */
import type { BotState } from 'botbuilder';
import { Router } from 'express';
import type Redis from 'ioredis';
import path from 'node:path';
import type { Config } from '../config';
import { listRegions } from '../content/catalogue';
import type { ContentStore } from '../engine/contentStore';
import { SignInThrottle } from '../handoff/auth/signInThrottle';
import { MemoryKeyValue, RedisKeyValue } from '../handoff/kv';
import type { Logger } from '../logging/logger';
import { OpastinMetrics, ScrapeProbes } from '../metrics/registry';
import { timeRedisCommands } from '../metrics/redisTiming';
import { metricsRoutes } from '../metrics/routes';
import { readStatisticsUsers, StatisticsUsers } from './auth/accounts';
import { StatisticsSessions } from './auth/sessions';
import { InsightConfig, loadInsightConfig } from './config';
import { TurnObserver } from './observe/observer';
export { previousChatActivity } from './observe/previousActivity';
import { readRegionNames } from './regionNames';
import { statisticsRoutes } from './routes';
import { MemoryStatisticsStore } from './store/memoryStore';
import { RedisStatisticsStore } from './store/redisStore';
import type { StatisticsStore } from './store/store';

export interface InsightOptions {
  config: Config;
  redis: Redis | null;
  content: ContentStore;
  conversationState: BotState;
  log: Logger;
  /** Overrides of the settings read from the environment (tests). */
  insightConfig?: Partial<InsightConfig>;
  clock?: () => Date;
}

/** What the handoff service and the Direct Line channel let the metrics see. */
export interface InsightSources {
  handoff?: {
    service: {
      listWaiting(queues: 'all'): Promise<{ queueId: string; waitingSeconds: number }[]>;
      onlineFor(queueId: string): Promise<string[]>;
      get(conversationId: string): Promise<{ requestedAt: number; acceptedAt?: number } | null>;
    };
  };
  openWebSockets?: () => number;
  /** The chat's activity just before `activityId` (Direct Line ids end in `|<sequence>`). */
  previousActivity?: (conversationId: string, activityId: string) => Promise<{ channelData?: unknown } | null>;
}

export interface Insight {
  metrics: OpastinMetrics;
  store: StatisticsStore;
  observer: TurnObserver;
  /** GET /metrics and /statistics. */
  router: Router;
  /** Lets the scrape-time gauges and the handoff wait figures reach the handoff and channels. */
  attach(sources: InsightSources): void;
  close(): Promise<void>;
}

function regionsIn(contentDir: string): string[] {
  try {
    return listRegions(path.join(contentDir, 'content'));
  } catch {
    return [];
  }
}

export function createInsight(o: InsightOptions): Insight {
  const loaded = loadInsightConfig();
  for (const problem of loaded.problems) o.log.warn({ event: 'statistics_config' }, problem);
  const settings: InsightConfig = { ...loaded.config, ...o.insightConfig };
  const metrics = new OpastinMetrics({ defaultMetrics: o.config.nodeEnv !== 'test' });
  if (o.redis) timeRedisCommands(o.redis, metrics);
  const store: StatisticsStore = o.redis
    ? new RedisStatisticsStore(o.redis, o.config.redisKeyPrefix, settings.retentionDays)
    : new MemoryStatisticsStore(settings.retentionDays);
  const kv = o.redis ? new RedisKeyValue(o.redis, `${o.config.redisKeyPrefix}statistics-console:`) : new MemoryKeyValue();
  const regions = [...new Set([o.config.region, ...regionsIn(o.config.contentDir)])];
  const timeZone = o.content.current()?.catalogue.region.timezone ?? 'Europe/Helsinki';

  const observer = new TurnObserver({
    metrics, store, content: o.content, conversationState: o.conversationState,
    regions, defaultRegion: o.config.region, timeZone, log: o.log, clock: o.clock,
  });
  o.content.onReload((outcome) => {
    metrics.contentReloads.inc({ outcome: outcome.ok ? 'ok' : 'refused' });
    if (!outcome.ok) metrics.contentReloadFailures.inc();
  });

  let users = new StatisticsUsers([]);
  if (settings.usersFile) {
    const read = readStatisticsUsers(settings.usersFile);
    for (const problem of read.problems) o.log.warn({ event: 'statistics_accounts' }, problem);
    users = new StatisticsUsers(read.users);
  }

  const router = Router();
  router.use(metricsRoutes(metrics, settings.metricsToken));
  // The page and the CSV first write this process's batch, so they include its last second too.
  const reportStore: StatisticsStore = { add: (day, counts) => store.add(day, counts), read: async (days) => (await observer.settled(), store.read(days)) };
  router.use(statisticsRoutes({
    store: reportStore, content: o.content, users, regions, timeZone, log: o.log, clock: o.clock,
    regionNames: readRegionNames(o.config.contentDir, regions),
    sessions: new StatisticsSessions(kv, settings.sessionTtlSeconds),
    throttle: new SignInThrottle(kv),
    sessionTtlSeconds: settings.sessionTtlSeconds,
    secureCookies: settings.secureCookies,
  }));

  return {
    metrics,
    store,
    observer,
    router,
    attach(sources) {
      const probes: ScrapeProbes = { contentVersion: () => o.content.current()?.version ?? null };
      if (sources.openWebSockets) probes.openWebSockets = sources.openWebSockets;
      if (sources.previousActivity) observer.previousActivity = sources.previousActivity;
      const handoff = sources.handoff;
      if (handoff) {
        observer.handoffTimes = (id) => handoff.service.get(id);
        probes.queues = async () => {
          const queueIds = [...(o.content.current()?.catalogue.queues.keys() ?? [])];
          const waiting = await handoff.service.listWaiting('all');
          return Promise.all(queueIds.map(async (queue) => {
            const mine = waiting.filter((w) => w.queueId === queue);
            return {
              queue,
              waiting: mine.length,
              longestWaitSeconds: Math.max(0, ...mine.map((w) => w.waitingSeconds)),
              counsellorsOnline: (await handoff.service.onlineFor(queue)).length,
            };
          }));
        };
      }
      metrics.attach(probes);
    },
    async close() {
      await observer.settled();
    },
  };
}
