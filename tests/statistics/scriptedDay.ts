/**
 * A scripted day of conversations through the web chat (Direct Line), with the figures it must
 * produce. Some groups have five or more residents (shown), some fewer (suppressed as <5).
 */
import type { TestRuntime } from '../handoff/runtime';
import { converse, openConversation } from './helpers';

export const COUNSELLOR = 'counsellor-stats';

/** Personal data typed by residents: none of it may reach the statistics. */
export const PERSONAL = ['Matti Meikäläinen', '040 123 4567', '+358401234567', 'matti.meikalainen@example.com', '010190-123A', '131052-308T'];

export const DAY_PLAN = {
  youthRoutes: 6, // mental-health → youth service, feedback "yes"
  dropAtWho: 5, // leave at mental-health "who"
  crisis: 2, // crisis text at the menu (suppressed)
  swedishFamily: 1, // sv: family centre → maternity clinic (suppressed)
  handoffAccepted: 5, // asks for a person, a counsellor accepts, hands back to the bot, feedback "yes"
  handoffUnavailable: 2, // nobody online (suppressed)
  personal: 2, // types personal data at the menu
};

const YOUTH = ['Mieli ja jaksaminen', 'Omastani', '18–29', 'Haluan tavata työntekijän', 'Kyllä, oli'];

/** Runs the day; conversations of a group run concurrently. Returns the conversation ids. */
export async function runScriptedDay(rt: TestRuntime): Promise<string[]> {
  const ids: string[] = [];
  const group = async (n: number, run: () => Promise<{ conversationId: string }>) => {
    const done = await Promise.all(Array.from({ length: n }, run));
    ids.push(...done.map((c) => c.conversationId));
  };
  await group(DAY_PLAN.youthRoutes, () => converse(rt.app, YOUTH));
  await group(DAY_PLAN.dropAtWho, () => converse(rt.app, ['Mieli ja jaksaminen']));
  await group(DAY_PLAN.crisis, () => converse(rt.app, ['en halua enää elää']));
  await group(DAY_PLAN.swedishFamily, () => converse(rt.app, ['Graviditet, barn och familj', 'Graviditet'], 'sv-FI'));
  await group(DAY_PLAN.personal, () => converse(rt.app, [`Nimeni on ${PERSONAL[0]}, puhelin ${PERSONAL[1]}`, `${PERSONAL[3]} ja hetu ${PERSONAL[4]}`, PERSONAL[2], PERSONAL[5]]));

  const queues = [...rt.content.current()!.catalogue.queues.keys()];
  await rt.handoff.service.setPresence(COUNSELLOR, 'online', queues);
  await group(DAY_PLAN.handoffAccepted, async () => {
    const c = await openConversation(rt.app);
    await c.say('haluan puhua ihmisen kanssa');
    await c.say('Lähetä ja jonota'); // the summary comes first: queued only on "send"
    const accepted = await rt.handoff.service.accept(c.conversationId, COUNSELLOR);
    if (!accepted.ok) throw new Error(`accept failed: ${accepted.reason}`);
    await rt.handoff.service.end(c.conversationId, COUNSELLOR, 'back-to-bot');
    await c.say('Kyllä, oli'); // the tap on the handoff's feedback question
    await c.say('Kyllä, oli'); // tapped again: counted once
    return c;
  });
  await rt.handoff.service.setPresence(COUNSELLOR, 'away', queues);
  await group(DAY_PLAN.handoffUnavailable, () => converse(rt.app, ['haluan puhua ihmisen kanssa', 'Lähetä ja jonota']));
  await rt.insight.observer.settled();
  return ids;
}
