/**
 * Low threshold, proved: every path of choices from the main menu ends in a route (service card),
 * a handoff, or a graceful end within five questions. Walks the whole tree on the real engine.
 * The items of a scored questionnaire (AUDIT-C, PHQ-2, GAD-2) are not counted: the resident chose
 * to take the test. One answer per item is walked; each score band has its own conversation tests.
 */
import { ConversationHarness, events, offers, Reply } from '../../src/engine/testing/harness';
import { REPO_ROOT } from './support';

const MAX_QUESTIONS = 5;

/** The answer labels of every scored questionnaire item, as the resident sees them in `lang`. */
function questionnaireItems(harness: ConversationHarness, lang: 'fi' | 'sv' | 'en'): Set<string> {
  const items = new Set<string>();
  for (const dialog of harness.content.current()!.program.dialogs.values()) {
    for (const step of dialog.steps.values()) {
      if (step.kind === 'ask' && step.score) items.add(step.choices.map((c) => c.label[lang]).join('|'));
    }
  }
  return items;
}

function ended(replies: Reply[]): boolean {
  return events(replies, 'route').length > 0 || events(replies, 'handoff').length > 0 || events(replies, 'crisis').length > 0;
}

it.each(['fi', 'sv', 'en'] as const)('every choice path from the menu ends within five questions (%s)', async (lang) => {
  const base = ConversationHarness.fromDirectory(REPO_ROOT, 'demo', lang);
  const menu = offers(await base.say(lang === 'fi' ? 'hei' : lang === 'sv' ? 'hej' : 'hello'));
  const failures: string[] = [];
  const items = questionnaireItems(base, lang);
  let paths = 0;

  async function explore(path: string[], questions = path.length): Promise<void> {
    // Replay the path in a fresh conversation (state is per conversation).
    const h = new ConversationHarness(base.content, lang, undefined, `walk-${paths++}`);
    let replies = await h.say(lang === 'fi' ? 'hei' : lang === 'sv' ? 'hej' : 'hello');
    for (const click of path) replies = await h.say(click);
    if (ended(replies)) return;
    const next = offers(replies);
    if (next.length === 0) {
      failures.push(`${path.join(' › ')}: no route, no handoff and nothing to choose`);
      return;
    }
    if (items.has(next.join('|'))) return explore([...path, next[0]], questions);
    if (questions >= MAX_QUESTIONS) {
      failures.push(`${path.join(' › ')}: still asking after ${MAX_QUESTIONS} questions`);
      return;
    }
    for (const choice of next) await explore([...path, choice], questions + 1);
  }

  // Free text ("in my own words") is a separate path, exercised in conversation.test.ts.
  for (const choice of menu.slice(0, -1)) await explore([choice]);
  expect(failures).toEqual([]);
  expect(paths).toBeGreaterThan(menu.length);
}, 120000);
