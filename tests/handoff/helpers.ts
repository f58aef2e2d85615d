/** Builds handoff services over memory or the test run's real Redis, and catalogues for tests. */
import Redis from 'ioredis';
import path from 'node:path';
import { Catalogue, loadCatalogue, Queue } from '../../src/content/catalogue';
import { MemoryAuditLog, RedisAuditLog, AuditLog } from '../../src/handoff/audit';
import { EventBus, MemoryEventBus, RedisEventBus } from '../../src/handoff/bus';
import { FALLBACK_TEXTS } from '../../src/handoff/residentTexts';
import { StoreHandoffService } from '../../src/handoff/service';
import { MemoryHandoffStore } from '../../src/handoff/store/memoryStore';
import { RedisHandoffStore } from '../../src/handoff/store/redisStore';
import type { HandoffStore } from '../../src/handoff/store/store';
import { testRedisUrl, uniquePrefix } from '../support/redisTest';
import { capturingLogger } from '../support/runtime';

export const GENERAL = 'demo-general-guidance';
export const FAMILY = 'demo-family-counselling';
export const MENTAL = 'demo-mental-health-counselling';
/** Monday 23 Nov 2026 10:00 in Helsinki (08:00 UTC): every demo queue is open. */
export const OPEN_TIME = new Date('2026-11-23T08:00:00Z');
/** Sunday 22 Nov 2026 12:00 in Helsinki: every demo queue is closed. */
export const CLOSED_TIME = new Date('2026-11-22T10:00:00Z');

let cached: Catalogue | null = null;
export function demoCatalogue(): Catalogue {
  if (!cached) {
    const { catalogue, diagnostics } = loadCatalogue(path.join(process.cwd(), 'content'), 'demo');
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`demo catalogue has errors: ${errors.map((d) => d.message).join('; ')}`);
    cached = catalogue;
  }
  return cached;
}

/** The demo catalogue with every queue open around the clock (tests that run at any hour). */
export function alwaysOpenCatalogue(): Catalogue {
  const base = demoCatalogue();
  const queues = new Map<string, Queue>([...base.queues].map(([id, q]) => [id, { ...q, hours: { always: true } }]));
  return { ...base, queues, servicesByTopic: base.servicesByTopic.bind(base) };
}

export interface Delivered {
  conversationId: string;
  activity: Record<string, unknown>;
}

export interface Built {
  service: StoreHandoffService;
  delivered: Delivered[];
  bus: EventBus;
  audit: AuditLog;
  store: HandoffStore;
  close(): Promise<void>;
}

export type Kind = 'memory' | 'redis';

export interface BuildOptions {
  catalogue?: Catalogue;
  waitTimeoutMs?: number;
  /** Share a prefix with another service (two "processes" on one Redis). */
  prefix?: string;
  /** The service's clock (opening hours for transfers, message times, waiting seconds). */
  clock?: () => Date;
}

export function buildService(kind: Kind, options: BuildOptions = {}): Built {
  const delivered: Delivered[] = [];
  const { log } = capturingLogger('silent');
  const connections: Redis[] = [];
  let store: HandoffStore;
  let bus: EventBus;
  let audit: AuditLog;
  if (kind === 'redis') {
    const prefix = options.prefix ?? uniquePrefix('handoff');
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    const sub = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    connections.push(redis);
    store = new RedisHandoffStore(redis, prefix);
    bus = new RedisEventBus(redis, sub, prefix);
    audit = new RedisAuditLog(redis, prefix, 365 * 24 * 3600 * 1000);
  } else {
    store = new MemoryHandoffStore();
    bus = new MemoryEventBus();
    audit = new MemoryAuditLog(365 * 24 * 3600 * 1000);
  }
  const service = new StoreHandoffService({
    store, bus, audit, log,
    catalogue: options.catalogue ?? demoCatalogue(),
    deliver: async (conversationId, activity) => {
      delivered.push({ conversationId, activity });
    },
    texts: FALLBACK_TEXTS,
    waitTimeoutMs: options.waitTimeoutMs ?? 15 * 60 * 1000,
    presenceTtlMs: 60 * 1000,
    recordTtlSeconds: 3600,
    contactRequestTtlSeconds: 3600,
    displayName: (id) => `Name of ${id}`,
    clock: options.clock,
  });
  return {
    service, delivered, bus, audit, store,
    async close() {
      await bus.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
    },
  };
}

export const SUMMARY = {
  topic: 'mental-health',
  route: { service: 'demo-mental-substance', dialog: 'mental-health' },
  answers: [{ question: 'Kenen asiasta on kyse?', answer: 'omasta' }],
};

/** Events named `name` delivered to a conversation, their values. */
export function eventsOf(delivered: Delivered[], conversationId: string, name: string): Record<string, unknown>[] {
  return delivered
    .filter((d) => d.conversationId === conversationId && d.activity.type === 'event' && d.activity.name === name)
    .map((d) => d.activity.value as Record<string, unknown>);
}

export function messagesOf(delivered: Delivered[], conversationId: string): Record<string, unknown>[] {
  return delivered.filter((d) => d.conversationId === conversationId && d.activity.type === 'message').map((d) => d.activity);
}
