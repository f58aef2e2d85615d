/**
 * Where counsellor identities come from. Today a JSON file of accounts with scrypt hashes
 * (FileIdentityProvider); a county's OpenID Connect provider can implement the same interface
 * later (sign-in by redirect instead of `verify`), and nothing else in the console changes.
 */
import fs from 'node:fs';
import { looksLikeHash, verifyPassword } from './password';

export type Role = 'counsellor' | 'supervisor';

export interface Identity {
  id: string;
  displayName: string;
  role: Role;
  /** Queues this person may serve (supervisors see all queues regardless). */
  queues: string[];
}

export interface IdentityProvider {
  /** The identity for a user name and password, or null (unknown user or wrong password alike). */
  verify(username: string, password: string): Promise<Identity | null>;
  find(id: string): Identity | null;
}

interface AccountFileEntry extends Identity {
  passwordHash: string;
}

/** Problems are collected, not thrown, so start-up can print them all. */
export function readAccountsFile(file: string): { accounts: AccountFileEntry[]; problems: string[] } {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { accounts: [], problems: [`${file}: cannot read the counsellor accounts (${(err as Error).message})`] };
  }
  const list = (raw as { accounts?: unknown }).accounts;
  if (!Array.isArray(list)) return { accounts: [], problems: [`${file}: expected {"accounts": [...]}`] };
  const accounts: AccountFileEntry[] = [];
  list.forEach((entry: Partial<AccountFileEntry> & { password?: unknown }, i) => {
    const where = `${file}: accounts[${i}]`;
    if (entry.password !== undefined) problems.push(`${where}: plain "password" is not allowed, store "passwordHash" (npx tsx scripts/hash-password.ts)`);
    if (typeof entry.id !== 'string' || !/^[a-z0-9._-]{2,64}$/.test(entry.id)) return void problems.push(`${where}: "id" must be 2–64 of a-z 0-9 . _ -`);
    if (entry.role !== 'counsellor' && entry.role !== 'supervisor') return void problems.push(`${where}: "role" must be counsellor or supervisor`);
    if (typeof entry.passwordHash !== 'string' || !looksLikeHash(entry.passwordHash)) return void problems.push(`${where}: "passwordHash" must be an scrypt hash`);
    accounts.push({
      id: entry.id,
      displayName: typeof entry.displayName === 'string' && entry.displayName ? entry.displayName : entry.id,
      role: entry.role,
      queues: Array.isArray(entry.queues) ? entry.queues.filter((q): q is string => typeof q === 'string') : [],
      passwordHash: entry.passwordHash,
    });
  });
  return { accounts, problems };
}

// Verified against when the user name is unknown, so a wrong name costs the same time as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class FileIdentityProvider implements IdentityProvider {
  private readonly byId: Map<string, AccountFileEntry>;

  constructor(accounts: AccountFileEntry[]) {
    this.byId = new Map(accounts.map((a) => [a.id, a]));
  }

  async verify(username: string, password: string): Promise<Identity | null> {
    const account = this.byId.get(username);
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    return account && ok ? this.find(account.id) : null;
  }

  find(id: string): Identity | null {
    const a = this.byId.get(id);
    return a ? { id: a.id, displayName: a.displayName, role: a.role, queues: [...a.queues] } : null;
  }
}
