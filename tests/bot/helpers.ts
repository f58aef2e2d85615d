/** The whole bot in-process (memory state, no handoff), with the shipped content. */
import type { CrisisResult } from '../../src/nlu';
import { ContentStore } from '../../src/engine/contentStore';
import { createLogger } from '../../src/logging/logger';
import { ConversationHarness, Reply } from '../../src/testing/harness';
import { REPO_ROOT } from '../engine/support';

export type Lang = 'fi' | 'sv' | 'en';

export const HELLO: Record<Lang, string> = { fi: 'hei', sv: 'hej', en: 'hello' };

export function loadContent(): ContentStore {
  const store = new ContentStore(REPO_ROOT, 'demo', createLogger('silent'));
  store.reload();
  return store;
}

let shared: ContentStore | undefined;
let conversations = 0;

export function harness(lang: Lang = 'fi', content: ContentStore = (shared ??= loadContent())): ConversationHarness {
  return new ConversationHarness(content, lang, createLogger('silent'), `bot-test-${conversations++}`);
}

/**
 * Content whose crisis detection answers `level: 'check'` (or a medical emergency) for the given
 * messages. The shipped detector knows only crisis/none until the nlu branch's risk model lands;
 * this stands in for its weaker-signal answer, and delegates every other message to it.
 */
export function contentWithCrisisLevels(levels: Record<string, Pick<CrisisResult, 'level' | 'kind'>>): ContentStore {
  const store = loadContent();
  const nlu = store.current()!.nlu;
  const real = nlu.detectCrisis.bind(nlu);
  nlu.detectCrisis = (text: string): CrisisResult => {
    const forced = levels[text];
    return forced ? { ...forced, crisis: forced.level === 'crisis', source: 'pattern' } : real(text);
  };
  return store;
}

export function buttonValues(replies: Reply[]): unknown[] {
  return replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.value) ?? []);
}

/** The buttons of the last message that has any: what a chat client shows. */
export function lastButtons(replies: Reply[]): string[] {
  const last = [...replies].reverse().find((r) => (r.suggestedActions?.actions.length ?? 0) > 0);
  return last?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
}
