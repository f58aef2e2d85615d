/**
 * The bugs the old hand-ordered turn had, each as the conversation that showed it. Every test
 * here failed on the code before the turn policy (commit 12ee4fb).
 */
import { HANDOFF_ACTION, HANDOFF_SEND_ACTION } from '../../src/engine/render';
import { events, offers, Reply, texts } from '../../src/testing/harness';
import { buttonValues, harness, HELLO, Lang, lastButtons, loadContent } from './helpers';

const content = loadContent();
const T = content.current()!.program.texts;

/** Menu → mental wellbeing → my own → 30–64 → contact details: a route to the adult mental health service, then feedback. */
const TO_ROUTE: Record<Lang, string[]> = {
  fi: ['Mieli ja jaksaminen', 'Omastani', '30–64', 'Palvelun yhteystiedot'],
  sv: ['Psykiskt mående och ork', 'Mitt eget', '30–64', 'Tjänstens kontaktuppgifter'],
  en: ['Mental wellbeing and coping', 'My own', '30–64', "The service's contact details"],
};

async function atFeedback(lang: Lang) {
  const h = harness(lang, content);
  await h.say(HELLO[lang]);
  let replies: Reply[] = [];
  for (const tap of TO_ROUTE[lang]) replies = await h.say(tap);
  expect(events(replies, 'route')).toHaveLength(1);
  // The route's chat offer and "was this helpful?" are one question (tester finding 8.1).
  expect(texts(replies)).toContain(T.feedbackQuestionWithOffer[lang]);
  expect(texts(replies)).not.toContain(T.handoffOffer[lang]);
  return { h, replies };
}

describe('feedback does not swallow messages', () => {
  it('"ei, haluan puhua ihmisen kanssa" at "was this helpful?" asks for a person, with the route\'s topic and answers', async () => {
    const { h } = await atFeedback('fi');
    const replies = await h.say('ei, haluan puhua ihmisen kanssa');
    expect(texts(replies)).not.toContain(T.feedbackThanks.fi);
    const summary = texts(replies).find((t) => t.includes(T.handoffSummaryIntro.fi))!;
    expect(summary).toBeDefined();
    // The topic in words and the answers, not "Aihe: human".
    expect(summary).toContain('Mieli ja jaksaminen');
    expect(summary).toContain('30–64');
    expect(summary).not.toMatch(/\bhuman\b|mental-health/);
  });

  it.each(['fi', 'sv', 'en'] as const)('"not really" (%s) is no dead end: an apology and buttons to go on', async (lang) => {
    const { h } = await atFeedback(lang);
    const replies = await h.say(T.feedbackNo[lang]);
    expect(texts(replies)).toContain(T.feedbackSorry[lang]);
    expect(lastButtons(replies)).toEqual([T.restartLabel[lang], content.current()!.program.commands.human[lang][0]]);
  });

  it('a plain "kyllä" is feedback and is thanked, with a way on', async () => {
    const { h } = await atFeedback('fi');
    const replies = await h.say('kyllä');
    expect(texts(replies)).toContain(T.feedbackThanks.fi);
    expect(lastButtons(replies)).toEqual([T.restartLabel.fi]);
  });
});

describe('the "chat with this service\'s worker" offer can be accepted', () => {
  it('its button is on the last message (beside the feedback answers), and tapping it shows the summary', async () => {
    const { h, replies } = await atFeedback('en');
    expect(lastButtons(replies)).toContain(T.handoffOfferLabel.en);
    const offer = buttonValues(replies).find((v) => (v as { action?: string })?.action === HANDOFF_ACTION) as { queue: string };
    expect(offer.queue).toBe('demo-mental-health-counselling');
    const tapped = await h.send({ type: 'message', text: T.handoffOfferLabel.en, value: offer });
    expect(events(tapped, 'handoff').map((e) => (e.value as { status: string }).status)).toEqual(['summary']);
    expect(offers(tapped)).toEqual([T.handoffSendLabel.en, T.handoffDontSendLabel.en]);
  });
});

describe('summary first, with consent', () => {
  it.each(['fi', 'sv', 'en'] as const)('(%s) asking for a person shows what the counsellor will see before anything is queued', async (lang) => {
    const h = harness(lang, content);
    await h.say(HELLO[lang]);
    const asked = await h.say(content.current()!.program.commands.human[lang][0]);
    expect(events(asked, 'handoff').map((e) => (e.value as { status: string }).status)).toEqual(['summary']);
    expect(offers(asked)).toEqual([T.handoffSendLabel[lang], T.handoffDontSendLabel[lang]]);
    const declined = await h.say(T.handoffDontSendLabel[lang]);
    expect(texts(declined)).toContain(T.handoffNotSent[lang]);
    expect(events(declined, 'handoff')).toHaveLength(0);
  });
});

describe('crisis always wins, hours or not', () => {
  it('a resident in crisis who asks for a person when no one is available gets the crisis line, 112, the on-call service and buttons', async () => {
    const h = harness('fi', content);
    const crisis = await h.say('en halua enää elää');
    expect(events(crisis, 'crisis')).toHaveLength(1);
    await h.say(content.current()!.program.commands.human.fi[0]);
    const replies = await h.send({ type: 'message', text: T.handoffSendLabel.fi, value: { action: HANDOFF_SEND_ACTION } });
    const said = texts(replies).join('\n');
    expect(said).toContain(T.handoffUnavailableCrisis.fi);
    expect(said).toContain('112');
    expect(said).toContain('09 2525 0111');
    expect(said).toContain(content.current()!.catalogue.services.get('demo-social-crisis-oncall')!.name.fi);
    // Not the general queue's health-centre and self-care cards.
    expect(said).not.toContain(content.current()!.catalogue.services.get('demo-health-centre')!.name.fi);
    expect(lastButtons(replies).length).toBeGreaterThan(0);
  });
});
