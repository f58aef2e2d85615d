/**
 * Turns under load, with ratios: one Redis, then each target in its own process on core 0 while
 * this process (the load generator) and Redis use core 1:
 * - baselines: a bare botbuilder echo bot and a bare three-prompt waterfall on MemoryStorage;
 * - Opastin (real dialogs, NLU, Redis state) over /api/messages with expectReplies and over
 *   Direct Line (POST, reply on the WebSocket).
 * Closed loop (32 residents) for turns/s, several runs, medians; open loop at a fixed offered rate
 * for p50/p95/p99; Redis round trips and commands per turn; Redis bytes per conversation; server
 * memory after 10,000 and 50,000 conversations.
 *
 * BENCH_RUNS (3), BENCH_SECONDS (4), BENCH_OPEN_RATE (500), BENCH_MEMORY (50000 conversations; 0 skips),
 * BENCH_MEMORY_SECONDS (400: the memory phase's time limit after the first 10,000).
 * BENCH_PROFILE=1: only profile Opastin (--cpu-prof) under the closed loops and print where the time goes
 * (BENCH_PROFILE=api: the /api/messages loop only; BENCH_PROFILE=directline: the Direct Line loop only). BENCH_TRACE_GC=1: GC pauses during each open loop.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort, startRedisServer } from '../tests/support/redisServer';
import { JsonClient } from './load/http';
import { closedLoop, openLoop } from './load/loops';
import { pinSelf, ServerProcess, startServer, WITH_GC_PROBE } from './load/processes';
import { commandCalls, countRoundTrips, usedMemory } from './load/redisStats';
import { ApiResident, DirectLineResident, Resident, seededRandom } from './load/residents';
import { median, summarise } from './load/stats';
import { profileParts } from './profileParts';
import { summariseProfile } from './profileSummary';
import type { BenchResult } from './nlu.bench';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 500);
const MEMORY_CONVERSATIONS = Number(process.env.BENCH_MEMORY ?? 50_000);
const MEMORY_FIRST = Number(process.env.BENCH_MEMORY_FIRST ?? 10_000);
/** The memory phase stops here even short of MEMORY_CONVERSATIONS (a slow or shared machine); the report says how far it got. */
const MEMORY_SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 400);
const CONCURRENCY = 32;
const OPEN_CONVERSATIONS = 200;
const TURNS_PER_CONVERSATION = 5;

/** Targets from issue #14; `report()` prints each with the measured figure and OK / MISSED. */
export interface TargetCheck {
  target: string;
  measured: string;
  ok: boolean;
}
export const checks: TargetCheck[] = [];

function opastinEnv(port: number, redisUrl: string): Record<string, string> {
  return {
    // The test profile: like development but without the start-up brotli compression of Web Chat's
    // bundle, which would share the server's core for its first ~15 s and distort the first runs.
    NODE_ENV: 'test',
    PORT: String(port),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: 'bench:',
    LOG_LEVEL: 'warn',
    CONTENT_WATCH: 'false',
    DIRECT_LINE_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    CHAT_TOKEN_RATE_LIMIT: '100000000',
    DIRECT_LINE_POST_RATE_LIMIT: '100000',
  };
}

/** BENCH_NODE_ARGS: more Node flags for Opastin's process (e.g. "--max-semi-space-size=64"), to try V8 settings. */
const EXTRA_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

async function startOpastin(redisUrl: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  return startServer('src/main.ts', opastinEnv(port, redisUrl), { core: 0, nodeArgs: [...EXTRA_NODE_ARGS, ...nodeArgs], readyPath: '/readyz' });
}

async function startBaseline(script: string): Promise<ServerProcess> {
  return startServer(script, { PORT: String(await freePort()) }, { core: 0 });
}

type Transport = 'api' | 'directline';
function residents(server: ServerProcess, transport: Transport, count: number, seed: number): { list: Resident[]; close(): void } {
  const client = new JsonClient(server.base, count * 2);
  const random = seededRandom(seed);
  const list: Resident[] = Array.from({ length: count }, () =>
    transport === 'api' ? new ApiResident(client, random, TURNS_PER_CONVERSATION) : new DirectLineResident(client, server.base, random, TURNS_PER_CONVERSATION));
  return { list, close: () => { list.forEach((r) => r.close()); client.close(); } };
}

