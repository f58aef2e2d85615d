/**
 * Settings of the Direct Line channel and the chat page, from the environment. Like config.ts,
 * parsing returns problems as a list instead of throwing the first.
 */
import { randomBytes } from 'node:crypto';
import { intSetting, type Env } from '../../config';
import { DEFAULT_MAX_ACTIVITIES } from './activityStore';

export interface DirectLineConfig {
  /** The master secret: signs tokens; a server-side caller may also use it as a bearer. */
  secret: string;
  /** True when no DIRECT_LINE_SECRET was set and a random one was made at start (development). */
  secretGenerated: boolean;
  /** Lifetime of a conversation token (Direct Line default: 30 min); tokens/refresh extends it. */
  tokenTtlSeconds: number;
  /** Lifetime of the `t=` token inside a streamUrl (only needed to open the WebSocket). */
  streamTokenTtlSeconds: number;
  /** POST /api/chat/token: this many new conversations per client address per window. */
  tokenRateLimit: { max: number; windowMs: number };
  /** Client activities per conversation per minute. */
  postRateLimitPerMinute: number;
  /** "https://chat.example.fi" when the public address differs from the request's Host. */
  publicBaseUrl: string | null;
  /** Empty WebSocket frames (and pings) this often, as the real service does. */
  keepAliveMs: number;
  /** Activities kept per conversation (XADD MAXLEN ~). */
  maxActivities: number;
  /** Express "trust proxy" (e.g. "1" or "loopback") so rate limits see the real client address. */
  trustProxy: string | null;
  /** CSP frame-ancestors for the embedded page (`/?embed=1`). */
  frameAncestors: string;
  /** The neutral site quick exit replaces the chat page with. */
  quickExitUrl: string;
  /** The page's chat unless the URL says otherwise: our own client, or Microsoft's Web Chat. */
  chatClient: 'opastin' | 'webchat';
}


export function loadDirectLineConfig(env: Env = process.env): { config: DirectLineConfig; problems: string[] } {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  let secret = env.DIRECT_LINE_SECRET || '';
  const secretGenerated = secret === '';
  if (secretGenerated) {
    if (nodeEnv === 'production') {
      problems.push('NODE_ENV=production needs DIRECT_LINE_SECRET (at least 32 random characters): it signs the chat tokens.');
    }
    secret = randomBytes(32).toString('base64url');
  } else if (secret.length < 32) {
    problems.push('DIRECT_LINE_SECRET must be at least 32 characters long.');
  }
  const publicBaseUrl = env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/+$/, '') : null;
  if (publicBaseUrl && !/^https?:\/\/[^/]+$/.test(publicBaseUrl)) {
    problems.push(`PUBLIC_BASE_URL must be an origin like https://chat.example.fi, found "${publicBaseUrl}"`);
  }
  const config: DirectLineConfig = {
    secret,
    secretGenerated,
    tokenTtlSeconds: intSetting(env, 'DIRECT_LINE_TOKEN_TTL_SECONDS', 30 * 60, problems),
    streamTokenTtlSeconds: intSetting(env, 'DIRECT_LINE_STREAM_TOKEN_TTL_SECONDS', 120, problems),
    tokenRateLimit: {
      max: intSetting(env, 'CHAT_TOKEN_RATE_LIMIT', 20, problems),
      windowMs: intSetting(env, 'CHAT_TOKEN_RATE_WINDOW_SECONDS', 10 * 60, problems) * 1000,
    },
    postRateLimitPerMinute: intSetting(env, 'DIRECT_LINE_POST_RATE_LIMIT', 60, problems),
    publicBaseUrl,
    keepAliveMs: intSetting(env, 'DIRECT_LINE_KEEPALIVE_MS', 15000, problems),
    maxActivities: intSetting(env, 'DIRECT_LINE_MAX_ACTIVITIES', DEFAULT_MAX_ACTIVITIES, problems),
    trustProxy: env.TRUST_PROXY || null,
    frameAncestors: env.CHAT_FRAME_ANCESTORS || (nodeEnv === 'production' ? "'self'" : '*'),
    quickExitUrl: env.CHAT_QUICK_EXIT_URL || 'https://www.google.fi/',
    chatClient: env.CHAT_CLIENT === 'webchat' ? 'webchat' : 'opastin',
  };
  if (!/^https:\/\/[^\s"'<>]+$/.test(config.quickExitUrl)) problems.push(`CHAT_QUICK_EXIT_URL must be an https:// address, found "${config.quickExitUrl}"`);
  if (env.CHAT_CLIENT && !['opastin', 'webchat'].includes(env.CHAT_CLIENT)) problems.push(`CHAT_CLIENT must be "opastin" or "webchat", found "${env.CHAT_CLIENT}"`);
  return { config, problems };
}
