import type Redis from 'ioredis';
import { MemoryStateStorage } from '../../src/state/memoryStorage';
import { RedisStateStorage } from '../../src/state/redisStorage';
import { testRedis, uniquePrefix } from '../support/redisTest';
import { storageBehaviour } from './storageBehaviour';

let redis: Redis;
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});

storageBehaviour('memory', async () => new MemoryStateStorage(3600));
storageBehaviour('redis', async () => new RedisStateStorage(redis, 3600, uniquePrefix('storage')));

describe('TTL (data minimisation)', () => {
  it('redis: every key written carries the configured TTL', async () => {
    const prefix = uniquePrefix('ttl');
    const storage = new RedisStateStorage(redis, 120, prefix);
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    for (const key of ['a', 'b']) {
      const ttl = await redis.ttl(storage.key(key));
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    }
  });

  it('redis: a conversation\'s state sits under its hash tag, and a later write does not extend its TTL', async () => {
    const prefix = uniquePrefix('ttl-cap');
    const storage = new RedisStateStorage(redis, 120, prefix);
    const key = 'directline/conversations/abc123/';
    expect(storage.key(key)).toBe(`${prefix}conv:{abc123}:state:directline/`);
    await storage.write({ [key]: { v: 1 } });
    await redis.pexpire(storage.key(key), 50_000); // as if 70 s had passed
    await storage.write({ [key]: { v: 2 } });
    const left = await redis.pttl(storage.key(key));
    expect(left).toBeLessThanOrEqual(50_000);
    expect(left).toBeGreaterThan(40_000);
  });

  it('memory: a later write does not extend the TTL either (24 h from the start, as the notice says)', async () => {
    let now = 1_000_000;
    const storage = new MemoryStateStorage(60, () => now);
    await storage.write({ a: { v: 1 } });
    now += 50_000;
    await storage.write({ a: { v: 2 } });
    now += 11_000;
    expect(await storage.read(['a'])).toEqual({});
  });

  it('memory: expired entries are swept from the heap, not only hidden', async () => {
    let now = 1_000_000;
    const storage = new MemoryStateStorage(60, () => now);
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    now += 61_000;
    await storage.write({ c: { v: 3 } });
    expect(storage.dump().map(([k]) => k)).toEqual(['c']);
  });

  it('memory: an item is gone once its TTL has passed', async () => {
    let now = 1_000_000;
    const storage = new MemoryStateStorage(60, () => now);
    await storage.write({ a: { v: 1 } });
    now += 59_000;
    expect((await storage.read(['a'])).a).toBeDefined();
    now += 2_000;
    expect(await storage.read(['a'])).toEqual({});
  });

  it('redis: a batch of reads is one MGET round trip, a batch of writes one script call', async () => {
    const prefix = uniquePrefix('roundtrips');
    const storage = new RedisStateStorage(redis, 60, prefix);
    await storage.write({ warm: { v: 0 } }); // Redis caches the script: the write below goes by digest
    const monitor = await redis.monitor();
    const commands: string[] = [];
    const marker = `${prefix}done`;
    // MONITOR reports commands in execution order: once it shows the marker, it has shown the rest.
    const sawMarker = new Promise<void>((resolve) => {
      monitor.on('monitor', (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() === 'echo' && args[1] === marker) resolve();
        else if (args.some((a) => a.startsWith(prefix))) commands.push(args[0].toLowerCase());
      });
    });
    await storage.write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
    await storage.read(['a', 'b', 'c']);
    await redis.echo(marker);
    await sawMarker;
    monitor.disconnect();
    expect(commands.filter((c) => c === 'evalsha' || c === 'eval')).toEqual(['evalsha']);
    expect(commands.filter((c) => c === 'mget')).toHaveLength(1);
    expect(commands).not.toContain('get');
  });
});
