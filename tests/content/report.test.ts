/**
 * content:report: the editors' review table lists each pack's status and every fact with its
 * source, read date and staleness.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const run = (args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'content-report.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('lists a pack\'s status and each fact with source, date and check', () => {
  const out = run(['--region', 'soite']);
  expect(out.status).toBe(0);
  expect(out.stdout).toContain('(soite): draft');
  expect(out.stdout).toContain('| soite-social-crisis-oncall | social-crisis-oncall | phone | 06 826 3002 | always | https://soite.fi/sv/2022/06/06/avvikande-oppettider-vid-soites-enheter-sommaren-2022/ | 2022-06-06 | STALE |');
  expect(out.stdout).toMatch(/municipalities: Halsua, Kannus, Kaustinen, Kokkola/);
}, 30000);

test('a bad option is a clear error and a non-zero exit', () => {
  const out = run(['--format', 'pdf']);
  expect(out.status).not.toBe(0);
  expect(out.stderr).toContain('expected --region <id>, --stale-months <n>, --format md|tsv');
}, 30000);
