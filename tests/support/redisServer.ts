/**
 * Starts a throwaway `redis-server` on a free loopback port, with no persistence, for tests.
 * Tests never use port 6379 or whatever happens to be running there.
 */
import { startRedisProcess, stopProcess } from './redisProcess';

export { freePort } from './redisProcess';

export interface RedisServerHandle {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Without `port`, a free one is chosen (and another one when that one is taken meanwhile). */
export async function startRedisServer(port?: number): Promise<RedisServerHandle> {
  const { child, ports } = await startRedisProcess({
    args: ([chosen]) => ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    fixedPorts: port === undefined ? undefined : [port],
  });
  const chosen = ports[0];
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    pid: child.pid ?? -1,
    stop: () => stopProcess(child),
  };
}
