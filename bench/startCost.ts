/**
 * What the start of a Direct Line conversation costs the server, apart from its turns: one build
 * under two closed loops taken in turns within one run, residents that start a new conversation
 * before every turn (token, POST conversations with the greeting turn, WebSocket, one post) and
 * residents that never do (one long conversation each). The server's CPU per turn of the first
 * minus that of the second is the CPU of one start; the bench's walk pays a fifth of it per turn.
 * `npx tsx bench/startCost.ts [dir] [pairs]` (dir: a checkout whose src/main.ts is started, this
 * one by default). BENCH_SECONDS (4) per run; server on core 0, generator and Redis on core 1.
 */
import path from 'node:path';
import { startRedisServer } from '../tests/support/redisServer';
import { JsonClient } from './load/http';
import { closedLoop } from './load/loops';
import { pinSelf } from './load/processes';
import { DirectLineResident, Resident, seededRandom } from './load/residents';
import { median } from './load/stats';
import { cpuSeconds, startBuild } from './load/builds';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RESIDENTS = 32;

async function main(): Promise<void> {
  const [dir = path.resolve(__dirname, '..'), pairsText = '4'] = process.argv.slice(2);
  pinSelf(1);
  const redis = await startRedisServer();
  const server = await startBuild(dir, redis.url, 'a:');
  const client = new JsonClient(server.base, RESIDENTS * 2);
  const random = seededRandom(1);
  const walk = (turns: number): Resident[] => Array.from({ length: RESIDENTS }, () => new DirectLineResident(client, server.base, random, turns));
  const loads = { starts: walk(1), turns: walk(1_000_000) };
  const cpuPerTurn = async (list: Resident[]): Promise<{ ms: number; rate: number }> => {
    const before = cpuSeconds(server.pid);
    const run = await closedLoop(list, SECONDS);
    if (run.errors > 0) throw new Error(`${run.errors} failed turns`);
    return { ms: ((cpuSeconds(server.pid) - before) * 1000) / run.turns, rate: run.turnsPerSecond };
  };
  try {
    await closedLoop(loads.starts, 3); // warm-up
    await closedLoop(loads.turns, 3);
    const startMs: number[] = [];
    const turnMs: number[] = [];
    for (let i = 0; i < Number(pairsText); i++) {
      const order = i % 2 === 0 ? (['starts', 'turns'] as const) : (['turns', 'starts'] as const);
      const got: Record<string, { ms: number; rate: number }> = {};
      for (const name of order) got[name] = await cpuPerTurn(loads[name]);
      startMs.push(got.starts.ms - got.turns.ms);
      turnMs.push(got.turns.ms);
      console.log(`  pair ${i + 1}: start + turn ${got.starts.ms.toFixed(3)} ms (${got.starts.rate.toFixed(0)}/s), turn alone ${got.turns.ms.toFixed(3)} ms (${got.turns.rate.toFixed(0)}/s): start ${startMs.at(-1)!.toFixed(3)} ms`);
    }
    const s = median(startMs);
    const t = median(turnMs);
    console.log(`start of a conversation: median ${s.toFixed(3)} ms of server CPU (min ${Math.min(...startMs).toFixed(3)}, max ${Math.max(...startMs).toFixed(3)}); a turn alone ${t.toFixed(3)} ms; in the bench's five-turn walk the start is ${((100 * s) / (s + 5 * t)).toFixed(0)} % of the CPU`);
  } finally {
    [...loads.starts, ...loads.turns].forEach((r) => r.close());
    client.close();
    await server.stop();
    await redis.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
