/**
 * Decides, from what one turn showed (state before and after, the activities the bot sent), which
 * statistics facts it adds. Pure: the observer gathers, this decides. The bot's documented event
 * activities (docs/events.md) carry routes, crisis responses and check-ins and the bot's own
 * "handoff unavailable"; the state snapshots carry starts, the funnel and route feedback.
 */
import { cleanChannel, cleanCrisisKind, cleanLang, cleanStep, cleanTopic, KnownIds, StatFact } from '../facts';
import { samePosition, StateSnapshot } from './snapshot';

export interface SentActivity {
  type?: string;
  name?: string;
  value?: unknown;
}

export interface TurnSeen {
  channelId: unknown;
  /** `channelData.region` of the incoming activity, when the page sends one. */
  regionHint: unknown;
  typed: string;
  before: StateSnapshot | null;
  after: StateSnapshot | null;
  sent: SentActivity[];
  failed: boolean;
  /** The chat's previous activity was the handoff's feedback question (after "back to the bot"). */
  afterHandoffFeedbackQuestion?: boolean;
}

export interface FactContext {
  known: KnownIds;
  defaultRegion: string;
  /** The bot's own yes/no reading of a feedback answer (undefined: not an answer). */
  readFeedback: (typed: string, lang: string) => boolean | undefined;
}

type Loose = Record<string, unknown>;

export function isCheckIn(a: SentActivity): boolean {
  if (a.type !== 'event') return false;
  if (a.name === 'crisis.check' || a.name === 'crisisCheck') return true;
  return a.name === 'crisis' && (a.value as Loose | undefined)?.level === 'check';
}

export function isCrisisResponse(a: SentActivity): boolean {
  return a.type === 'event' && a.name === 'crisis' && !isCheckIn(a);
}

export function turnFacts(seen: TurnSeen, ctx: FactContext): StatFact[] {
  const { known } = ctx;
  const region = typeof seen.regionHint === 'string' && known.regions.has(seen.regionHint) ? seen.regionHint : ctx.defaultRegion;
  const lang = cleanLang(seen.after?.lang ?? seen.before?.lang);
  const facts: StatFact[] = [];

  if (seen.after?.started && seen.before && !seen.before.started) {
    facts.push({ kind: 'started', region, lang, channel: cleanChannel(seen.channelId) });
  }

  let feedbackEvent = false;
  for (const a of seen.sent) {
    if (a.type !== 'event') continue;
    const value = (a.value ?? {}) as Loose;
    if (a.name === 'route') {
      const dialog = cleanStep(known, value.dialog, null).dialog;
      const service = typeof value.service === 'string' && known.services.has(value.service) ? value.service : 'other';
      facts.push({ kind: 'route', region, lang, topic: cleanTopic(value.topic), service, dialog });
    } else if (isCheckIn(a)) {
      facts.push({ kind: 'checkin', region, lang });
    } else if (isCrisisResponse(a)) {
      facts.push({ kind: 'crisis', region, lang, crisisKind: cleanCrisisKind(value.kind) });
    } else if (a.name === 'handoff' && value.status === 'unavailable') {
      const queue = typeof value.queue === 'string' && known.queues.has(value.queue) ? value.queue : 'none';
      facts.push({ kind: 'handoff', region, queue, outcome: 'requested' }, { kind: 'handoff', region, queue, outcome: 'unavailable' });
    } else if (a.name === 'feedback' && typeof value.helpful === 'boolean') {
      // A bot that records feedback itself says so with this event; then the state is not read.
      feedbackEvent = true;
      const source = value.source === 'handoff' ? 'handoff' : 'route';
      facts.push({ kind: 'feedback', region, source, dialog: cleanStep(known, value.dialog, null).dialog, helpful: value.helpful });
    }
  }

  if (seen.failed || !seen.before || !seen.after) return facts;

  const asked = seen.before.feedbackFor;
  if (!feedbackEvent && !asked && seen.afterHandoffFeedbackQuestion && seen.typed) {
    // The answer to the question the handoff posted when the counsellor handed back to the bot.
    const helpful = ctx.readFeedback(seen.typed, lang);
    if (helpful !== undefined) facts.push({ kind: 'feedback', region, source: 'handoff', dialog: 'other', helpful });
  }
  if (!feedbackEvent && asked && !seen.after.feedbackFor && seen.typed) {
    const helpful = ctx.readFeedback(seen.typed, lang);
    // A feedback question the bot keeps open for a handoff is named after it ("handoff…").
    const source = !known.dialogs.has(asked) && asked.startsWith('handoff') ? 'handoff' : 'route';
    if (helpful !== undefined) facts.push({ kind: 'feedback', region, source, dialog: cleanStep(known, asked, null).dialog, helpful });
  }

  // The funnel: leaving a question (answered, went back, restarted) and arriving at one.
  const { before, after } = seen;
  if (!samePosition(before.at, after.at)) {
    if (before.at) facts.push({ kind: 'step-moved-on', region, ...cleanStep(known, before.at.dialog, before.at.step) });
    if (after.at) facts.push({ kind: 'step-reached', region, ...cleanStep(known, after.at.dialog, after.at.step) });
  }
  return facts;
}
