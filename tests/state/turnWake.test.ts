/**
 * The turn-ended message (pub/sub) that wakes turns waiting in a conversation's queue, on a real
 * redis-server: sent when a turn ends with another one waiting behind it, and not for a turn
 * nobody waits for (most turns), which every process would otherwise receive and drop.
 */
import { sharedKeys } from '../../src/state/keys';
import { RedisStateStorage } from '../../src/state/redisStorage';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { trackedRedis, uniquePrefix } from '../support/redisTest';

const connections = trackedRedis();
const redis = connections.open;
afterAll(connections.closeAll);

const KEY = 'test/conversations/c1/';
const END_OF_TEST = '(end of test)';

/**
 * Every message on the turn-ended channel until `END_OF_TEST`, which the test publishes itself
 * last: Redis delivers one channel's messages in order, so everything published before it is in.
 */
async function turnEndedMessages(prefix: string, during: (queue: RedisTurnQueue, storage: RedisStateStorage) => Promise<void>): Promise<string[]> {
  const channel = sharedKeys(prefix).turnEndedChannel;
  const listener = redis();
  const seen: string[] = [];
  let done!: () => void;
  const ended = new Promise<void>((resolve) => (done = resolve));
  listener.on('message', (_channel: string, message: string) => (message === END_OF_TEST ? done() : seen.push(message)));
  await listener.subscribe(channel);
  const client = redis();
  await during(new RedisTurnQueue(client, redis(), { prefix }), new RedisStateStorage(client, 3600, prefix));
  await client.publish(channel, END_OF_TEST);
  await ended;
  return seen;
}

it('a turn that nobody waits behind ends without a message, with or without a state write', async () => {
  const seen = await turnEndedMessages(uniquePrefix('turn-wake'), async (queue, storage) => {
    await queue.run('c1', async () => 'no write'); // RELEASE_AND_WAKE
    await queue.run('c1', async () => {
      await storage.write({ [KEY]: { n: 1 } }); // END_TURN with the state write
    }, { prefetchState: 'test' });
  });
  expect(seen).toEqual([]);
});

it('a turn with another waiting behind it wakes it: one message, and none when the last one ends', async () => {
  const order: string[] = [];
  const seen = await turnEndedMessages(uniquePrefix('turn-wake'), async (queue, storage) => {
    let finishFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => (finishFirst = resolve));
    let secondQueued!: () => void;
    const queued = new Promise<void>((resolve) => (secondQueued = resolve));
    const first = queue.run('c1', async () => {
      await firstMayEnd;
      await storage.write({ [KEY]: { n: 1 } });
      order.push('first');
    }, { prefetchState: 'test' });
    const second = queue.run('c1', async () => {
      order.push('second');
    }, { onQueued: secondQueued });
    await queued;
    finishFirst();
    await Promise.all([first, second]);
  });
  expect(order).toEqual(['first', 'second']);
  expect(seen).toEqual(['c1']);
});

it('a turn whose place was erased under it (end and delete) still wakes the turns cancelled behind it', async () => {
  const prefix = uniquePrefix('turn-wake');
  const seen = await turnEndedMessages(prefix, async (queue) => {
    const eraser = redis();
    await queue.run('c1', async () => {
      // What the eraser does to the queue's keys while "end and delete" holds the turn.
      const keys = await eraser.keys(`${prefix}*turn*`);
      if (keys.length > 0) await eraser.del(...keys);
    });
  });
  expect(seen).toEqual(['c1']);
});
