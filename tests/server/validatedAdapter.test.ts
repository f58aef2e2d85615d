/**
 * ValidatedCloudAdapter.processValidated (src/channels/botframework/cloudAdapter.ts): the HTTP entry
 * for bodies messagesRoute has validated. It answers as CloudAdapter.process does — the
 * expectReplies activities as JSON, wire timestamps as Dates for the bot — and a failure inside
 * the turn leaves as our generic 500, never the error's own text. Real express and supertest.
 */
import type { TurnContext } from 'botbuilder';
import express from 'express';
import request from 'supertest';
import { createCloudAdapter } from '../../src/channels/botframework/cloudAdapter';
import { messageActivity } from '../support/activities';
import { testConfig } from '../support/runtime';

function appWith(logic: (context: TurnContext) => Promise<void>) {
  const adapter = createCloudAdapter(testConfig({}));
  const app = express();
  app.use(express.json());
  app.post('/api/messages', (req, res) => adapter.processValidated(req, res, logic));
  return app;
}

it('answers expectReplies with the turn\'s activities as JSON, and gives the bot Dates for wire timestamps', async () => {
  let seen: { timestamp?: unknown; rawTimestamp?: unknown } = {};
  const app = appWith(async (context) => {
    seen = context.activity as typeof seen;
    await context.sendActivity('yksi');
    await context.sendActivity('kaksi');
  });
  const res = await request(app).post('/api/messages').send({ ...messageActivity('c1', 'hei'), timestamp: '2026-12-02T05:00:00.000Z' });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers.etag).toBeUndefined();
  expect(res.body.activities.map((a: { text: string }) => a.text)).toEqual(['yksi', 'kaksi']);
  expect(seen.timestamp).toBeInstanceOf(Date);
  expect((seen.timestamp as Date).toISOString()).toBe('2026-12-02T05:00:00.000Z');
  expect(seen.rawTimestamp).toBe('2026-12-02T05:00:00.000Z');
});

it('answers a turn without expectReplies with an empty 200', async () => {
  const app = appWith(async () => undefined);
  const res = await request(app).post('/api/messages').send({ ...messageActivity('c1', 'hei'), deliveryMode: undefined });
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
});

it('a failing turn is a 500 with the generic JSON error, not the failure\'s text', async () => {
  const app = appWith(async () => {
    throw new Error('internal detail: redis at 10.0.0.5');
  });
  const res = await request(app).post('/api/messages').send(messageActivity('c1', 'hei'));
  expect(res.status).toBe(500);
  expect(res.body).toEqual({ error: { code: 'InternalError', message: 'Something went wrong on our side.' } });
  expect(res.text).not.toContain('10.0.0.5');
});
