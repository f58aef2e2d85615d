/**
 * Wires the parts together: state storage (Redis or memory), turn ordering, the bot, the
 * channels and the HTTP app. Tests build a runtime in-process; main.ts adds the listener.
 */
import express, { Express } from 'express';
import type Redis from 'ioredis';
import type { HandoffPort } from '../bot/handoff/handoffPort';
import { JsonConversationState } from '../engine/dialogAdapter/jsonConversationState';
import { OpastinBot } from '../bot/opastinBot';
import { createTurnPipeline, TurnLogic } from '../bot/turnPipeline';
import { createCloudAdapter } from '../channels/botframework/cloudAdapter';
import { messagesRoute } from '../channels/botframework/messagesRoute';
// Direct Line channel and chat page (issue #6).
import { createDirectLine, DirectLine, DirectLineConfig, loadDirectLineConfig } from '../channels/directline';
import { webRoutes } from '../web/routes';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { MemoryStateStorage } from '../state/memoryStorage';
import { MemoryTurnQueue } from '../state/memoryTurnQueue';
import { createRedisClient, describeTopology } from '../state/redisClient';
import { RedisStateStorage } from '../state/redisStorage';
import { RedisTurnQueue } from '../state/redisTurnQueue';
import type { StateStorage } from '../state/storeItems';
import type { TurnQueue } from '../state/turnQueue';
import { ContentStore } from '../engine/contentStore';
import { adminRoutes } from './admin';
import { createInFlight } from './inFlight';
import { healthRoutes, ReadinessCheck } from './health';
import { jsonErrorHandler, notFound } from './jsonErrors';
import { conversationEraser } from './eraser';
import { jsonShapeGuard } from './jsonShape';
import { securityHeaders } from './securityHeaders';
// Counsellor handoff and console (/counsellor): docs/handoff.md.
import { createHandoff, Handoff, HandoffOptions } from '../handoff';
import { loadCatalogue } from '../content/catalogue';
// Operational metrics (/metrics) and anonymous service statistics (/statistics): docs/statistics.md.
import { createInsight, Insight, InsightOptions, previousChatActivity } from '../statistics';

export interface Runtime {
  app: Express;
  content: ContentStore;
  storage: StateStorage;
  turnLogic: TurnLogic;
  redis: Redis | null;
  /** The Direct Line channel (web chat): `directLine.streams.handleUpgrade` for the HTTP server, `directLine.channel.postToConversation`. */
  directLine: DirectLine;
  /** Counsellor handoff: `handoff.service` for the bot, `handoff.router` serves /counsellor. */
  handoff: Handoff;
  /** Metrics and service statistics: `insight.store`, `insight.metrics` (docs/statistics.md). */
  insight: Insight;
  /** Turns and POST/DELETE requests running now (both channels); shutdown waits for them. */
  turnsInFlight(): number;
  /**
   * First half of a graceful shutdown: readyz turns 503, WebSockets close with 1012 ("service
   * restart": the chat reconnects, through the load balancer, to another process), and the
   * promise resolves when the turns in flight have finished or `graceMs` has passed.
   */
  drain(graceMs: number): Promise<{ unfinishedTurns: number }>;
  /** Marks the runtime as stopping (readyz turns 503), then closes Redis and queues. */
  close(): Promise<void>;
}