/** Warm-up, then RUNS closed-loop runs of SECONDS; the median turns/s. */
async function throughput(label: string, server: ServerProcess, transport: Transport, redis?: Redis): Promise<{ median: number; runs: number[]; commandsPerTurn?: number; turns: number }> {
  const r = residents(server, transport, CONCURRENCY, 1);
  try {
    await closedLoop(r.list, 3); // warm-up: JIT, connections, content caches
    const runs: number[] = [];
    let turns = 0;
    const before = redis ? await commandCalls(redis) : 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await closedLoop(r.list, SECONDS);
      if (run.errors > 0) throw new Error(`${label}: ${run.errors} failed turns`);
      runs.push(run.turnsPerSecond);
      turns += run.turns;
    }
    const commandsPerTurn = redis ? ((await commandCalls(redis)) - before) / turns : undefined;
    console.log(`  ${label}: ${runs.map((x) => x.toFixed(0)).join(' / ')} turns/s`);
    return { median: median(runs), runs, commandsPerTurn, turns };
  } finally {
    r.close();
  }
}

/** BENCH_TRACE_GC=1: Opastin runs with --trace-gc and each open loop says how long its collections paused the server. */
const TRACE_GC = !!process.env.BENCH_TRACE_GC;

/** Pauses per kind from --trace-gc lines ("… Scavenge 40.1 (52.0) -> 38.2 (53.0) MB, 1.23 / 0.00 ms …"). */
function gcPauses(trace: string): string {
  const kinds = new Map<string, number[]>();
  for (const m of trace.matchAll(/ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)[^,]*, ([\d.]+) \/ [\d.]+ ms/g)) {
    const list = kinds.get(m[1]!) ?? [];
    list.push(Number(m[2]));
    kinds.set(m[1]!, list);
  }
  if (kinds.size === 0) return 'no collections traced';
  return [...kinds].map(([kind, ms]) => `${kind} ×${ms.length}, ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, longest ${Math.max(...ms).toFixed(1)} ms`).join('; ');
}

async function latencyAtRate(label: string, server: ServerProcess, transport: Transport) {
  const r = residents(server, transport, OPEN_CONVERSATIONS, 2);
  try {
    for (const resident of r.list) await resident.turn(); // every conversation active
    const trace = server.capture();
    const result = await openLoop(r.list, OPEN_RATE, Math.max(4, SECONDS * 1.5));
    const traced = trace();
    if (TRACE_GC) console.log(`  ${label} at ${OPEN_RATE}/s, server GC: ${gcPauses(traced)}`);
    const s = summarise(result.latencies);
    console.log(`  ${label} at ${OPEN_RATE}/s offered: achieved ${result.achieved.toFixed(0)}/s, p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} ms, ${result.errors} errors, ${result.dropped} dropped (overload)`);
    return { ...s, achieved: result.achieved, errors: result.errors, dropped: result.dropped };
  } finally {
    r.close();
  }
}

/** Round trips per turn, from MONITOR over sequential turns of fresh conversations (greeting excluded). */
async function roundTripsPerTurn(server: ServerProcess, transport: Transport, redis: Redis): Promise<{ perTurn: number; byCommand: Record<string, number> }> {
  const r = residents(server, transport, 1, 3);
  try {
    const [resident] = r.list;
    await resident.turn();
    let turns = 0;
    const counted = await countRoundTrips(redis, async () => {
      for (let i = 0; i < TURNS_PER_CONVERSATION - 1; i++, turns++) await resident.turn();
    }, () => resident.conversation());
    const byCommand = Object.fromEntries(Object.entries(counted.byCommand).map(([k, v]) => [k, Number((v / turns).toFixed(2))]));
    return { perTurn: counted.roundTrips / turns, byCommand };
  } finally {
    r.close();
  }
}

/** Redis bytes per finished conversation: used_memory before and after N whole conversations. */
async function bytesPerConversation(server: ServerProcess, transport: Transport, redis: Redis, conversations = 400): Promise<number> {
  await redis.flushall();
  const before = await usedMemory(redis);
  const r = residents(server, transport, 20, 4);
  try {
    for (let round = 0; round < conversations / 20; round++) {
      await Promise.all(r.list.map(async (resident) => {
        for (let t = 0; t < TURNS_PER_CONVERSATION; t++) await resident.turn();
      }));
    }
  } finally {
    r.close();
  }
  return ((await usedMemory(redis)) - before) / conversations;
}

