/**
 * "Nobody is available" and "the chat is closed" (tester findings §8.3): the fallback shows the
 * cards for the resident's topic, or the health centre only, never an unrelated card; a closed
 * queue is said before "send and queue".
 */
import { queueClosedNote, summaryMessage } from '../../src/bot/handoff/summary';
import { relevantAlternatives, unavailableReply } from '../../src/bot/handoff/unavailable';
import { loadContent } from './helpers';

const bundle = loadContent().current()!;
const general = bundle.catalogue.queues.get('demo-general-guidance')!;
// A Tuesday 07:00 in Helsinki (05:00 UTC), before the demo queues open at 8.00; and 10:00 when they are open.
const EARLY = new Date('2026-12-01T05:00:00Z');
const OPEN = new Date('2026-12-01T10:00:00Z');

describe('the unavailable fallback', () => {
  it('for "talk to a person" shows the health centre only, not chronic-illness self-care', () => {
    expect(general.services).toContain('demo-chronic-self-care');
    expect(relevantAlternatives(bundle, general.services, 'human')).toEqual(['demo-health-centre']);
    const body = String(unavailableReply(bundle, 'fi', { queue: general.id, alternatives: general.services, acceptsContactRequests: false, inCrisis: false, topic: 'human' }, EARLY).text);
    expect(body).not.toContain(bundle.catalogue.services.get('demo-chronic-self-care')!.name.fi);
  });

  it('for a chronic-care resident keeps the self-care card', () => {
    expect(relevantAlternatives(bundle, general.services, 'chronic-care')).toContain('demo-chronic-self-care');
  });
});

describe('a closed queue is said before "send and queue"', () => {
  it.each(['fi', 'sv', 'en'] as const)('(%s) closed: the note leads the summary', (lang) => {
    const note = queueClosedNote(bundle, [general.id], lang, EARLY);
    expect(note).toBeDefined();
    const text = String(summaryMessage(bundle, { topic: 'x', topicId: 'human', answers: [] }, lang, note).text);
    expect(text.startsWith(note!)).toBe(true);
  });

  it('open: no note', () => {
    expect(queueClosedNote(bundle, [general.id], 'fi', OPEN)).toBeUndefined();
  });
});
