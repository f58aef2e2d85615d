/**
 * CloudAdapter with one ConnectorClient per serviceUrl (src/channels/botframework/reusedConnectors.ts):
 * turns from one channel share the client, another serviceUrl gets its own, and authentication is
 * unchanged (without a token, an authenticated adapter still refuses; without credentials, the
 * SDK's anonymous identity is reused).
 */
import type { TurnContext } from 'botbuilder';
import express from 'express';
import request from 'supertest';
import { createCloudAdapter } from '../../src/channels/botframework/cloudAdapter';
import { messageActivity } from '../support/activities';
import { testConfig } from '../support/runtime';

function appWith(env: Record<string, string> = {}) {
  const adapter = createCloudAdapter(testConfig(env));
  const seen: unknown[] = [];
  const identities: unknown[] = [];
  const app = express();
  app.use(express.json());
  app.post('/api/messages', (req, res) =>
    adapter.process(req, res, async (context: TurnContext) => {
      seen.push(context.turnState.get(adapter.ConnectorClientKey));
      identities.push(context.turnState.get(adapter.BotIdentityKey));
      await context.sendActivity('ok');
    }),
  );
  return { app, seen, identities };
}

it('reuses the connector client for turns from the same serviceUrl, not across serviceUrls', async () => {
  const { app, seen } = appWith();
  for (const serviceUrl of ['http://localhost:9', 'http://localhost:9', 'http://localhost:10']) {
    const res = await request(app).post('/api/messages').send(messageActivity('c1', 'hei', { serviceUrl }));
    expect(res.status).toBe(200);
    expect(res.body.activities[0].text).toBe('ok');
  }
  expect(seen[0]).toBeDefined();
  expect(seen[1]).toBe(seen[0]);
  expect(seen[2]).not.toBe(seen[0]);
});

it('still validates the JWT when MicrosoftAppId is set', async () => {
  const { app, seen } = appWith({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  const res = await request(app).post('/api/messages').send(messageActivity('c1', 'hei'));
  expect(res.status).toBe(401);
  // A second try, and one with a made-up token: nothing from a first answer is reused.
  expect((await request(app).post('/api/messages').send(messageActivity('c1', 'hei'))).status).toBe(401);
  const forged = await request(app).post('/api/messages').set('Authorization', 'Bearer not.a.jwt').send(messageActivity('c1', 'hei'));
  expect(forged.status).toBe(401);
  expect(seen).toHaveLength(0);
});

it('without credentials, turns share the one anonymous identity the SDK gives them', async () => {
  const { app, identities } = appWith();
  for (let i = 0; i < 3; i++) expect((await request(app).post('/api/messages').send(messageActivity('c1', 'hei'))).status).toBe(200);
  expect(identities[0]).toMatchObject({ claims: [] });
  expect(identities[1]).toBe(identities[0]);
  expect(identities[2]).toBe(identities[0]);
});
