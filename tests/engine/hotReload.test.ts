/**
 * Hot reload: an edit is picked up by the file watcher; a broken edit is refused with
 * file:line:col diagnostics and the bot keeps serving the last good content. Conversations in
 * flight carry on when their step still exists and restart politely when it is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentStore, ReloadOutcome } from '../../src/engine/contentStore';
import { ConversationHarness, offers, texts } from '../../src/testing/harness';
import { capturingLogger } from '../support/runtime';
import { copyContent } from './support';

function nextReload(store: ContentStore): Promise<ReloadOutcome> {
  return new Promise((resolve) => store.onReload(resolve));
}

describe('content reload', () => {
  let dir: string;
  let store: ContentStore;
  let lines: string[];
  beforeEach(() => {
    dir = copyContent();
    const logger = capturingLogger('info');
    lines = logger.lines;
    store = new ContentStore(dir, 'demo', logger.log);
    expect(store.reload().ok).toBe(true);
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the watcher picks up an edit to a dialog and the bot says the new text', async () => {
    store.watch(50);
    const file = path.join(dir, 'dialogs/main.yaml');
    const before = store.current()!.version;
    const reloaded = nextReload(store);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/Hei! Olen Opastin\./, 'Moikka! Olen Opastin.'));
    const outcome = await reloaded;
    expect(outcome.ok).toBe(true);
    expect(store.current()!.version).not.toBe(before);
    const h = new ConversationHarness(store, 'fi');
    expect(texts(await h.say('hei')).join(' ')).toContain('Moikka! Olen Opastin.');
  });

  it("an editor's lock file in dialogs/ (.#main.yaml, a dangling symlink) neither crashes nor blocks a reload", async () => {
    store.watch(50);
    const before = store.current()!.version;
    // What Emacs leaves while main.yaml is open: a symlink to "user@host.pid", which does not exist.
    fs.symlinkSync('editor@host.12345:1700000000', path.join(dir, 'dialogs/.#main.yaml'));
    const file = path.join(dir, 'dialogs/main.yaml');
    const reloaded = nextReload(store);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/Hei! Olen Opastin\./, 'Moikka! Olen Opastin.'));
    const outcome = await reloaded;
    expect(outcome.ok).toBe(true);
    expect(store.current()!.version).not.toBe(before);
    expect(store.reload()).toMatchObject({ ok: true });
  });

  it('a broken edit is refused with diagnostics and the last good content keeps serving', async () => {
    const good = store.current()!;
    const file = path.join(dir, 'dialogs/main.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/goto: (\S+)/, 'goto: no-such-step'));
    const outcome = store.reload();
    expect(outcome.ok).toBe(false);
    const d = outcome.diagnostics.find((x) => x.code === 'DLG008')!;
    expect(d.file).toBe('dialogs/main.yaml');
    expect(d.line).toBeGreaterThan(1);
    expect(d.col).toBeGreaterThan(1);
    expect(store.current()).toBe(good);
    expect(lines.join('\n')).toMatch(/dialogs\/main\.yaml:\d+:\d+ error DLG008/);
    const h = new ConversationHarness(store, 'fi');
    expect(offers(await h.say('hei')).length).toBeGreaterThan(0);
  });

  it('a conversation whose step still exists carries on after a content change', async () => {
    const h = new ConversationHarness(store, 'fi');
    const menu = await h.say('hei');
    const question = await h.say(offers(menu)[0]);
    fs.appendFileSync(path.join(dir, 'content/engine-texts.yaml'), '\n# edited\n');
    expect(store.reload().ok).toBe(true);
    const next = await h.say(offers(question)[0]);
    expect(texts(next).join(' ')).not.toContain(texts(question)[0]);
    expect(texts(next).length).toBeGreaterThan(0);
  });

  it('a conversation whose step is gone restarts politely', async () => {
    const h = new ConversationHarness(store, 'fi');
    const menu = await h.say('hei');
    const topic = await h.say(offers(menu)[0]);
    const question = texts(topic).slice(-1)[0];
    const current = [...store.current()!.program.dialogs.values()].find((d) => d.id !== 'main' &&
      [...d.steps.values()].some((s) => s.kind === 'ask' && s.text.fi === question))!;
    const stepId = [...current.steps.values()].find((s) => s.kind === 'ask' && s.text.fi === question)!.id;
    // Rename the step the resident waits at, and every reference to it.
    const file = path.join(dir, current.file);
    const pattern = new RegExp(`((?:- id|goto|next|else|start): *)${stepId}\\b`, 'g');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(pattern, `$1${stepId}-renamed`));
    expect(store.reload().ok).toBe(true);
    const replies = await h.say(offers(topic)[0]);
    const contentChanged = store.current()!.program.texts.contentChanged.fi;
    expect(texts(replies)).toContain(contentChanged);
    expect(offers(replies)).toEqual(offers(menu));
  });
});
