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
 * Round trips made by other clients for one conversation while `work` runs: only commands naming
 * it count (its keys carry its id as the hash tag; the recovery index names it as a member). The
 * open loop's last turns and the sweep's checks of the hundreds of conversations the loops left
 * behind once fell inside the window (10 and 27 "round trips" a turn).
 */
export async function countRoundTrips(
  redis: Redis,
  work: () => Promise<void>,
  conversation: () => string,
): Promise<{ roundTrips: number; byCommand: Record<string, number> }> {
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
    const id = conversation();
    const named = args.some((a) => String(a).includes(id));
    if (inMulti.has(source)) {
      if (cmd === 'exec' || cmd === 'discard') {
        if (inMulti.get(source)) count('multi');
        inMulti.delete(source);
      } else if (named) inMulti.set(source, true);
      return;
    }
    if (cmd === 'multi') return void inMulti.set(source, false);
    if (named) count(cmd === 'evalsha' || cmd === 'eval' ? 'eval' : cmd);
  });
  await work();
  await redis.echo(marker);
  await seen;
  monitor.disconnect();
  return { roundTrips, byCommand };
}
