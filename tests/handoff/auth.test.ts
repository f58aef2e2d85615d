/** Password hashes (node:crypto scrypt) and the accounts file: hashes only, problems listed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileIdentityProvider, readAccountsFile } from '../../src/handoff/auth/identity';
import { hashPassword, looksLikeHash, verifyPassword } from '../../src/handoff/auth/password';

describe('scrypt password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(looksLikeHash(a)).toBe(true);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything', 'scrypt$0$8$1$AA==$AA==')).toBe(false);
  });
});

describe('accounts file', () => {
  const write = (value: unknown): string => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accounts-')), 'accounts.json');
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };

  it('reads the example file: a counsellor and a supervisor, the documented passwords work', async () => {
    const { accounts, problems } = readAccountsFile(path.resolve('config/counsellors.example.json'));
    expect(problems).toEqual([]);
    expect(accounts.map((a) => [a.id, a.role])).toEqual([['demo.ohjaaja', 'counsellor'], ['demo.esihenkilo', 'supervisor']]);
    const idp = new FileIdentityProvider(accounts);
    expect(await idp.verify('demo.ohjaaja', 'ohjaaja-demo-2026')).toMatchObject({ id: 'demo.ohjaaja', role: 'counsellor' });
    expect(await idp.verify('demo.ohjaaja', 'esihenkilo-demo-2026')).toBeNull();
    expect(await idp.verify('nobody', 'ohjaaja-demo-2026')).toBeNull();
    expect(JSON.stringify(idp.find('demo.ohjaaja'))).not.toContain('scrypt');
  });

  it('refuses plain passwords and bad entries, listing every problem', async () => {
    const { accounts, problems } = readAccountsFile(write({
      accounts: [
        { id: 'a.one', role: 'counsellor', password: 'plain', passwordHash: await hashPassword('x'.repeat(12)) },
        { id: 'B', role: 'counsellor', passwordHash: 'x' },
        { id: 'c.three', role: 'boss', passwordHash: 'x' },
        { id: 'd.four', role: 'supervisor', passwordHash: 'not-a-hash' },
      ],
    }));
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/plain "password" is not allowed/);
    expect(accounts.map((a) => a.id)).toEqual(['a.one']);
    expect(readAccountsFile('/no/such/file.json').problems[0]).toMatch(/cannot read/);
  });
});