export function createRuntime(config: Config, log: Logger, extra: { directLine?: DirectLineConfig; handoff?: Pick<HandoffOptions, 'catalogue' | 'handoffConfig' | 'identities'>; insight?: Pick<InsightOptions, 'insightConfig' | 'clock'> } = {}): Runtime {
  let redis: Redis | null = null;
  let subscriber: Redis | null = null;
  let storage: StateStorage;
  let queue: TurnQueue;
  if (config.redis) {
    redis = createRedisClient(config.redis);
    subscriber = createRedisClient(config.redis);
    log.info({ event: 'redis_topology', kind: config.redis.kind }, `state in ${describeTopology(config.redis)}`);
    storage = new RedisStateStorage(redis, config.stateTtlSeconds, config.redisKeyPrefix);
    queue = new RedisTurnQueue(redis, subscriber, { prefix: config.redisKeyPrefix, waitTimeoutMs: config.turnWaitTimeoutMs });
    redis.on('ready', () => log.info({ event: 'redis_ready' }, 'Redis connection ready'));
    redis.on('end', () => log.warn({ event: 'redis_closed' }, 'Redis connection closed'));
  } else {
    storage = new MemoryStateStorage(config.stateTtlSeconds);
    queue = new MemoryTurnQueue(config.turnWaitTimeoutMs);
    log.info({ event: 'memory_state' }, 'REDIS_URL is not set: conversation state is kept in memory (lost on restart)');
  }

  // Content: dialogs, catalogue and NLU, compiled at start; reloads keep the last good content.
  const content = new ContentStore(config.contentDir, config.region, log);
  content.reload();
  if (config.contentWatch) content.watch();

  // botbuilder's ConversationState with a plain-JSON change check instead of two hashes a turn.
  const conversationState = new JsonConversationState(storage);
  // The bot reaches the handoff service lazily: the service is created below, after the
  // Direct Line channel it delivers through (which itself needs the bot's turn logic).
  let handoffRef: Handoff | null = null;
  const handoffPort: HandoffPort = {
    request: (req) => handoffRef!.service.request(req),
    statusOf: (id) => handoffRef!.service.statusOf(id),
    residentMessage: (id, text) => handoffRef!.service.residentMessage(id, text),
    keepWaiting: (id) => handoffRef!.service.keepWaiting(id),
    residentTyping: (id) => handoffRef!.service.residentTyping(id),
    // The port's cancel ends a wait or a chat, as before; the service also says which (docs/handoff.md).
    cancel: (id) => handoffRef!.service.cancel(id).then(() => undefined),
    leaveContactRequest: (req) => handoffRef!.service.leaveContactRequest(req),
  };
  const bot = new OpastinBot(conversationState, content, log, handoffPort);
  const insight = createInsight({ config, redis, content, conversationState, log, ...extra.insight });
  const pipeline = insight.observer.aroundPipeline(
    createTurnPipeline(queue, insight.observer.aroundLogic((context) => bot.run(context)), log, { turnTimeLimitMs: config.turnTimeLimitMs }),
  );
  // Turns and the requests that lead to them (POST, DELETE: a Direct Line post reads Redis before its
  // turn starts) are counted, so a shutdown lets them finish before it closes connections and Redis.
  // GETs are not waited for: a poll or the console's event stream is simply cut at the end.
  const inFlight = createInFlight();
  const turnLogic: TurnLogic = async (context) => {
    const end = inFlight.begin();
    try {
      await pipeline(context);
    } finally {
      end();
    }
  };

  let stopping = false;
  const checks: ReadinessCheck[] = [
    async () => (content.current() ? { name: 'content', ok: true, detail: content.current()!.version } : { name: 'content', ok: false, detail: 'no valid content loaded' }),
  ];
  if (redis) {
    const client = redis;
    checks.push(async () => {
      try {
        await client.ping();
        return { name: 'redis', ok: true };
      } catch (err) {
        return { name: 'redis', ok: false, detail: (err as Error).message };
      }
    });
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(function countInFlight(req, res, next) {
    // While stopping, keep-alive clients are told to reconnect (to another process).
    if (stopping) res.set('Connection', 'close');
    if (req.method !== 'GET' && req.method !== 'HEAD') res.once('close', inFlight.begin());
    next();
  });
  app.use(express.json({ limit: '64kb' }));
  // Deep or huge JSON is refused (400) before any handler could recurse into it.
  app.use(jsonShapeGuard());
  // The Bot Framework endpoint first: every turn over it would otherwise walk the health and
  // admin routers' layers before reaching its own.
  if (config.messagesEndpoint === 'disabled') {
    // Web-chat-only profile: no Azure Bot registration, so no Bot Framework endpoint at all (404).
    log.info({ event: 'messages_disabled' }, 'MicrosoftAppId is not set: POST /api/messages is disabled (web chat only)');
  } else {
    const adapter = createCloudAdapter(config);
    app.use(messagesRoute(adapter, turnLogic, config.messagesEndpoint === 'authenticated' ? null : config.serviceUrlAllowList));
  }
  app.use(healthRoutes(checks, () => stopping));
  app.use(adminRoutes(content, config.adminToken));
  // Direct Line channel (/v3/directline, /api/chat) and the chat page (/, /embed.js): issue #6.
  const dlConfig = extra.directLine ?? loadDirectLineConfig().config;
  const directLine = createDirectLine({
    appConfig: config, config: dlConfig, redis, turnLogic, queue, log,
    erase: conversationEraser({ redis, prefix: config.redisKeyPrefix, storage, store: () => directLine.channel.store, handoff: () => handoffRef }),
  });
  directLine.mount(app);
  // Turns a stopped process had accepted (Direct Line posts) are run here instead (turnRecovery.ts);
  // /api/messages turns are not: their caller never got its answer and sends again.
  queue.recoverWith((conversationId, ticket, recoverable) => directLine.channel.resumeTurn(conversationId, ticket, recoverable));
  // Counsellor handoff: delivers to residents through Direct Line; mounts /counsellor (docs/handoff.md).
  const startCatalogue = content.current()?.catalogue ?? loadCatalogue(`${config.contentDir}/content`, config.region).catalogue;
  const handoff = createHandoff({
    config, redis, log, contentDir: config.contentDir, ...extra.handoff,
    // A function, so a content reload reaches the handoff's queues (opening hours) too.
    catalogue: extra.handoff?.catalogue ?? (() => content.current()?.catalogue ?? startCatalogue),
    deliver: insight.observer.aroundDeliver((conversationId, activity) => directLine.channel.postToConversation(conversationId, activity)),
  });
  app.use(handoff.router);
  handoffRef = handoff;
  insight.attach({ handoff, openWebSockets: () => directLine.streams.openCount, previousActivity: previousChatActivity(directLine.channel.store) });
  app.use(insight.router);
  app.use(webRoutes({ contentDir: config.contentDir, region: config.region, frameAncestors: dlConfig.frameAncestors, publicBaseUrl: dlConfig.publicBaseUrl, warm: config.nodeEnv !== 'test', quickExitUrl: dlConfig.quickExitUrl, defaultClient: dlConfig.chatClient }));
  app.use(notFound);
  app.use(jsonErrorHandler(log));

  return {
    app,
    content,
    storage,
    turnLogic,
    redis,
    directLine,
    handoff,
    insight,
    turnsInFlight: () => inFlight.count(),
    async drain(graceMs) {
      stopping = true;
      directLine.streams.closeAll(1012, 'service restart: reconnect');
      await inFlight.whenIdle(graceMs);
      return { unfinishedTurns: inFlight.count() };
    },
    async close() {
      stopping = true;
      content.close();
      await insight.close();
      await handoff.close(); // handoff: sweep timer and its pub/sub connection
      await directLine.close(); // Direct Line: WebSockets and the blocking Redis connection (issue #6)
      await queue.close();
      await Promise.all([redis?.quit().catch(() => undefined), subscriber?.quit().catch(() => undefined)]);
    },
  };
}
