/**
 * Two builds of Opastin under the same closed loop, taken in turns (A, B, A, B, …) within one
 * run, so a shared machine's load moves both alike: the ratio B ÷ A of each pair is the figure,
 * not the turns/s. Beside it the server's own CPU time per turn (utime + stime from /proc), which
 * other processes on the machine disturb less than throughput, and the least of it per side
 * (interference only adds to it). The CPU per turn also falls as throughput rises (more turns
 * share each event-loop pass and socket write), so compare runs of similar load. `npx tsx bench/compareTurns.ts <dir A> <dir B> [api|directline] [pairs]`, each
 * dir a checkout whose src/main.ts is started (node_modules and content from this repo).
 * BENCH_SECONDS (4) per run; servers on core 0, the generator and Redis on core 1 as in turns.bench.ts.
 */
import { startRedisServer } from '../tests/support/redisServer';
import { JsonClient } from './load/http';
import { closedLoop } from './load/loops';
import { pinSelf, ServerProcess } from './load/processes';
import { cpuSeconds, startBuild } from './load/builds';
import { ApiResident, DirectLineResident, Resident, seededRandom } from './load/residents';
import { median } from './load/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RESIDENTS = 32;

async function measured(server: ServerProcess, list: Resident[]): Promise<{ turnsPerSecond: number; cpuMsPerTurn: number; errors: number }> {
  const before = cpuSeconds(server.pid);
  const run = await closedLoop(list, SECONDS);
  return { turnsPerSecond: run.turnsPerSecond, cpuMsPerTurn: ((cpuSeconds(server.pid) - before) * 1000) / run.turns, errors: run.errors };
}

async function main(): Promise<void> {
  const [dirA, dirB, transport = 'directline', pairsText = '5'] = process.argv.slice(2);
  if (!dirA || !dirB) throw new Error('usage: compareTurns.ts <dir A> <dir B> [api|directline] [pairs]');
  pinSelf(1);
  const redis = await startRedisServer();
  const servers = process.env.START_B_FIRST ? [await startBuild(dirA, redis.url, 'a:'), await startBuild(dirB, redis.url, 'b:')].reverse() : [await startBuild(dirA, redis.url, 'a:'), await startBuild(dirB, redis.url, 'b:')];
  const loads = servers.map((s) => {
    const client = new JsonClient(s.base, RESIDENTS * 2);
    const random = seededRandom(1);
    const list: Resident[] = Array.from({ length: RESIDENTS }, () =>
      transport === 'api' ? new ApiResident(client, random, 5) : new DirectLineResident(client, s.base, random, 5));
    return { list, close: () => { list.forEach((r) => r.close()); client.close(); } };
  });
  try {
    for (const l of loads) await closedLoop(l.list, 3); // warm-up
    const ratios: number[] = [];
    const cpu: number[] = [];
    // The least CPU per turn each side needed in any run: interference from other processes only adds.
    const leastCpu = [Infinity, Infinity];
    for (let i = 0; i < Number(pairsText); i++) {
      // Alternate which goes first, so a load that rises or falls within a pair favours neither.
      const order = i % 2 === 0 ? [0, 1] : [1, 0];
      const runs: Awaited<ReturnType<typeof measured>>[] = [];
      for (const j of order) runs[j] = await measured(servers[j], loads[j].list);
      const [a, b] = runs;
      runs.forEach((r, j) => (leastCpu[j] = Math.min(leastCpu[j], r.cpuMsPerTurn)));
      if (a.errors + b.errors > 0) throw new Error(`${a.errors + b.errors} failed turns`);
      ratios.push(b.turnsPerSecond / a.turnsPerSecond);
      cpu.push(b.cpuMsPerTurn / a.cpuMsPerTurn);
      console.log(`  pair ${i + 1}: A ${a.turnsPerSecond.toFixed(0)}, B ${b.turnsPerSecond.toFixed(0)} turns/s (B ÷ A ${ratios.at(-1)!.toFixed(3)}); CPU per turn A ${a.cpuMsPerTurn.toFixed(3)}, B ${b.cpuMsPerTurn.toFixed(3)} ms (B ÷ A ${cpu.at(-1)!.toFixed(3)})`);
    }
    const range = (xs: number[]): string => `median ${median(xs).toFixed(3)} (min ${Math.min(...xs).toFixed(3)}, max ${Math.max(...xs).toFixed(3)})`;
    console.log(`${transport}: turns/s B ÷ A ${range(ratios)}; server CPU per turn B ÷ A ${range(cpu)}`);
    console.log(`  least CPU per turn: A ${leastCpu[0].toFixed(3)} ms, B ${leastCpu[1].toFixed(3)} ms (B ÷ A ${(leastCpu[1] / leastCpu[0]).toFixed(3)})`);
  } finally {
    loads.forEach((l) => l.close());
    for (const s of servers) await s.stop();
    await redis.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
