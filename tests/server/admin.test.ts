/** POST /admin/reload: token required; a broken edit answers 422 with diagnostics and keeps serving. */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { messageActivity } from '../support/activities';
import { testRuntime } from '../support/runtime';
import { copyContent } from '../engine/support';

const TOKEN = 'a-long-enough-admin-token';

describe('POST /admin/reload', () => {
  const dir = copyContent();
  const runtime = testRuntime({ ADMIN_TOKEN: TOKEN, CONTENT_DIR: dir });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a missing or wrong token with a JSON 401', async () => {
    expect((await request(runtime.app).post('/admin/reload')).status).toBe(401);
    const wrong = await request(runtime.app).post('/admin/reload').set('Authorization', 'Bearer nope');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('Unauthorized');
  });

  it('reloads good content (200) and refuses a broken edit (422) while the bot keeps answering', async () => {
    const ok = await request(runtime.app).post('/admin/reload').set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    const version = ok.body.version;
    const file = path.join(dir, 'dialogs/main.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\nsteps:/, '\nstepz:'));
    const broken = await request(runtime.app).post('/admin/reload').set('Authorization', `Bearer ${TOKEN}`);
    expect(broken.status).toBe(422);
    expect(broken.body.version).toBe(version);
    expect(broken.body.diagnostics.some((d: { code: string; file: string; line: number }) => d.file === 'dialogs/main.yaml' && d.line > 0)).toBe(true);
    const chat = await request(runtime.app).post('/api/messages').send(messageActivity('conv-admin', 'hei'));
    expect(chat.body.activities.length).toBeGreaterThan(0);
  });
});
