/**
 * A content reload reaches the handoff: new opening hours of a queue apply to requests and to
 * the console at once, without a restart (the service reads the catalogue in service now).
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { loadDirectLineConfig } from '../../src/channels/directline';
import { createRuntime, Runtime } from '../../src/server/runtime';
import { startConversation, TEST_SECRET } from '../channels/helpers';
import { copyContent } from '../engine/support';
import { capturingLogger, testConfig } from '../support/runtime';
import { CLOSED_TIME, GENERAL, OPEN_TIME, SUMMARY } from './helpers';
import { DEMO_SUPERVISOR, signIn } from './runtime';

describe('handoff after a content reload', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(() => {
    dir = copyContent();
    const { config: directLine } = loadDirectLineConfig({ NODE_ENV: 'test', DIRECT_LINE_SECRET: TEST_SECRET });
    rt = createRuntime(testConfig({ CONTENT_DIR: dir }), capturingLogger('silent').log, { directLine });
  });
  afterEach(async () => {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a queue opened by an edit takes requests at once, and the console shows it open', async () => {
    await rt.handoff.service.setPresence('c1', 'online', [GENERAL]);
    const ask = (conversationId: string) => rt.handoff.service.request({ conversationId, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now: CLOSED_TIME });
    expect(await ask('conv-before')).toMatchObject({ status: 'unavailable', reason: 'closed' });

    const file = path.join(dir, 'content/regions/demo/queues.yaml');
    const yaml = fs.readFileSync(file, 'utf8');
    const general = yaml.indexOf('- id: demo-general-guidance');
    const edited = yaml.slice(0, general) + yaml.slice(general).replace(/hours:\n\s+weekly:\n\s+- \{ days: \[mon, tue, wed, thu, fri\], from: "08:00", to: "18:00" \}/, 'hours: { always: true }');
    expect(edited).not.toBe(yaml);
    fs.writeFileSync(file, edited);
    expect(rt.content.reload().ok).toBe(true);

    expect(await ask('conv-after')).toMatchObject({ status: 'queued', position: 1 });
    const sup = await signIn(rt.app, DEMO_SUPERVISOR);
    const queues = await request(rt.app).get('/counsellor/api/queues').set('Cookie', sup.cookie).expect(200);
    expect(queues.body.queues.find((q: { id: string }) => q.id === GENERAL)).toMatchObject({ opening: 'always', waiting: 1 });
  });

  it('an edited feedback question reaches the end of a handoff at once', async () => {
    await rt.handoff.service.setPresence('c1', 'online', [GENERAL]);
    const handoffThenQuestion = async (): Promise<string | undefined> => {
      const c = await startConversation(rt.app);
      await rt.handoff.service.request({ conversationId: c.conversationId, queueId: GENERAL, lang: 'fi', summary: SUMMARY, now: OPEN_TIME });
      await rt.handoff.service.accept(c.conversationId, 'c1');
      await rt.handoff.service.end(c.conversationId, 'c1', 'back-to-bot');
      const all = await request(rt.app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set('Authorization', `Bearer ${c.token}`).expect(200);
      return (all.body.activities as { text?: string; channelData?: { handoffFeedback?: boolean } }[]).find((x) => x.channelData?.handoffFeedback)?.text;
    };
    expect(await handoffThenQuestion()).toBe('Oliko tästä apua?');
    const file = path.join(dir, 'content/engine-texts.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('fi: "Oliko tästä apua?"', 'fi: "Auttoiko tämä?"'));
    expect(rt.content.reload().ok).toBe(true);
    expect(await handoffThenQuestion()).toBe('Auttoiko tämä?');
  });
});
