/** Handoff settings from the environment; problems are returned as a list, like src/config.ts. */
import path from 'node:path';

export interface HandoffConfig {
  /** An unanswered wait with no resident activity ends after this (HANDOFF_WAIT_TIMEOUT_MS). */
  waitTimeoutMs: number;
  /** How often this process looks for abandoned waits (0: never; tests call expireAbandoned). */
  sweepIntervalMs: number;
  /** A console that stops refreshing its presence counts as offline after this. */
  presenceTtlMs: number;
  /** Accounts file (COUNSELLORS_FILE); null = no console sign-in possible. */
  counsellorsFile: string | null;
  sessionTtlSeconds: number;
  lockoutAttempts: number;
  lockoutSeconds: number;
  auditRetentionDays: number;
  contactRequestTtlSeconds: number;
  /** Secure cookies (production). */
  secureCookies: boolean;
}

import { intSetting, type Env } from '../config';


export function loadHandoffConfig(env: Env = process.env, rootDir = process.cwd()): { config: HandoffConfig; problems: string[] } {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  // The example accounts (documented passwords) are only a default outside production.
  const file = env.COUNSELLORS_FILE || (nodeEnv === 'production' ? null : path.join(rootDir, 'config/counsellors.example.json'));
  if (nodeEnv === 'production' && !env.COUNSELLORS_FILE) {
    problems.push('COUNSELLORS_FILE is not set: the counsellor console has no accounts (the example file is for development only).');
  }
  const config: HandoffConfig = {
    waitTimeoutMs: intSetting(env, 'HANDOFF_WAIT_TIMEOUT_MS', 15 * 60 * 1000, problems),
    sweepIntervalMs: intSetting(env, 'HANDOFF_SWEEP_INTERVAL_MS', nodeEnv === 'test' ? 0 : 30 * 1000, problems, true),
    presenceTtlMs: intSetting(env, 'HANDOFF_PRESENCE_TTL_MS', 90 * 1000, problems),
    counsellorsFile: file,
    sessionTtlSeconds: intSetting(env, 'CONSOLE_SESSION_TTL_SECONDS', 8 * 60 * 60, problems),
    lockoutAttempts: 5,
    lockoutSeconds: 15 * 60,
    auditRetentionDays: intSetting(env, 'HANDOFF_AUDIT_RETENTION_DAYS', 365, problems),
    contactRequestTtlSeconds: intSetting(env, 'HANDOFF_CONTACT_REQUEST_TTL_SECONDS', 7 * 24 * 60 * 60, problems),
    secureCookies: nodeEnv === 'production',
  };
  return { config, problems };
}
