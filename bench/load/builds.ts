/**
 * A build of Opastin started as the comparison tools start it (compareTurns.ts, startCost.ts):
 * its src/main.ts on core 0 against the given Redis, with the bench's secret and rate limits
 * lifted, and the server's own CPU time read from /proc.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../tests/support/redisServer';
import { ServerProcess, startServer } from './processes';

export async function startBuild(dir: string, redisUrl: string, prefix: string): Promise<ServerProcess> {
  const port = await freePort();
  return startServer(path.resolve(dir, 'src/main.ts'), {
    NODE_ENV: 'test', PORT: String(port), REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'warn', CONTENT_WATCH: 'false',
    DIRECT_LINE_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz', CHAT_TOKEN_RATE_LIMIT: '100000000', DIRECT_LINE_POST_RATE_LIMIT: '100000',
  }, { core: 0, readyPath: '/readyz' });
}

/** CPU seconds the process has used (user + system), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}
