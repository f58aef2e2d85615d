/**
 * Scripts go by their SHA1 (EVALSHA) and survive a Redis that forgot them (restart, failover,
 * SCRIPT FLUSH): the first call after answers NOSCRIPT, is sent once in full, and the turn
 * (queue, state write, release) goes on as before.
 */
import Redis from 'ioredis';
import { LuaScript } from '../../src/state/luaScript';
import { RedisStateStorage } from '../../src/state/redisStorage';
import { RedisTurnQueue } from '../../src/state/redisTurnQueue';
import { startRedisServer, RedisServerHandle } from '../support/redisServer';
import { uniquePrefix } from '../support/redisTest';

// A redis-server of its own: SCRIPT FLUSH on the shared one would make other files' command counts vary.
let server: RedisServerHandle;
let client: Redis;
let subscriber: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  [client, subscriber] = [new Redis(server.url), new Redis(server.url)];
});
afterAll(async () => {
  await Promise.all([client.quit(), subscriber.quit()]);
  await server.stop();
});

/** The script calls sent while `work` runs. */
async function commandsSent(work: () => Promise<unknown>): Promise<string[]> {
  const monitor = await client.monitor(); // a connection of its own (ioredis duplicates the client)
  const seen: string[] = [];
  const marker = `marker-${Math.random()}`;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  monitor.on('monitor', (_t: string, args: string[], source: string) => {
    const command = String(args[0]).toLowerCase();
    if (command === 'echo' && args[1] === marker) return done();
    if (source !== 'lua' && (command === 'evalsha' || command === 'eval') && String(args.at(-1)).startsWith('lua-test')) seen.push(command);
  });
  await work();
  await client.echo(marker);
  await finished;
  monitor.disconnect();
  return seen;
}

it('sends the digest, and the text once after Redis forgot the script', async () => {
  const script = new LuaScript("return 'ran ' .. ARGV[1]");
  await client.script('FLUSH');
  const sent = await commandsSent(async () => {
    expect(await script.run(client, 0, 'lua-test-1')).toBe('ran lua-test-1');
    expect(await script.run(client, 0, 'lua-test-2')).toBe('ran lua-test-2');
    await client.script('FLUSH');
    expect(await script.runBuffer(client, 0, 'lua-test-3')).toEqual(Buffer.from('ran lua-test-3'));
  });
  expect(sent).toEqual(['evalsha', 'eval', 'evalsha', 'evalsha', 'eval']);
});

it('a script error other than NOSCRIPT is not retried', async () => {
  const failing = new LuaScript("return redis.error_reply('BROKEN by the test')");
  await expect(failing.run(client, 0)).rejects.toThrow('BROKEN by the test');
});

it('a queued turn with its state write runs on a Redis that has just lost its scripts', async () => {
  const prefix = uniquePrefix('noscript');
  const queue = new RedisTurnQueue(client, subscriber, { prefix });
  const storage = new RedisStateStorage(client, 3600, prefix);
  const key = 'test/conversations/c1/';
  await queue.run('c1', async () => storage.write({ [key]: { n: 1 } }), { prefetchState: 'test' });
  await client.script('FLUSH');
  await queue.run('c1', async () => {
    const item = (await storage.read([key]))[key];
    await storage.write({ [key]: { ...item, n: 2 } });
  }, { prefetchState: 'test' });
  expect((await storage.read([key]))[key].n).toBe(2);
});
