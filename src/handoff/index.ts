/**
 * Counsellor handoff: `createHandoff` builds the service (memory or Redis), the console router
 * (/counsellor) and the sweep that ends abandoned waits. See docs/handoff.md.
 */
import { Router } from 'express';
import type Redis from 'ioredis';
import type { Config } from '../config';
import type { Catalogue } from '../content/catalogue';
import type { Logger } from '../logging/logger';
import { AuditLog, MemoryAuditLog, RedisAuditLog } from './audit';
import { FileIdentityProvider, IdentityProvider, readAccountsFile } from './auth/identity';
import { Lockout } from './auth/lockout';
import { SessionStore } from './auth/sessions';
import { EventBus, MemoryEventBus, RedisEventBus } from './bus';
import { loadCannedReplies } from './cannedReplies';
import { HandoffConfig, loadHandoffConfig } from './config';
import { consoleRoutes } from './console/routes';
import { KeyValue, MemoryKeyValue, RedisKeyValue } from './kv';
import { loadResidentTexts } from './residentTexts';
import { StoreHandoffService } from './service';
import { MemoryHandoffStore } from './store/memoryStore';
import { RedisHandoffStore } from './store/redisStore';
import type { HandoffStore } from './store/store';
import type { Deliver, HandoffService } from './types';

export type * from './types';
export { StoreHandoffService } from './service';
export { loadHandoffConfig, type HandoffConfig } from './config';
export type { IdentityProvider, Identity } from './auth/identity';
export type { AuditLog, AuditEntry } from './audit';

export interface Handoff {
  service: HandoffService & StoreHandoffService;
  router: Router;
  audit: AuditLog;
  identities: IdentityProvider;
  bus: EventBus;
  close(): Promise<void>;
}

export interface HandoffOptions {
  config: Config;
  redis: Redis | null;
  log: Logger;
  /** The content's catalogue: pass a function so a content reload reaches the queues too. */
  catalogue: Catalogue | (() => Catalogue);
  deliver: Deliver;
  contentDir: string;
  /** Overrides of the settings read from the environment (tests). */
  handoffConfig?: Partial<HandoffConfig>;
  /** Replaces the accounts file (e.g. a county's OpenID Connect provider). */
  identities?: IdentityProvider;
}

export function createHandoff(options: HandoffOptions): Handoff {
  const { config, redis, log } = options;
  const catalogue = options.catalogue;
  const loaded = loadHandoffConfig();
  for (const problem of loaded.problems) log.warn({ event: 'handoff_config' }, problem);
  const settings: HandoffConfig = { ...loaded.config, ...options.handoffConfig };

  let store: HandoffStore;
  let bus: EventBus;
  let audit: AuditLog;
  let kv: KeyValue;
  const retentionMs = settings.auditRetentionDays * 24 * 60 * 60 * 1000;
  if (redis) {
    store = new RedisHandoffStore(redis, config.redisKeyPrefix);
    // Pub/sub needs a connection of its own.
    bus = new RedisEventBus(redis, redis.duplicate(), config.redisKeyPrefix);
    audit = new RedisAuditLog(redis, config.redisKeyPrefix, retentionMs);
    kv = new RedisKeyValue(redis, `${config.redisKeyPrefix}console:`);
  } else {
    store = new MemoryHandoffStore();
    bus = new MemoryEventBus();
    audit = new MemoryAuditLog(retentionMs);
    kv = new MemoryKeyValue();
  }

  let identities = options.identities;
  if (!identities) {
    const { accounts, problems } = settings.counsellorsFile ? readAccountsFile(settings.counsellorsFile) : { accounts: [], problems: [] };
    for (const problem of problems) log.warn({ event: 'handoff_accounts' }, problem);
    identities = new FileIdentityProvider(accounts);
  }
  const idp = identities;

  // Resident texts (content/engine-texts.yaml, shared with the bot) and canned replies are read
  // again whenever a content reload brought new content, like the catalogue itself.
  const currentCatalogue = typeof catalogue === 'function' ? catalogue : () => catalogue;
  const texts = followContent(currentCatalogue, () => loadResidentTexts(options.contentDir));
  const cannedReplies = followContent(currentCatalogue, () => {
    const canned = loadCannedReplies(options.contentDir);
    for (const problem of canned.problems) log.warn({ event: 'handoff_canned_replies' }, problem);
    return canned.replies;
  });

  const service = new StoreHandoffService({
    store, bus, audit, catalogue, log,
    deliver: options.deliver,
    texts,
    waitTimeoutMs: settings.waitTimeoutMs,
    presenceTtlMs: settings.presenceTtlMs,
    recordTtlSeconds: config.stateTtlSeconds,
    contactRequestTtlSeconds: settings.contactRequestTtlSeconds,
    displayName: (id) => idp.find(id)?.displayName ?? id,
  });

  const router = consoleRoutes({
    service, identities: idp, audit, bus, log,
    sessions: new SessionStore(kv, settings.sessionTtlSeconds),
    lockout: new Lockout(kv, settings.lockoutAttempts, settings.lockoutSeconds),
    cannedReplies,
    sessionTtlSeconds: settings.sessionTtlSeconds,
    secureCookies: settings.secureCookies,
  });

  // Every process sweeps; the atomic commit lets exactly one of them act on each conversation.
  const sweep = settings.sweepIntervalMs > 0
    ? setInterval(() => {
        service.expireAbandoned()
          .then(() => service.returnOrphaned())
          .catch((err) => log.warn({ event: 'handoff_sweep_failed', err: (err as Error).name }, 'handoff sweep failed'));
      }, settings.sweepIntervalMs)
    : null;
  sweep?.unref();

  return {
    service,
    router,
    audit,
    identities: idp,
    bus,
    async close() {
      if (sweep) clearInterval(sweep);
      await bus.close();
      await store.close();
    },
  };
}

/** `load()`'s value, loaded again when the catalogue in service is a new one (a content reload). */
function followContent<T>(current: () => Catalogue, load: () => T): () => T {
  let loadedFor = current();
  let value = load();
  return () => {
    const now = current();
    if (now !== loadedFor) {
      loadedFor = now;
      value = load();
    }
    return value;
  };
}
