/**
 * Accepted turns outlive their process (src/state/turnRecovery.ts), on a real redis-server. A
 * queue place taken with `reserve` and never run stands for a process that accepted a turn and
 * was killed: its lease (300 ms here) is not renewed.
 */
import Redis from 'ioredis';
import { conversationKeys, sharedKeys } from '../../src/state/keys';
import { RedisStateStorage } from '../../src/state/redisStorage';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { MAX_RECOVERABLE_BYTES } from '../../src/state/turnRecovery';
import { turnScope, TurnSupersededError } from '../../src/state/turnScope';
import { testRedis, uniquePrefix } from '../support/redisTest';

let connections: Redis[];
let prefix: string;
let dead: RedisTurnQueue;
let alive: RedisTurnQueue;
/** What the surviving process ran for orphans, in order. */
let adopted: string[];

beforeEach(() => {
  connections = [testRedis(), testRedis(), testRedis(), testRedis()];
  prefix = uniquePrefix('recovery');
  dead = new RedisTurnQueue(connections[0], connections[1], { prefix, leaseMs: 300, waitTimeoutMs: 5000 });
  alive = new RedisTurnQueue(connections[2], connections[3], { prefix, leaseMs: 300, waitTimeoutMs: 5000 });
  adopted = [];
});
afterEach(async () => {
  await Promise.all([dead.close(), alive.close()]);
  await Promise.all(connections.map((c) => c.quit()));
});

/** The survivor runs each orphan it is handed through its own queue; resolves on the first. */
function adoptOrphans(): Promise<void> {
  return new Promise<void>((resolve) => {
    alive.recoverWith(async (conversationId, ticket, recoverable) => {
      await alive.run(conversationId, async () => {
        adopted.push(`${conversationId}:${recoverable}`);
      }, { ticket });
      resolve();
    });
  });
}

it('the next turn of the conversation takes over the orphan and runs after it', async () => {
  await dead.reserve('c1', 'killed', 'turn-1');
  void adoptOrphans();
  const order: string[] = [];
  await alive.run('c1', async () => {
    order.push(...adopted, 'next');
  });
  expect(order).toEqual(['c1:turn-1', 'next']);
});

it('the sweep takes over an orphan when no further message comes, and the index then forgets it', async () => {
  await dead.reserve('c2', 'killed', 'turn-2');
  const started = Date.now();
  await adoptOrphans();
  expect(adopted).toEqual(['c2:turn-2']);
  expect(Date.now() - started).toBeLessThan(2000); // a lease (300 ms) and a few sweeps (50 ms)
  const k = conversationKeys(prefix, 'c2');
  expect(await connections[2].exists(k.turnQueue, k.turnLeases, k.turnPending)).toBe(0);
  // Its entry in the index is due a lease later; a sweep then finds the queue empty.
  for (let i = 0; i < 100 && (await connections[2].zscore(sharedKeys(prefix).turnsOpen, 'c2')) !== null; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await connections[2].zscore(sharedKeys(prefix).turnsOpen, 'c2')).toBeNull();
});

it('a turn whose state write landed is not run again when its process dies before releasing', async () => {
  const storage = new RedisStateStorage(connections[0], 60, prefix);
  await dead.reserve('c3', 'killed', 'turn-3');
  await turnScope.run({ conversationId: 'c3', token: 'killed' }, () => storage.write({ 'test/conversations/c3/': { n: 1 } }));
  void adoptOrphans();
  await alive.run('c3', async () => undefined);
  expect(adopted).toEqual([]);
  expect(await storage.read(['test/conversations/c3/'])).toMatchObject({ 'test/conversations/c3/': { n: 1 } });
});

it('a process that stalled past its lease cannot write its state once the turn was taken over', async () => {
  const storage = new RedisStateStorage(connections[0], 60, prefix);
  await dead.reserve('c4', 'stalled', 'turn-4');
  void adoptOrphans();
  await alive.run('c4', async () => undefined);
  expect(adopted).toEqual(['c4:turn-4']);
  await expect(
    turnScope.run({ conversationId: 'c4', token: 'stalled' }, () => storage.write({ 'test/conversations/c4/': { n: 2 } })),
  ).rejects.toBeInstanceOf(TurnSupersededError);
  expect(await storage.read(['test/conversations/c4/'])).toEqual({});
});

it('an orphan is taken over once only: if its new owner dies too, it is dropped', async () => {
  let handed = 0;
  alive.recoverWith(async () => {
    handed++; // the adopter "dies": it never runs or releases the turn
  });
  await dead.reserve('c5', 'killed', 'turn-5');
  await alive.run('c5', async () => undefined); // waits out both leases, then runs
  expect(handed).toBe(1);
});

it('a turn without a recoverable description, or with one over the cap, is dropped as before', async () => {
  void adoptOrphans();
  await dead.reserve('c6', 'plain');
  await dead.reserve('c6', 'huge', 'x'.repeat(MAX_RECOVERABLE_BYTES + 1));
  await alive.run('c6', async () => undefined);
  expect(adopted).toEqual([]);
});