interface MemoryPoint {
  rss: number;
  heap: number;
}

async function memoryAfterConversations(redisUrl: string, redis: Redis): Promise<{ at10k: MemoryPoint; atEnd: MemoryPoint; conversations: number } | null> {
  if (MEMORY_CONVERSATIONS <= 0) return null;
  await redis.flushall();
  const server = await startOpastin(redisUrl, WITH_GC_PROBE);
  const client = new JsonClient(server.base, CONCURRENCY * 2);
  let next = 0;
  const points: Record<number, MemoryPoint> = {};
  const milestones = [MEMORY_FIRST, MEMORY_CONVERSATIONS];
  const until = Date.now() + MEMORY_SECONDS * 1000;
  try {
    for (const goal of milestones) {
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < goal && (goal === milestones[0] || Date.now() < until)) {
          next++;
          // A one-turn conversation per resident: the greeting, answered from Redis state.
          await new ApiResident(client, seededRandom(next), 1).turn();
        }
      }));
      const heap = await server.heapAfterGc();
      points[goal] = { rss: server.rssBytes(), heap };
      console.log(`  server after ${next} conversations: RSS ${(points[goal].rss / 2 ** 20).toFixed(1)} MiB, heap after GC ${(heap / 2 ** 20).toFixed(1)} MiB`);
    }
  } finally {
    client.close();
    await server.stop();
  }
  return { at10k: points[MEMORY_FIRST], atEnd: points[MEMORY_CONVERSATIONS], conversations: next };
}

async function profileOnly(redisUrl: string): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-prof-'));
  const server = await startOpastin(redisUrl, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  // BENCH_PROFILE=api or =directline: that loop alone, so the profile is that path's turn only.
  const only = process.env.BENCH_PROFILE;
  const api = only === 'directline' ? null : await throughput('profile /api/messages', server, 'api');
  const dl = only === 'api' ? null : await throughput('profile Direct Line', server, 'directline');
  await server.stop();
  const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
  // BENCH_PROFILE_INCLUSIVE=a,b: more frames whose inclusive share to print.
  const extra = (process.env.BENCH_PROFILE_INCLUSIVE ?? '').split(',').filter(Boolean);
  const s = summariseProfile(file, ['partsOffset', 'processActivity', 'analyse', 'run', ...extra]);
  console.log(`\nprofile ${file}\nbusy ${(s.totalMs - s.idleMs).toFixed(0)} of ${s.totalMs.toFixed(0)} ms`);
  for (const a of s.byArea.slice(0, 20)) console.log(`  ${a.selfPct.toFixed(1).padStart(5)} %  ${a.area}`);
  console.log('top functions (self):');
  for (const f of s.byFunction.slice(0, 20)) console.log(`  ${f.selfPct.toFixed(1).padStart(5)} %  ${f.name}`);
  console.log('inclusive:', Object.entries(s.inclusive).map(([k, v]) => `${k} ${v.toFixed(1)} %`).join(', '));
  // By part of the turn, start-up left out (BENCH_PROFILE_SKIP seconds of the profile, 6 by default).
  const parts = profileParts(file, Number(process.env.BENCH_PROFILE_SKIP ?? 6));
  console.log(`by part of the turn (bench/profileParts.ts, ${parts.busyMs.toFixed(0)} ms busy after start-up):`);
  for (const p of parts.parts) console.log(`  ${p.pct.toFixed(1).padStart(5)} %  ${p.part}`);
  return [
    ...(api ? [{ name: 'profile: Opastin /api/messages closed loop', unit: 'turns/s', median: api.median, samples: api.runs.length }] : []),
    ...(dl ? [{ name: 'profile: Opastin Direct Line closed loop', unit: 'turns/s', median: dl.median, samples: dl.runs.length }] : []),
  ];
}

function check(target: string, measured: string, ok: boolean): void {
  checks.push({ target, measured, ok });
}

