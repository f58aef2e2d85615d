/**
 * Start-up profiles: only production, development and test run; production without an Azure Bot
 * registration is the web-chat-only profile; Redis may be one server, Sentinel or Cluster.
 */
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { messageActivity } from '../support/activities';
import { testRuntime } from '../support/runtime';

describe('NODE_ENV', () => {
  it.each(['staging', 'Production', 'prod', 'dev', ' production'])('refuses "%s" with a message naming the allowed values', (value) => {
    const { problems } = loadConfig({ NODE_ENV: value, MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' });
    expect(problems.join(' ')).toMatch(new RegExp(`NODE_ENV must be one of production, development, test; found "${value}"`));
  });

  it('refuses to start when NODE_ENV is unset: development must be asked for', () => {
    expect(loadConfig({}).problems.join(' ')).toMatch(/NODE_ENV is not set/);
  });

  it.each(['production', 'development', 'test'])('accepts %s', (value) => {
    const { problems, config } = loadConfig({ NODE_ENV: value });
    expect(problems).toEqual([]);
    expect(config.nodeEnv).toBe(value);
  });
});

describe('profiles of POST /api/messages', () => {
  it('production with credentials authenticates; development without them is open to the allow-list', () => {
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' }).config.messagesEndpoint).toBe('authenticated');
    expect(loadConfig({ NODE_ENV: 'development' }).config.messagesEndpoint).toBe('open');
  });

  it('web-chat-only production answers /api/messages with a JSON 404 and says so once in the log', async () => {
    const runtime = testRuntime({ NODE_ENV: 'production', DIRECT_LINE_SECRET: 'x'.repeat(32) });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await request(runtime.app).post('/api/messages').send(messageActivity('conv-off', 'hei'));
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/json/);
      }
      expect(runtime.lines.filter((l) => l.includes('"messages_disabled"'))).toHaveLength(1);
      // The web chat still works in this profile.
      const token = await request(runtime.app).post('/api/chat/token').send({});
      expect(token.status).toBeLessThan(300);
    } finally {
      await runtime.close();
    }
  });
});

describe('Redis topology', () => {
  it('reads one server, Sentinel or Cluster from the environment', () => {
    expect(loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://r:6380' }).config.redis).toEqual({ kind: 'single', url: 'redis://r:6380' });
    const sentinel = loadConfig({ NODE_ENV: 'test', REDIS_SENTINELS: 's1:26379, s2', REDIS_SENTINEL_MASTER: 'opastin', REDIS_PASSWORD: 'pw' }).config.redis;
    expect(sentinel).toEqual({
      kind: 'sentinel', masterName: 'opastin', auth: { password: 'pw', tls: false },
      sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }],
    });
    const cluster = loadConfig({ NODE_ENV: 'test', REDIS_CLUSTER_NODES: 'redis://a:7000,b:7001', REDIS_TLS: 'true' }).config;
    expect(cluster.redis).toEqual({ kind: 'cluster', nodes: [{ host: 'a', port: 7000 }, { host: 'b', port: 7001 }], auth: { tls: true } });
    expect(cluster.redisUrl).toBeNull();
  });

  it('refuses two topologies at once and a node list that names nothing', () => {
    expect(loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://r', REDIS_CLUSTER_NODES: 'a:1' }).problems.join(' ')).toMatch(/only one of/);
    expect(loadConfig({ NODE_ENV: 'test', REDIS_SENTINELS: ' , ' }).problems.join(' ')).toMatch(/names no host:port/);
    expect(loadConfig({ NODE_ENV: 'test', REDIS_URL: 'localhost:6379' }).problems.join(' ')).toMatch(/redis:\/\//);
  });
});
