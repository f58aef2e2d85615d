/**
 * What one turn costs Redis: commands (INFO commandstats, lua-internal calls included) and round
 * trips (from MONITOR: one per command a client sent, a MULTI…EXEC block counting once, commands
 * run inside a script not counted), and bytes of memory per conversation (INFO used_memory).
 */
import type Redis from 'ioredis';

export async function commandCalls(redis: Redis): Promise<number> {
  const info = await redis.info('commandstats');
  let total = 0;
  for (const line of info.split('\n')) {
    const m = /^cmdstat_(\w+(?:\|\w+)?):calls=(\d+)/.exec(line);
    if (m && !/^(info|monitor|client|config|flushall|memory|dbsize)/.test(m[1])) total += Number(m[2]);
  }
  return total;
}

export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/**
 * Resolves when Redis has had no command from other clients for `quietMs` (at most `limitMs`).
 * Why: the round-trip count follows the open loop, whose last turns may still be running; once
 * their scripts fell inside the MONITOR window and a Direct Line turn read as 10 round trips.
 */
export async function untilQuiet(redis: Redis, quietMs = 300, limitMs = 10_000): Promise<void> {
  const processed = async (): Promise<number> => Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))?.[1] ?? 0);
  const deadline = Date.now() + limitMs;
  let last = await processed();
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await processed();
    // Our own INFO is one command per poll.
    if (now - last > 1) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    last = now;
  }
}

/**
 * Round trips made by other clients while `work` runs (after Redis has gone quiet). With
 * `conversation`, only commands naming that conversation count (its keys carry its id as the hash
 * tag; the recovery index names it as a member): the sweep's checks of the hundreds of
 * conversations the loops left behind once fell inside the window (27 "round trips" a turn).
 */
export async function countRoundTrips(
  redis: Redis,
  work: () => Promise<void>,
  conversation?: () => string,
): Promise<{ roundTrips: number; byCommand: Record<string, number> }> {
  await untilQuiet(redis);
  const monitor = await redis.monitor();
  // A MULTI…EXEC block is one round trip, counted at its EXEC when it named the conversation.
  const inMulti = new Map<string, boolean>();
  const byCommand: Record<string, number> = {};
  let roundTrips = 0;
  const marker = `bench-marker-${Date.now()}`;
  let sawMarker!: () => void;
  const seen = new Promise<void>((resolve) => (sawMarker = resolve));
  const count = (name: string): void => {
    roundTrips++;
    byCommand[name] = (byCommand[name] ?? 0) + 1;
  };
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const cmd = String(args[0]).toLowerCase();
    if (cmd === 'echo' && args[1] === marker) return sawMarker();
    if (source === 'lua' || cmd === 'info' || cmd === 'monitor') return;
    const id = conversation?.();
    const named = !id || args.some((a) => String(a).includes(id));
    if (inMulti.has(source)) {
      if (cmd === 'exec' || cmd === 'discard') {
        if (inMulti.get(source)) count('multi');
        inMulti.delete(source);
      } else if (named) inMulti.set(source, true);
      return;
    }
    if (cmd === 'multi') return void inMulti.set(source, !id);
    if (named) count(cmd === 'evalsha' || cmd === 'eval' ? 'eval' : cmd);
  });
  await work();
  await redis.echo(marker);
  await seen;
  monitor.disconnect();
  return { roundTrips, byCommand };
}
