/**
 * Statistics page sessions: a random id in an HttpOnly, SameSite=Strict cookie scoped to
 * /statistics; the session (who, CSRF token for sign-out) in Redis or memory with a TTL.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValue } from '../../handoff/kv';

export const STATISTICS_COOKIE = 'opastin_statistics';

export interface StatisticsSession {
  id: string;
  userId: string;
  csrfToken: string;
}

export class StatisticsSessions {
  constructor(private readonly kv: KeyValue, private readonly ttlSeconds: number) {}

  async create(userId: string): Promise<StatisticsSession> {
    const session = { id: randomBytes(32).toString('base64url'), userId, csrfToken: randomBytes(32).toString('base64url') };
    await this.kv.set(`session:${session.id}`, JSON.stringify(session), this.ttlSeconds);
    return session;
  }

  async get(id: string | undefined): Promise<StatisticsSession | null> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const json = await this.kv.get(`session:${id}`);
    return json ? (JSON.parse(json) as StatisticsSession) : null;
  }

  async destroy(id: string): Promise<void> {
    await this.kv.del(`session:${id}`);
  }

  cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
    return [`${STATISTICS_COOKIE}=${value}`, 'Path=/statistics', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
  }
}

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
