/**
 * Settings come from the environment only (see .env.example, which lists every one with a comment).
 * Parsing returns problems as a list instead of throwing the first, so start-up can print them all.
 */
import { readRedisTopology, RedisTopology } from './state/redisTopology';

export type NodeEnv = 'production' | 'development' | 'test';
export const NODE_ENVS: readonly NodeEnv[] = ['production', 'development', 'test'];

/**
 * How POST /api/messages (the Bot Framework endpoint) runs:
 * - `authenticated`: MicrosoftAppId set, every request's JWT is validated (Azure profile);
 * - `open`: development and test only, no JWT, serviceUrl limited to the allow-list;
 * - `disabled`: production without an Azure Bot registration (web-chat-only profile): 404.
 */
export type MessagesEndpoint = 'authenticated' | 'open' | 'disabled';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  /** Single Redis (REDIS_URL); null with a Sentinel or Cluster topology or in memory mode. */
  redisUrl: string | null;
  /** Where Redis is (single, Sentinel or Cluster); null keeps state in memory. */
  redis: RedisTopology | null;
  messagesEndpoint: MessagesEndpoint;
  redisKeyPrefix: string;
  stateTtlSeconds: number;
  microsoftAppId: string | null;
  microsoftAppPassword: string | null;
  microsoftAppTenantId: string | null;
  microsoftAppType: string;
  serviceUrlAllowList: string[];
  logLevel: string;
  contentDir: string;
  region: string;
  /** How long a turn may wait for the turn before it in the same conversation. */
  turnWaitTimeoutMs: number;
  /** How long one turn may take before the resident gets the apology (TURN_TIME_LIMIT_MS). */
  turnTimeLimitMs: number;
  shutdownGraceMs: number;
  /** Bearer token for POST /admin/reload; unset disables the endpoint. */
  adminToken: string | null;
  /** Reload content when files change (default on in development only). */
  contentWatch: boolean;
}

export type Env = Record<string, string | undefined>;

/** Loopback addresses: the Bot Framework Emulator and local tests post from these. */
export const DEV_SERVICE_URLS = ['http://localhost', 'http://127.0.0.1', 'http://[::1]', 'https://localhost'];

/** A whole-number setting; problems are collected, never thrown (every bad setting is shown at once). */
export function intSetting(env: Env, name: string, fallback: number, problems: string[], allowZero = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || (!allowZero && value === 0)) {
    problems.push(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, found "${raw}"`);
    return fallback;
  }
  return value;
}

/**
 * Only the three known profiles run. Anything else (unset, `staging`, `Production`) refuses to
 * start: an unknown value must never fall back to the development profile with its demo accounts
 * and anonymous /api/messages. `npm start` asks for development explicitly.
 */
function readNodeEnv(env: Env, problems: string[]): NodeEnv {
  const raw = env.NODE_ENV;
  if (raw && (NODE_ENVS as readonly string[]).includes(raw)) return raw as NodeEnv;
  problems.push(
    raw
      ? `NODE_ENV must be one of production, development, test; found "${raw}". Use production for any ` +
          'shared or public deployment (staging included).'
      : 'NODE_ENV is not set: use NODE_ENV=production for a deployment, or NODE_ENV=development (what ' +
          '`npm start` sets) on a private machine.',
  );
  // Check the rest as production would: the strictest profile reports the most problems.
  return 'production';
}

export function loadConfig(env: Env = process.env): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const nodeEnv = readNodeEnv(env, problems);
  const appId = env.MicrosoftAppId || null;
  const redis = readRedisTopology(env, problems);
  const allowListRaw = env.SERVICE_URL_ALLOW_LIST;
  const config: Config = {
    nodeEnv,
    port: intSetting(env, 'PORT', 3978, problems),
    redisUrl: redis?.kind === 'single' ? redis.url : null,
    redis,
    messagesEndpoint: appId ? 'authenticated' : nodeEnv === 'production' ? 'disabled' : 'open',
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'opastin:',
    stateTtlSeconds: intSetting(env, 'STATE_TTL_SECONDS', 24 * 60 * 60, problems),
    microsoftAppId: appId,
    microsoftAppPassword: env.MicrosoftAppPassword || null,
    microsoftAppTenantId: env.MicrosoftAppTenantId || null,
    microsoftAppType: env.MicrosoftAppType || 'MultiTenant',
    serviceUrlAllowList: allowListRaw
      ? allowListRaw.split(',').map((s) => s.trim()).filter(Boolean)
      : nodeEnv === 'production'
        ? []
        : DEV_SERVICE_URLS,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    contentDir: env.CONTENT_DIR || process.cwd(),
    region: env.REGION || 'demo',
    turnWaitTimeoutMs: intSetting(env, 'TURN_WAIT_TIMEOUT_MS', 15000, problems),
    turnTimeLimitMs: intSetting(env, 'TURN_TIME_LIMIT_MS', 10000, problems),
    shutdownGraceMs: intSetting(env, 'SHUTDOWN_GRACE_MS', 10000, problems),
    adminToken: env.ADMIN_TOKEN || null,
    contentWatch: env.CONTENT_WATCH ? env.CONTENT_WATCH === 'true' : nodeEnv === 'development',
  };
  if (config.adminToken && config.adminToken.length < 16) problems.push('ADMIN_TOKEN must be at least 16 characters.');
  if (appId && !config.microsoftAppPassword && config.microsoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppId is set but MicrosoftAppPassword is empty.');
  }
  return { config, problems };
}
