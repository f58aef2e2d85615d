/**
 * A dead Redis gets residents a clear apology in their language, with crisis numbers, quickly:
 * never a crash or a silent hang. When Redis returns, the bot recovers by itself.
 *
 * The runtime reaches Redis through a proxy whose port the test holds throughout: the Redis that
 * comes back is a new redis-server on a port of its own. (Restarting on the dead one's port raced
 * with other test files picking "free" ports under load: the revival could fail or, worse, the
 * runtime could reconnect to another test's Redis.)
 */
import request from 'supertest';
import { messageActivity } from '../support/activities';
import { startHoldingProxy } from '../support/redisProxy';
import { startRedisServer } from '../support/redisServer';
import { testRuntime } from '../support/runtime';

const APOLOGY = /Pahoittelut, Opastin ei juuri nyt toimi/;

describe('when Redis is down', () => {
  it('answers with an apology and 112 within the fail-fast budget, readyz says 503, and recovers', async () => {
    const redis = await startRedisServer();
    const proxy = await startHoldingProxy(redis.port);
    const runtime = testRuntime({ REDIS_URL: proxy.url });
    const ok = await request(runtime.app).post('/api/messages').send(messageActivity('conv-down', 'hei'));
    expect(ok.body.activities[0].text).toMatch(/Opastin/);
    expect(ok.body.activities[0].text).not.toMatch(APOLOGY);

    await redis.stop();
    const started = Date.now();
    const down = await request(runtime.app)
      .post('/api/messages')
      .send(messageActivity('conv-down', 'hej', { locale: 'sv-FI' }));
    const elapsed = Date.now() - started;
    expect(down.status).toBe(200);
    expect(down.body.activities[0].text).toMatch(/Tyvärr/);
    expect(down.body.activities[0].text).toMatch(/112/);
    expect(elapsed).toBeLessThan(5000); // commandTimeout is 2 s: a hang would blow far past this
    expect((await request(runtime.app).get('/readyz')).status).toBe(503);
    // The failure is logged without the resident's text.
    expect(runtime.lines.join('\n')).not.toMatch(/hej/);

    const revived = await startRedisServer();
    proxy.retarget(revived.port);
    await new Promise<void>((resolve) => {
      if (runtime.redis?.status === 'ready') return resolve();
      runtime.redis?.once('ready', () => resolve());
    });
    const back = await request(runtime.app).post('/api/messages').send(messageActivity('conv-after', 'hei'));
    expect(back.body.activities[0].text).toMatch(/Opastin/);
    expect(back.body.activities[0].text).not.toMatch(APOLOGY);
    expect((await request(runtime.app).get('/readyz')).status).toBe(200);
    await runtime.close();
    await proxy.close();
    await revived.stop();
  });
});
