/**
 * Low threshold, proved: every path of choices from the main menu ends in a route (service card),
 * a handoff, or a graceful end within five questions. Walks the whole tree on the real engine,
 * for the demo region and for each county's pack, in Finnish, Swedish and English.
 * The items of a scored questionnaire (AUDIT-C, PHQ-2, GAD-2) are not counted: the resident chose
 * to take the test. One answer per item is walked; each score band has its own conversation tests.
 *
 * For the county packs the walk also proves the routes end in that county's real services:
 * every routed service is national or the pack's own, never example data, and every one of the
 * pack's channels cites its source and the date it was read.
 */
import { ConversationHarness, events, offers, Reply } from '../../src/testing/harness';
import { HANDOFF_SEND_ACTION } from '../../src/engine/render';
import { ROLE_IDS } from '../../src/content/catalogue';
import { REPO_ROOT } from './support';

const MAX_QUESTIONS = 5;
const COUNTIES = ['keusote', 'satakunta', 'soite', 'kanta-hame'] as const;
const LANGS = ['fi', 'sv', 'en'] as const;
const HELLO = { fi: 'hei', sv: 'hej', en: 'hello' } as const;

/** The summary a counsellor would see, with its "send" button: the handoff path has been reached. */
function summaryShown(replies: Reply[]): boolean {
  return replies.some((r) => r.suggestedActions?.actions.some((a) => (a.value as { action?: string } | undefined)?.action === HANDOFF_SEND_ACTION));
}

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
  return events(replies, 'route').length > 0 || events(replies, 'handoff').length > 0 || events(replies, 'crisis').length > 0 || summaryShown(replies);
}

async function walk(region: string, lang: (typeof LANGS)[number]): Promise<{ failures: string[]; paths: number; routed: Set<string>; base: ConversationHarness; menu: string[] }> {
  const base = ConversationHarness.fromDirectory(REPO_ROOT, region, lang);
  const menu = offers(await base.say(HELLO[lang]));
  const failures: string[] = [];
  const routed = new Set<string>();
  const items = questionnaireItems(base, lang);
  let paths = 0;

  async function explore(path: string[], questions = path.length): Promise<void> {
    // Replay the path in a fresh conversation (state is per conversation).
    const h = new ConversationHarness(base.content, lang, undefined, `walk-${region}-${paths++}`);
    let replies = await h.say(HELLO[lang]);
    for (const click of path) replies = await h.say(click);
    for (const r of events(replies, 'route')) routed.add(String((r.value as { service: string }).service));
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
  return { failures, paths, routed, base, menu };
}

it.each(LANGS)('every choice path from the menu ends within five questions (demo, %s)', async (lang) => {
  const { failures, paths, menu } = await walk('demo', lang);
  expect(failures).toEqual([]);
  expect(paths).toBeGreaterThan(menu.length);
}, 120000);

describe.each(COUNTIES)('%s', (region) => {
  it.each(LANGS)('every choice path ends in the county\'s real services (%s)', async (lang) => {
    const { failures, routed, base } = await walk(region, lang);
    expect(failures).toEqual([]);
    const catalogue = base.content.current()!.catalogue;
    const problems: string[] = [];
    for (const id of routed) {
      const s = catalogue.services.get(id);
      if (!s) problems.push(`${id}: not in the catalogue`);
      else if (s.example) problems.push(`${id}: example data`);
      else if (s.origin !== 'base' && s.origin !== region) problems.push(`${id}: from ${s.origin}`);
      else if (s.origin === region) {
        for (const c of s.channels) if (!c.provenance) problems.push(`${id}: a ${c.type} channel without source and read date`);
      }
    }
    expect(problems).toEqual([]);
    // The walk reaches the county's own services, not only the national lines.
    expect([...routed].filter((id) => id.startsWith(`${region}-`)).length).toBeGreaterThanOrEqual(8);
  }, 120000);

  it('fills every role the dialogs route to', () => {
    const base = ConversationHarness.fromDirectory(REPO_ROOT, region, 'fi');
    const catalogue = base.content.current()!.catalogue;
    expect(ROLE_IDS.filter((role) => catalogue.services.get(role)?.origin !== region)).toEqual([]);
    expect(catalogue.region.status).toBe('draft');
  });
});
