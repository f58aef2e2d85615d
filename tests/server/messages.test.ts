import request from 'supertest';
import { loadConfig } from '../../src/config';
import { messageActivity } from '../support/activities';
import { testRuntime } from '../support/runtime';

describe('POST /api/messages (development, no credentials)', () => {
  const runtime = testRuntime();
  afterAll(() => runtime.close());

  it('answers with expectReplies: the greeting with suggested actions in the body', async () => {
    const res = await request(runtime.app).post('/api/messages').send(messageActivity('conv-greet', 'hei'));
    expect(res.status).toBe(200);
    const [reply] = res.body.activities;
    expect(reply.type).toBe('message');
    expect(res.body.activities.map((a: { text?: string }) => a.text).join(' ')).toMatch(/Opastin/);
    const withChoices = res.body.activities.find((a: { suggestedActions?: unknown }) => a.suggestedActions);
    expect(withChoices.suggestedActions.actions.length).toBeGreaterThan(1);
  });

  it('answers in Swedish when the activity locale is sv-FI', async () => {
    const res = await request(runtime.app)
      .post('/api/messages')
      .send(messageActivity('conv-sv', 'hej', { locale: 'sv-FI' }));
    expect(res.body.activities[0].text).toMatch(/Hej/i);
  });

  it.each([
    ['a body that is not JSON', '{"type": "message",', 'application/json', 400],
    ['a JSON array', '[]', 'application/json', 400],
    ['an activity without a type', JSON.stringify({ conversation: { id: 'c' }, serviceUrl: 'http://localhost' }), 'application/json', 400],
    ['an activity without a conversation', JSON.stringify({ type: 'message', serviceUrl: 'http://localhost' }), 'application/json', 400],
    ['a text over 4,000 characters', JSON.stringify(messageActivity('c', 'x'.repeat(4001))), 'application/json', 400],
  ])('rejects %s with a JSON error', async (_name, body, contentType, status) => {
    const res = await request(runtime.app).post('/api/messages').set('content-type', contentType).send(body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(typeof res.body.error.message).toBe('string');
  });

  it('refuses a serviceUrl that is not on the allow-list', async () => {
    const res = await request(runtime.app)
      .post('/api/messages')
      .send(messageActivity('conv-evil', 'hei', { serviceUrl: 'https://attacker.example/' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/allow-list/);
  });

  it('gives unknown routes a JSON 404', async () => {
    const res = await request(runtime.app).get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
  });
});

describe('POST /api/messages with MicrosoftAppId set', () => {
  const runtime = testRuntime({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  afterAll(() => runtime.close());

  it('rejects a request without a token with 401', async () => {
    const res = await request(runtime.app).post('/api/messages').send(messageActivity('conv-auth', 'hei'));
    expect(res.status).toBe(401);
  });
});

describe('configuration', () => {
  it('in production without Bot Framework credentials disables /api/messages (web-chat-only profile)', () => {
    const { config, problems } = loadConfig({ NODE_ENV: 'production' });
    expect(problems).toEqual([]);
    expect(config.messagesEndpoint).toBe('disabled');
  });

  it('defaults the serviceUrl allow-list to loopback in development and to nothing in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).config.serviceUrlAllowList).toContain('http://localhost');
    const prod = loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' });
    expect(prod.config.serviceUrlAllowList).toEqual([]);
  });

  it('reports every bad setting at once', () => {
    const { problems } = loadConfig({ NODE_ENV: 'test', PORT: 'abc', STATE_TTL_SECONDS: '-5' });
    expect(problems).toHaveLength(2);
  });
});

describe('health', () => {
  const runtime = testRuntime();
  afterAll(() => runtime.close());

  it('GET /healthz and /readyz answer JSON 200 with memory state', async () => {
    expect((await request(runtime.app).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(runtime.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });
});
