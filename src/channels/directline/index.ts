/**
 * The self-hosted Direct Line 3.0 channel. `createDirectLine` builds it on the runtime's turn
 * pipeline and storage; mount `routes` on the app and give `handleUpgrade` to the HTTP server.
 */
import type { Express } from 'express';
import type Redis from 'ioredis';
import type { TurnLogic } from '../../bot/turnPipeline';
import type { Config } from '../../config';
import type { Logger } from '../../logging/logger';
import type { StateStorage } from '../../state/storeItems';
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
  stateStorage: StateStorage;
  turnLogic: TurnLogic;
  /** Called first on "end and delete" (the handoff ends the chat and tells the console). */
  onDelete?: (conversationId: string) => Promise<void>;
  log: Logger;
}): DirectLine {
  const { appConfig, config, redis, log } = options;
  if (config.secretGenerated) {
    log.warn({ event: 'dl_secret_generated' }, 'DIRECT_LINE_SECRET is not set: a random secret was generated (tokens die with this process)');
  }
  const store: ActivityStore =
    redis && appConfig.redisUrl
      ? new RedisActivityStore(redis, {
          url: appConfig.redisUrl,
          prefix: appConfig.redisKeyPrefix,
          ttlSeconds: appConfig.stateTtlSeconds,
          maxActivities: config.maxActivities,
        })
      : new MemoryActivityStore(appConfig.stateTtlSeconds, config.maxActivities);
  const channel = new DirectLineChannel({
    config,
    store,
    turnLogic: options.turnLogic,
    stateStorage: options.stateStorage,
    redis,
    redisKeyPrefix: appConfig.redisKeyPrefix,
    onDelete: options.onDelete,
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
