/**
 * Makes an scrypt hash for config/counsellors*.json ("passwordHash"). The password is read from
 * standard input (not the command line, where it would land in shell history):
 *   npx tsx scripts/hash-password.ts            (type it, then Enter)
 *   printf '%s' 'secret' | npx tsx scripts/hash-password.ts
 */
import { hashPassword } from '../src/handoff/auth/password';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.from(chunk));
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const password = await readStdin();
  if (password.length < 12) {
    process.stderr.write('Use at least 12 characters.\n');
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
