/**
 * The bot and the handoff together, through the web chat channel: asking for a person in words
 * queues the conversation and shows what the counsellor will see; once accepted the resident's
 * words go to the counsellor, not the dialogs; crisis detection still answers first; nobody
 * online means an honest answer with the alternatives.
 */
import request from 'supertest';
import { startConversation } from '../channels/helpers';
import { handoffRuntime, TestRuntime } from './runtime';

type Activity = { id: string; type: string; name?: string; text?: string; value?: { status?: string }; from: { role?: string }; replyToId?: string; suggestedActions?: unknown };

async function say(rt: TestRuntime, c: Awaited<ReturnType<typeof startConversation>>, text: string): Promise<{ id: string; replies: Activity[] }> {
  const auth = { Authorization: `Bearer ${c.token}` };
  const before = await request(rt.app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth);
  const posted = await request(rt.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth).send({ type: 'message', text, locale: 'fi-FI' }).expect(200);
  const after = await request(rt.app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${before.body.watermark}`).set(auth);
  return { id: posted.body.id, replies: (after.body.activities as Activity[]).filter((a) => a.from.role !== 'user') };
}

describe('bot ↔ handoff', () => {
  let rt: TestRuntime;
  beforeEach(() => {
    rt = handoffRuntime();
  });
  afterEach(() => rt.close());

  it('a resident asks for a person, waits, is accepted, and then talks to the counsellor (crisis still first)', async () => {
    const queues = [...rt.content.current()!.catalogue.queues.keys()];
    await rt.handoff.service.setPresence('counsellor-1', 'online', queues);
    const c = await startConversation(rt.app);
    await say(rt, c, 'hei');
    const asked = await say(rt, c, 'haluan puhua ihmisen kanssa');
    const handoffEvents = asked.replies.filter((a) => a.type === 'event' && a.name === 'handoff');
    expect(handoffEvents.map((e) => e.value?.status)).toContain('queued');
    expect(asked.replies.some((a) => /Työntekijä näkee/.test(a.text ?? '') && a.suggestedActions)).toBe(true);
    expect((await rt.handoff.service.statusOf(c.conversationId)).status).toBe('queued');

    const accepted = await rt.handoff.service.accept(c.conversationId, 'counsellor-1');
    expect(accepted).toBeTruthy();
    expect((await rt.handoff.service.statusOf(c.conversationId)).status).toBe('accepted');

    // The bot stays quiet: the words are for the counsellor.
    const talk = await say(rt, c, 'kiitos että vastasit');
    expect(talk.replies.filter((a) => a.replyToId === talk.id && a.type === 'message')).toHaveLength(0);

    const crisis = await say(rt, c, 'en halua enää elää');
    expect(crisis.replies.some((a) => a.type === 'event' && a.name === 'crisis')).toBe(true);
    expect(crisis.replies.some((a) => /112/.test(a.text ?? ''))).toBe(true);
  });

  it('nobody online: the resident is told honestly, with phone and walk-in alternatives', async () => {
    const c = await startConversation(rt.app);
    await say(rt, c, 'hei');
    const asked = await say(rt, c, 'haluan puhua ihmisen kanssa');
    expect(asked.replies.some((a) => a.type === 'event' && a.name === 'handoff' && a.value?.status === 'unavailable')).toBe(true);
    const unavailable = rt.content.current()!.program.texts.handoffUnavailable.fi;
    expect(asked.replies.some((a) => (a.text ?? '').includes(unavailable))).toBe(true);
    expect((await rt.handoff.service.statusOf(c.conversationId)).status).toBe('none');
  });

  it('nobody online: the resident may leave a call-back request, and only a phone or e-mail is kept', async () => {
    const texts = rt.content.current()!.program.texts;
    const c = await startConversation(rt.app);
    await say(rt, c, 'hei');
    const auth = { Authorization: `Bearer ${c.token}` };
    // "Yes" to a service card's counsellor offer, for a team that takes call-back requests.
    const queue = [...rt.content.current()!.catalogue.queues.values()].find((q) => q.acceptsContactRequests)!;
    await request(rt.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth)
      .send({ type: 'message', locale: 'fi-FI', text: 'Kyllä', value: { action: 'opastin.handoff', queue: queue.id } }).expect(200);
    const all = await request(rt.app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth);
    const offer = (all.body.activities as Activity[]).find((a) => (a.text ?? '').includes(texts.handoffUnavailable.fi))!;
    const action = (offer.suggestedActions as { actions: { title: string; value: unknown }[] }).actions[0];
    expect(action.title).toBe(texts.contactOffer.fi);

    const post = async (body: object) => {
      const before = await request(rt.app).get(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth);
      await request(rt.app).post(`/v3/directline/conversations/${c.conversationId}/activities`).set(auth).send({ type: 'message', locale: 'fi-FI', ...body }).expect(200);
      const after = await request(rt.app).get(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${before.body.watermark}`).set(auth);
      return (after.body.activities as Activity[]).filter((a) => a.from.role !== 'user').map((a) => a.text ?? '').join(' ');
    };
    expect(await post({ text: action.title, value: action.value })).toContain(texts.contactAsk.fi);
    expect(await post({ text: 'soita joskus iltapäivällä' })).toContain(texts.contactInvalid.fi);
    expect(await post({ text: action.title, value: action.value })).toContain(texts.contactAsk.fi);
    expect(await post({ text: '040 123 4567' })).toContain(texts.contactSaved.fi);
    // The number never reaches the logs.
    expect(rt.lines.join('\n')).not.toContain('040 123 4567');
  });
});
