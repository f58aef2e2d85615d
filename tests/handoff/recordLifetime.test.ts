/**
 * The handoff record lives at most its TTL from its first write: later writes (accept, messages,
 * end) never extend it, as for every key of a conversation (docs/hardening.md). Memory and Redis.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { conversationKeys } from '../../src/state/keys';
import { buildService, GENERAL, OPEN_TIME, SUMMARY } from './helpers';

const HOUR_MS = 3600 * 1000; // the helpers' recordTtlSeconds

afterEach(() => jest.restoreAllMocks());

async function waitingThenAccepted(h: ReturnType<typeof buildService>, beforeAccept: (id: string) => Promise<void>): Promise<string> {
  const id = `conv-${randomUUID()}`;
  await h.service.setPresence('c1', 'online', [GENERAL]);
  expect((await h.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now: OPEN_TIME })).status).toBe('queued');
  await beforeAccept(id);
  expect(await h.service.accept(id, 'c1')).toEqual({ ok: true });
  return id;
}

it('memory: a record accepted just before its hour is up still expires an hour after its first write', async () => {
  const h = buildService('memory', { clock: () => OPEN_TIME });
  const start = Date.now();
  const clock = jest.spyOn(Date, 'now');
  const id = await waitingThenAccepted(h, async () => {
    clock.mockReturnValue(start + HOUR_MS - 1000);
  });
  expect((await h.service.statusOf(id)).status).toBe('accepted');
  clock.mockReturnValue(start + HOUR_MS + 1000);
  expect(await h.service.statusOf(id)).toEqual({ status: 'none' });
  await h.close();
});

it('redis: a write keeps the time the record has left instead of starting a new hour', async () => {
  const h = buildService('redis', { clock: () => OPEN_TIME });
  const redis = (h.store as unknown as { redis: Redis }).redis;
  const prefix = (h.store as unknown as { prefix: string }).prefix;
  let key = '';
  await waitingThenAccepted(h, async (id) => {
    key = conversationKeys(prefix, id).handoff;
    await redis.pexpire(key, 60_000); // as if the record were 59 minutes old
  });
  const left = await redis.pttl(key);
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThanOrEqual(60_000);
  await h.close();
});

