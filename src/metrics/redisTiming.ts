/**
 * Times every command an ioredis client sends and counts the failures, by wrapping the client's
 * `sendCommand` (the one path every command takes). Blocking commands (BLPOP, SUBSCRIBE, …) wait
 * on purpose and would drown the latency figures, so they are only counted when they fail.
 */
import type Redis from 'ioredis';
import type { OpastinMetrics } from './registry';

const BLOCKING = new Set(['blpop', 'brpop', 'blmove', 'brpoplpush', 'bzpopmin', 'bzpopmax', 'xread', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);
const NAME = /^[a-z]{1,20}$/;

export function timeRedisCommands(client: Redis, metrics: OpastinMetrics): void {
  type Command = { name: string; promise: Promise<unknown> };
  const original = client.sendCommand.bind(client) as (command: Command, ...rest: unknown[]) => unknown;
  // Every argument passes through: a Cluster client's sendCommand takes a third (the node a
  // pipeline or MULTI is bound to); dropping it broke every MULTI on a Cluster.
  (client as unknown as { sendCommand: typeof original }).sendCommand = (command: Command, ...rest: unknown[]) => {
    const name = NAME.test(command.name) ? command.name : 'other';
    const started = process.hrtime.bigint();
    const result = original(command, ...rest);
    command.promise.then(
      () => {
        if (!BLOCKING.has(name)) metrics.redisSeconds.observe({ command: name }, Number(process.hrtime.bigint() - started) / 1e9);
      },
      () => metrics.redisErrors.inc({ command: name }),
    );
    return result;
  };
}
