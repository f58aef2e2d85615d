/**
 * The self-hosted Direct Line 3.0 channel. `createDirectLine` builds it on the runtime's turn
 * pipeline and storage; mount `routes` on the app and give `handleUpgrade` to the HTTP server.
 */
import type { Express } from 'express';
import type Redis from 'ioredis';
import type { TurnLogic } from '../../bot/turnPipeline';
import type { Config } from '../../config';
import type { Logger } from '../../logging/logger';
import { DEFAULT_LEASE_MS, TurnQueue } from '../../state/turnQueue';
import type { ActivityStore } from './activityStore';
import { DirectLineChannel } from './channel';
import type { DirectLineConfig } from './config';
import { MemoryActivityStore } from './memoryActivityStore';
import { publicChatRoutes } from './publicRoutes';
import { RedisActivityStore } from './redisActivityStore';
import { DIRECT_LINE_PATH, directLineRoutes } from './routes';
import { DirectLineStreams } from './webSocket';

export { DirectLineChannel } from './channel';
export { loadDirectLineConfig, type DirectLineConfig } from './config';
export { sanitiseOutgoingText } from './sanitise';
export { DIRECT_LINE_PATH } from './routes';

export interface DirectLine {
  channel: DirectLineChannel;
  streams: DirectLineStreams;
  /** Adds /v3/directline/* and /api/chat/* to the app. */
  mount(app: Express): void;
  close(): Promise<void>;
}

export function createDirectLine(options: {
  appConfig: Config;
  config: DirectLineConfig;
  redis: Redis | null;
  turnLogic: TurnLogic;
  /** The bot's turn queue (posts take their place in it atomically with their sequence number). */
  queue: TurnQueue;
  /** Erases a conversation from every store ("end and delete"); see DirectLineChannelOptions. */
  erase: (conversationId: string) => Promise<boolean>;
  log: Logger;
}): DirectLine {
  const { appConfig, config, redis, log } = options;
  if (config.secretGenerated) {
    log.warn({ event: 'dl_secret_generated' }, 'DIRECT_LINE_SECRET is not set: a random secret was generated (tokens die with this process)');
  }
  const store: ActivityStore =
    redis && appConfig.redis
      ? new RedisActivityStore(redis, {
          url: appConfig.redis,
          prefix: appConfig.redisKeyPrefix,
          ttlSeconds: appConfig.stateTtlSeconds,
          maxActivities: config.maxActivities,
          turnLeaseMs: DEFAULT_LEASE_MS,
          turnQueueTtlMs: Math.max(DEFAULT_LEASE_MS * 4, appConfig.turnWaitTimeoutMs * 2),
        })
      : new MemoryActivityStore(appConfig.stateTtlSeconds, config.maxActivities, Date.now, (id, ticket) => void options.queue.reserve(id, ticket));
  const channel = new DirectLineChannel({
    config,
    store,
    turnLogic: options.turnLogic,
    queue: options.queue,
    erase: options.erase,
    conversationTtlSeconds: appConfig.stateTtlSeconds,
    log,
  });
  const streams = new DirectLineStreams(channel, log);
  return {
    channel,
    streams,
    mount(app) {
      if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
      app.use(DIRECT_LINE_PATH, directLineRoutes(channel));
      app.use(publicChatRoutes(channel));
    },
    async close() {
      await streams.close();
      await channel.close();
    },
  };
}
