/** Metrics and statistics settings from the environment; problems as a list, like src/config.ts. */
import path from 'node:path';
import { intSetting, type Env } from '../config';

export interface InsightConfig {
  /** Bearer token for GET /metrics (METRICS_TOKEN); null = no endpoint. */
  metricsToken: string | null;
  /** Statistics accounts (STATISTICS_USERS_FILE); null = nobody can sign in. */
  usersFile: string | null;
  /** Days a day aggregate is kept (STATISTICS_RETENTION_DAYS). */
  retentionDays: number;
  sessionTtlSeconds: number;
  secureCookies: boolean;
}

export function loadInsightConfig(env: Env = process.env, rootDir = process.cwd()): { config: InsightConfig; problems: string[] } {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  const token = env.METRICS_TOKEN || null;
  if (token && token.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters (GET /metrics stays off).');
  // The example account (documented password) is only a default outside production.
  const usersFile = env.STATISTICS_USERS_FILE || (nodeEnv === 'production' ? null : path.join(rootDir, 'config/statistics-users.example.json'));
  if (nodeEnv === 'production' && !env.STATISTICS_USERS_FILE) problems.push('STATISTICS_USERS_FILE is not set: nobody can sign in to /statistics.');
  return {
    config: {
      metricsToken: token && token.length >= 16 ? token : null,
      usersFile,
      retentionDays: intSetting(env, 'STATISTICS_RETENTION_DAYS', 400, problems),
      sessionTtlSeconds: intSetting(env, 'STATISTICS_SESSION_TTL_SECONDS', 8 * 60 * 60, problems),
      secureCookies: nodeEnv === 'production',
    },
    problems,
  };
}
