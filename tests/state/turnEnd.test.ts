/**
 * A queued turn's state on a real redis-server: read with the turn's acquire (one script) and
 * written with its release (one script, END_TURN), with the eTag check and the lease fence of a
 * plain write.
 */
import { RedisStateStorage } from '../../src/state/redisStorage';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { EtagConflictError } from '../../src/state/storeItems';
import { trackedRedis, uniquePrefix } from '../support/redisTest';

const connections = trackedRedis();
const redis = connections.open;
afterAll(connections.closeAll);

function setUp() {
  const prefix = uniquePrefix('turn-end');
  const client = redis();
  return { prefix, client, queue: new RedisTurnQueue(client, redis(), { prefix }), storage: new RedisStateStorage(client, 3600, prefix) };
}

const KEY = 'test/conversations/c1/';

it("reads the state with the acquire and writes it with the release: nothing in between touches Redis for it", async () => {
  const { client, queue, storage } = setUp();
  await storage.write({ [KEY]: { n: 1 } });
  const redisKey = storage.key(KEY);
  let readCalls = 0;
  const mget = client.mget.bind(client);
  client.mget = ((...args: Parameters<typeof mget>) => (readCalls++, mget(...args))) as typeof client.mget;
  let duringTurn: string | null = null;
  await queue.run('c1', async () => {
    const items = await storage.read([KEY]);
    expect(items[KEY].n).toBe(1);
    await storage.write({ [KEY]: { ...items[KEY], n: 2 } });
    duringTurn = await client.get(redisKey);
  }, { prefetchState: 'test' });
  expect(readCalls).toBe(0);
  // Written by the release, not by the write call inside the turn.
  expect(duringTurn).toContain('"n":1');
  expect((await storage.read([KEY]))[KEY].n).toBe(2);
});

it('an eTag conflict found at the release fails the turn, writes nothing and frees the conversation', async () => {
  const { queue, storage } = setUp();
  await storage.write({ [KEY]: { n: 1 } });
  await expect(queue.run('c1', async () => {
    await storage.write({ [KEY]: { n: 99, eTag: 'not-the-stored-one' } });
  }, { prefetchState: 'test' })).rejects.toBeInstanceOf(EtagConflictError);
  expect((await storage.read([KEY]))[KEY].n).toBe(1);
  await expect(queue.run('c1', async () => 'next turn')).resolves.toBe('next turn');
});

it('two writes of one key in a turn are one write, checked against the eTag the turn read', async () => {
  const { queue, storage } = setUp();
  await storage.write({ [KEY]: { n: 1 } });
  await queue.run('c1', async () => {
    const item = (await storage.read([KEY]))[KEY];
    await storage.write({ [KEY]: { ...item, n: 2 } });
    await storage.write({ [KEY]: { ...item, n: 3 } });
  }, { prefetchState: 'test' });
  expect((await storage.read([KEY]))[KEY].n).toBe(3);
});
