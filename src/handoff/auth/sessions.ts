/**
 * Console sessions: a random id in an HttpOnly cookie, the session itself (who, role, CSRF
 * token) in Redis or memory with a TTL. The CSRF token is a synchroniser token: the page reads
 * it from the session API and sends it in `X-CSRF-Token` on every state-changing request.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValue } from '../kv';
import type { Role } from './identity';

export interface Session {
  id: string;
  counsellorId: string;
  role: Role;
  csrfToken: string;
  createdAt: number;
}

export class SessionStore {
  constructor(private readonly kv: KeyValue, private readonly ttlSeconds: number) {}

  async create(counsellorId: string, role: Role): Promise<Session> {
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      counsellorId,
      role,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: Date.now(),
    };
    await this.kv.set(`session:${session.id}`, JSON.stringify(session), this.ttlSeconds);
    return session;
  }

  async get(id: string | undefined): Promise<Session | null> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const json = await this.kv.get(`session:${id}`);
    return json ? (JSON.parse(json) as Session) : null;
  }

  async destroy(id: string): Promise<void> {
    await this.kv.del(`session:${id}`);
  }
}

export function csrfMatches(session: Session, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
