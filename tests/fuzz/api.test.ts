/**
 * Fuzzing every public surface with fast-check, bounded in time (a few seconds per surface):
 * every answer is 2xx or a JSON 4xx, never a 5xx, never a crash. A failure prints fast-check's
 * seed and path; rerun with `FUZZ_SEED=<seed> npx jest tests/fuzz` to replay it. The long run
 * (≥10⁵ requests, heap and event-loop figures) is `npm run fuzz`.
 */
import fc from 'fast-check';
import type { Runtime } from '../../src/server/runtime';
import { botFrameworkRequest, chatRequest, consoleRequest, directLineRequest, FuzzContext, FuzzRequest, sendAndCheck } from './requests';
import { fuzzTarget } from './setup';

jest.setTimeout(60_000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 4);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe.each([
  ['memory', false],
  ['Redis', true],
])('fuzz (%s state)', (_name, redis) => {
  let runtime: Runtime;
  let ctx: FuzzContext;
  let uncaught: unknown[] = [];
  const onUncaught = (err: unknown): void => void uncaught.push(err);
  beforeAll(async () => {
    ({ runtime, ctx } = await fuzzTarget({ redis }));
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    await runtime.close();
  });
  beforeEach(() => {
    uncaught = [];
  });

  const surfaces: [string, (ctx: FuzzContext) => fc.Arbitrary<FuzzRequest>][] = [
    ['/api/messages', () => botFrameworkRequest()],
    ['/v3/directline/*', (c) => directLineRequest(c)],
    ['/api/chat/*', (c) => chatRequest(c)],
    ['console API', (c) => consoleRequest(c)],
  ];

  it.each(surfaces)('%s: 2xx or JSON 4xx for any input', async (_surface, make) => {
    // One request first, checked the same way but outside the time budget: under a loaded CI
    // machine the first request of a surface (JIT, the Redis scripts' first load) once took the
    // whole budget, and fast-check fails a property interrupted before its first run.
    const [first] = fc.sample(make(ctx), { numRuns: 1, seed: seed ?? 1 });
    const warm = await sendAndCheck(runtime.app, first);
    if (!warm.ok) throw new Error(warm.why);
    await fc.assert(
      fc.asyncProperty(make(ctx), async (r) => {
        const answer = await sendAndCheck(runtime.app, r);
        if (!answer.ok) throw new Error(answer.why);
      }),
      { numRuns: 100_000, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false, seed, endOnFailure: true },
    );
    expect(uncaught).toEqual([]);
  });
});
