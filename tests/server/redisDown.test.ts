/**
 * A dead Redis gets residents a clear apology in their language, with crisis numbers, quickly:
 * never a crash or a silent hang. When Redis returns, the bot recovers by itself.
 */
import request from 'supertest';
import { messageActivity } from '../support/activities';
import { startRedisServer } from '../support/redisServer';
import { testRuntime } from '../support/runtime';

describe('when Redis is down', () => {
  it('answers with an apology and 112 within the fail-fast budget, readyz says 503, and recovers', async () => {
    const redis = await startRedisServer();
    const runtime = testRuntime({ REDIS_URL: redis.url });
    const ok = await request(runtime.app).post('/api/messages').send(messageActivity('conv-down', 'hei'));
    expect(ok.body.activities[0].text).toMatch(/Opastin/);

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

    const revived = await startRedisServer(redis.port);
    await new Promise<void>((resolve) => {
      if (runtime.redis?.status === 'ready') return resolve();
      runtime.redis?.once('ready', () => resolve());
    });
    const back = await request(runtime.app).post('/api/messages').send(messageActivity('conv-after', 'hei'));
    expect(back.body.activities[0].text).toMatch(/Opastin/);
    expect((await request(runtime.app).get('/readyz')).status).toBe(200);
    await runtime.close();
    await revived.stop();
  });
});