export async function run(): Promise<BenchResult[]> {
  pinSelf(1);
  const redisServer = await startRedisServer();
  const redis = new Redis(redisServer.url);
  try {
    if (process.env.BENCH_PROFILE) return await profileOnly(redisServer.url);
    console.log(`turns: ${RUNS} runs × ${SECONDS} s, ${CONCURRENCY} residents (closed loop); server on core 0, generator and Redis on core 1`);
    const echoServer = await startBaseline('bench/servers/echoBot.ts');
    const echo = await throughput('bare echo bot', echoServer, 'api');
    await echoServer.stop();
    const wfServer = await startBaseline('bench/servers/waterfallBot.ts');
    const waterfall = await throughput('bare waterfall (MemoryStorage)', wfServer, 'api');
    await wfServer.stop();

    const opastin = await startOpastin(redisServer.url, TRACE_GC ? ['--trace-gc'] : []);
    const api = await throughput('Opastin /api/messages', opastin, 'api', redis);
    const dl = await throughput('Opastin Direct Line', opastin, 'directline', redis);
    const apiLatency = await latencyAtRate('Opastin /api/messages', opastin, 'api');
    const dlLatency = await latencyAtRate('Opastin Direct Line', opastin, 'directline');
    const apiTrips = await roundTripsPerTurn(opastin, 'api', redis);
    const dlTrips = await roundTripsPerTurn(opastin, 'directline', redis);
    console.log(`  Redis round trips per turn: /api/messages ${apiTrips.perTurn.toFixed(2)} ${JSON.stringify(apiTrips.byCommand)}; Direct Line ${dlTrips.perTurn.toFixed(2)} ${JSON.stringify(dlTrips.byCommand)}`);
    const apiBytes = await bytesPerConversation(opastin, 'api', redis);
    const dlBytes = await bytesPerConversation(opastin, 'directline', redis);
    console.log(`  Redis bytes per ${TURNS_PER_CONVERSATION}-turn conversation: /api/messages ${apiBytes.toFixed(0)} B, Direct Line ${dlBytes.toFixed(0)} B`);
    await opastin.stop();
    const memory = await memoryAfterConversations(redisServer.url, redis);

    const ratio = (x: number, base: number): string => `${(x / base).toFixed(2)}×`;
    check('/api/messages ≥0.55× the bare echo bot (turns/s)', `${api.median.toFixed(0)} vs ${echo.median.toFixed(0)} = ${ratio(api.median, echo.median)}`, api.median / echo.median >= 0.55);
    check('/api/messages ≈0.8× the bare waterfall', `${ratio(api.median, waterfall.median)}`, api.median / waterfall.median >= 0.8);
    check('Direct Line ≥1.0× the bare echo bot', `${dl.median.toFixed(0)} vs ${echo.median.toFixed(0)} = ${ratio(dl.median, echo.median)}`, dl.median / echo.median >= 1.0);
    check(`/api/messages p99 <25 ms at ${OPEN_RATE}/s, ${OPEN_CONVERSATIONS} conversations`, `p99 ${apiLatency.p99.toFixed(1)} ms (achieved ${apiLatency.achieved.toFixed(0)}/s)`, apiLatency.p99 < 25 && apiLatency.errors === 0 && apiLatency.dropped === 0);
    check(`Direct Line p99 <40 ms at ${OPEN_RATE}/s, ${OPEN_CONVERSATIONS} conversations`, `p99 ${dlLatency.p99.toFixed(1)} ms (achieved ${dlLatency.achieved.toFixed(0)}/s)`, dlLatency.p99 < 40 && dlLatency.errors === 0 && dlLatency.dropped === 0);
    check('≤3 Redis round trips per turn', `/api/messages ${apiTrips.perTurn.toFixed(2)}, Direct Line ${dlTrips.perTurn.toFixed(2)}`, apiTrips.perTurn <= 3 && dlTrips.perTurn <= 3);
    check('≤4 KB of Redis per conversation', `/api/messages ${apiBytes.toFixed(0)} B, Direct Line ${dlBytes.toFixed(0)} B`, apiBytes <= 4096 && dlBytes <= 4096);
    if (memory) {
      const mib = (b: number): string => (b / 2 ** 20).toFixed(1);
      const heapGrowth = memory.atEnd.heap / memory.at10k.heap - 1;
      const rssGrowth = memory.atEnd.rss / memory.at10k.rss - 1;
      const reached = memory.conversations >= MEMORY_CONVERSATIONS;
      // Judged on the heap after a full GC (what the process holds); RSS is shown beside it.
      check(`server memory flat (±10 %) from ${MEMORY_FIRST} to ${MEMORY_CONVERSATIONS} conversations`,
        `heap after GC ${mib(memory.at10k.heap)} → ${mib(memory.atEnd.heap)} MiB (${(heapGrowth * 100).toFixed(1)} %), RSS ${mib(memory.at10k.rss)} → ${mib(memory.atEnd.rss)} MiB (${(rssGrowth * 100).toFixed(1)} %) at ${memory.conversations} conversations${reached ? '' : ` (time limit ${MEMORY_SECONDS} s)`}`,
        Math.abs(heapGrowth) <= 0.1 && reached);
    }

    const rows: BenchResult[] = [
      { name: 'turns/s: bare echo bot (CloudAdapter)', unit: 'turns/s', median: echo.median, samples: RUNS },
      { name: 'turns/s: bare waterfall, MemoryStorage', unit: 'turns/s', median: waterfall.median, samples: RUNS },
      { name: 'turns/s: Opastin /api/messages', unit: 'turns/s', median: api.median, samples: RUNS },
      { name: 'turns/s: Opastin Direct Line', unit: 'turns/s', median: dl.median, samples: RUNS },
      { name: 'ratio: /api/messages ÷ echo', unit: '×', median: api.median / echo.median, samples: RUNS },
      { name: 'ratio: /api/messages ÷ waterfall', unit: '×', median: api.median / waterfall.median, samples: RUNS },
      { name: 'ratio: Direct Line ÷ echo', unit: '×', median: dl.median / echo.median, samples: RUNS },
      { name: `latency p50 /api/messages @${OPEN_RATE}/s`, unit: 'ms', median: apiLatency.p50, p99: apiLatency.p99, samples: apiLatency.count },
      { name: `latency p95 /api/messages @${OPEN_RATE}/s`, unit: 'ms', median: apiLatency.p95, samples: apiLatency.count },
      { name: `latency p50 Direct Line @${OPEN_RATE}/s`, unit: 'ms', median: dlLatency.p50, p99: dlLatency.p99, samples: dlLatency.count },
      { name: `latency p95 Direct Line @${OPEN_RATE}/s`, unit: 'ms', median: dlLatency.p95, samples: dlLatency.count },
      { name: 'Redis round trips/turn /api/messages', unit: 'trips', median: apiTrips.perTurn, samples: TURNS_PER_CONVERSATION - 1 },
      { name: 'Redis round trips/turn Direct Line', unit: 'trips', median: dlTrips.perTurn, samples: TURNS_PER_CONVERSATION - 1 },
      { name: 'Redis commands/turn /api/messages', unit: 'cmds', median: api.commandsPerTurn ?? NaN, samples: api.turns },
      { name: 'Redis commands/turn Direct Line', unit: 'cmds', median: dl.commandsPerTurn ?? NaN, samples: dl.turns },
      { name: 'Redis bytes/conversation /api/messages', unit: 'B', median: apiBytes, samples: 400 },
      { name: 'Redis bytes/conversation Direct Line', unit: 'B', median: dlBytes, samples: 400 },
    ];
    if (memory) {
      rows.push({ name: `server RSS after ${MEMORY_FIRST} conversations`, unit: 'MiB', median: memory.at10k.rss / 2 ** 20, samples: 1 });
      rows.push({ name: `server RSS after ${memory.conversations} conversations`, unit: 'MiB', median: memory.atEnd.rss / 2 ** 20, samples: 1 });
      rows.push({ name: `server heap after GC, ${MEMORY_FIRST} conversations`, unit: 'MiB', median: memory.at10k.heap / 2 ** 20, samples: 1 });
      rows.push({ name: `server heap after GC, ${memory.conversations} conversations`, unit: 'MiB', median: memory.atEnd.heap / 2 ** 20, samples: 1 });
    }
    return rows;
  } finally {
    await redis.quit();
    await redisServer.stop();
  }
}

export function report(): string[] {
  return checks.map((c) => `${c.ok ? 'OK    ' : 'MISSED'}  ${c.target}: ${c.measured}`);
}
