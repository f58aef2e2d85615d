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

/** Round trips made by other clients while `work` runs. */
export async function countRoundTrips(redis: Redis, work: () => Promise<void>): Promise<{ roundTrips: number; byCommand: Record<string, number> }> {
  const monitor = await redis.monitor();
  const inMulti = new Set<string>();
  const byCommand: Record<string, number> = {};
  let roundTrips = 0;
  const marker = `bench-marker-${Date.now()}`;
  let sawMarker!: () => void;
  const seen = new Promise<void>((resolve) => (sawMarker = resolve));
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const cmd = String(args[0]).toLowerCase();
    if (cmd === 'echo' && args[1] === marker) return sawMarker();
    if (source === 'lua' || cmd === 'info' || cmd === 'monitor') return;
    if (inMulti.has(source)) {
      if (cmd === 'exec' || cmd === 'discard') inMulti.delete(source);
      return;
    }
    if (cmd === 'multi') inMulti.add(source);
    roundTrips++;
    const name = cmd === 'evalsha' || cmd === 'eval' ? 'eval' : cmd;
    byCommand[name] = (byCommand[name] ?? 0) + 1;
  });
  await work();
  await redis.echo(marker);
  await seen;
  monitor.disconnect();
  return { roundTrips, byCommand };
}
