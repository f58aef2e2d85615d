/**
 * Statistics accounts: a JSON file like the counsellors' (config/counsellors.example.json), with
 * scrypt hashes and a role of its own, `statistics`, so signing in here gives the statistics page
 * and nothing of the counsellor console (and a counsellor account gives nothing here).
 */
import fs from 'node:fs';
import { looksLikeHash, verifyPassword } from '../../handoff/auth/password';

export const STATISTICS_ROLE = 'statistics';

export interface StatisticsUser {
  id: string;
  displayName: string;
}

interface Entry extends StatisticsUser {
  passwordHash: string;
}

/** Problems are collected, not thrown, so start-up can print them all. */
export function readStatisticsUsers(file: string): { users: Entry[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { users: [], problems: [`${file}: cannot read the statistics accounts (${(err as Error).message})`] };
  }
  const list = (raw as { accounts?: unknown }).accounts;
  if (!Array.isArray(list)) return { users: [], problems: [`${file}: expected {"accounts": [...]}`] };
  const problems: string[] = [];
  const users: Entry[] = [];
  list.forEach((e: Partial<Entry> & { role?: unknown; password?: unknown }, i) => {
    const where = `${file}: accounts[${i}]`;
    if (e.password !== undefined) return void problems.push(`${where}: plain "password" is not allowed, store "passwordHash" (npx tsx scripts/hash-password.ts)`);
    if (typeof e.id !== 'string' || !/^[a-z0-9._-]{2,64}$/.test(e.id)) return void problems.push(`${where}: "id" must be 2–64 of a-z 0-9 . _ -`);
    if (e.role !== STATISTICS_ROLE) return void problems.push(`${where}: "role" must be "${STATISTICS_ROLE}"`);
    if (typeof e.passwordHash !== 'string' || !looksLikeHash(e.passwordHash)) return void problems.push(`${where}: "passwordHash" must be an scrypt hash`);
    users.push({ id: e.id, displayName: typeof e.displayName === 'string' && e.displayName ? e.displayName : e.id, passwordHash: e.passwordHash });
  });
  return { users, problems };
}

// Verified against for an unknown name, so a wrong name costs the same time as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class StatisticsUsers {
  private readonly byId: Map<string, Entry>;

  constructor(users: Entry[]) {
    this.byId = new Map(users.map((u) => [u.id, u]));
  }

  async verify(username: string, password: string): Promise<StatisticsUser | null> {
    const user = this.byId.get(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return user && ok ? this.find(user.id) : null;
  }

  find(id: string): StatisticsUser | null {
    const u = this.byId.get(id);
    return u ? { id: u.id, displayName: u.displayName } : null;
  }
}
