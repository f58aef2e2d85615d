/**
 * "End and delete" in the resident's chat during a handoff, through the real Direct Line
 * route: the handoff is gone from every store (memory too) and the counsellor's console is told.
 */
import request from 'supertest';
import type { ConsoleEvent } from '../../src/handoff/bus';
import { startConversation } from '../channels/helpers';
import { GENERAL, SUMMARY } from './helpers';
import { handoffRuntime, TestRuntime } from './runtime';

describe.each([['memory', false], ['redis', true]] as const)('"End and delete" during a handoff (%s)', (_kind, redis) => {
  let rt: TestRuntime;
  beforeEach(() => {
    rt = handoffRuntime({ redis });
  });
  afterEach(() => rt.close());

  it('removes the handoff and tells the counsellor the resident deleted the chat', async () => {
    await rt.handoff.service.setPresence('c1', 'online', [GENERAL]);
    const resident = await startConversation(rt.app);
    const id = resident.conversationId;
    await rt.handoff.service.request({ conversationId: id, queueId: GENERAL, lang: 'fi', summary: SUMMARY });
    expect(await rt.handoff.service.accept(id, 'c1')).toEqual({ ok: true });
    const events: ConsoleEvent[] = [];
    const ended = new Promise<void>((resolve) => {
      rt.handoff.bus.subscribe((e) => {
        events.push(e);
        if (e.type === 'ended') resolve();
      });
    });
    if ('whenSubscribed' in rt.handoff.bus) await (rt.handoff.bus as { whenSubscribed(): Promise<unknown> }).whenSubscribed();

    await request(rt.app).delete('/api/chat/conversation').set('Authorization', `Bearer ${resident.token}`).expect(200);
    await ended;
    expect(events.find((e) => e.type === 'ended')).toEqual({ type: 'ended', conversationId: id, counsellorId: 'c1', reason: 'resident-deleted' });
    expect(await rt.handoff.service.statusOf(id)).toEqual({ status: 'none' });
    expect(await rt.handoff.service.acceptedBy('c1')).toEqual([]);
  });
});
