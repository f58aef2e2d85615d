/**
 * `npm run fuzz`: the long fuzz run. FUZZ_REQUESTS (default 100,000) requests over every surface,
 * 8 at a time, in-process; prints the seed first and a JSON summary at the end: answers by status
 * class, 5xx and rule breaks (with examples), uncaught exceptions, heap after GC over the run,
 * and the event loop's longest stall; FUZZ_HEAP_SNAPSHOTS=<dir> also writes a heap snapshot at
 * each quarter. State TTL is short (FUZZ_STATE_TTL_SECONDS, 20 s) so that
 * "heap flat" measures leaks, not the 24 h a real conversation is kept. FUZZ_REDIS=1 uses Redis.
 */
import fc from 'fast-check';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { startRedisServer } from '../support/redisServer';
import { botFrameworkRequest, chatRequest, consoleRequest, directLineRequest, FuzzRequest, sendAndCheck } from './requests';

async function main(): Promise<void> {
  const total = Number(process.env.FUZZ_REQUESTS ?? 100_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  process.env.NODE_ENV = 'test';
  process.env.STATE_TTL_SECONDS = process.env.FUZZ_STATE_TTL_SECONDS ?? '20';
  const redisServer = process.env.FUZZ_REDIS ? await startRedisServer() : null;
  if (redisServer) process.env.REDIS_TEST_URL = redisServer.url;
  console.log(`fuzz: ${total} requests, seed ${seed} (replay: FUZZ_SEED=${seed} npm run fuzz)${redisServer ? ', Redis state' : ', memory state'}`);
  const { fuzzTarget } = await import('./setup');
  const { runtime, ctx } = await fuzzTarget({ redis: Boolean(redisServer) });
  const uncaught: string[] = [];
  process.on('uncaughtException', (err) => uncaught.push(String(err)));
  process.on('unhandledRejection', (err) => uncaught.push(String(err)));

  const arb: fc.Arbitrary<FuzzRequest> = fc.oneof(botFrameworkRequest(), directLineRequest(ctx), chatRequest(ctx), consoleRequest(ctx));
  const byClass: Record<string, number> = {};
  const broken: string[] = [];
  let fiveHundreds = 0;
  const heap: { done: number; heapMB: number }[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const slowest: { ms: number; what: string }[] = [];
  const sampleHeap = (done: number): void => {
    // The monitor is paused around the forced GC: its pause is the fuzzer's, not the server's.
    loop.disable();
    gc?.();
    heap.push({ done, heapMB: Math.round(process.memoryUsage().heapUsed / 1e5) / 10 });
    // FUZZ_HEAP_SNAPSHOTS=<dir>: a snapshot at each quarter, to compare what the heap holds
    // (written while the monitor is paused too: it stops the process for seconds).
    const dir = process.env.FUZZ_HEAP_SNAPSHOTS;
    if (dir) writeHeapSnapshot(path.join(dir, `fuzz-${String(done).padStart(7, '0')}.heapsnapshot`));
    loop.enable();
  };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const started = Date.now();
  sampleHeap(0);
  loop.enable();
  let done = 0;
  const batch = 1000;
  for (let offset = 0; offset < total; offset += batch) {
    const requests = fc.sample(arb, { numRuns: Math.min(batch, total - offset), seed: seed + offset });
    for (let i = 0; i < requests.length; i += 8) {
      const answers = await Promise.all(requests.slice(i, i + 8).map(async (r) => {
        const t0 = Date.now();
        const answer = await sendAndCheck(runtime.app, r).catch((err: Error) => ({ status: 0, ok: false, why: `client: ${err.message}` }));
        const ms = Date.now() - t0;
        if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
          slowest.push({ ms, what: `${r.method} ${r.path.slice(0, 60)} ${JSON.stringify(r.body ?? r.raw ?? '').length} bytes` });
          slowest.sort((a, b) => b.ms - a.ms).splice(5);
        }
        return answer;
      }));
      for (const a of answers) {
        const cls = a.status === 0 ? 'no-answer' : `${Math.floor(a.status / 100)}xx`;
        byClass[cls] = (byClass[cls] ?? 0) + 1;
        if (a.status >= 500) fiveHundreds++;
        if (!a.ok && broken.length < 10) broken.push(a.why ?? '');
      }
    }
    done += requests.length;
    if (done % (total / 4) < batch) sampleHeap(done);
  }
  loop.disable();
  const summary = {
    seed, requests: done, seconds: Math.round((Date.now() - started) / 1000), byClass, fiveHundreds,
    ruleBreaks: broken.length, examples: broken, uncaught: uncaught.length, uncaughtExamples: uncaught.slice(0, 5),
    heapAfterGc: heap, gcExposed: Boolean(gc), slowest,
    eventLoopDelayMs: { max: Math.round(loop.max / 1e6), p99: Math.round(loop.percentile(99) / 1e6), mean: Math.round(loop.mean / 1e6) },
  };
  console.log(JSON.stringify(summary, null, 2));
  await runtime.close();
  await redisServer?.stop();
  process.exit(fiveHundreds === 0 && uncaught.length === 0 && broken.length === 0 ? 0 : 1);
}

void main();
