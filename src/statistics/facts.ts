/**
 * What the service statistics count, as typed facts, and how a fact becomes the name of a
 * counter in the day's aggregate. Only ids that are known in advance can reach a counter name:
 * every id is checked against the content (dialogs, steps, services, queues, topics) or a fixed
 * pattern, anything else becomes `other`. So no free text, conversation id or identifier can
 * ever be written into the statistics, whatever arrives in an activity.
 */
import { TOPICS } from '../content/topics';

export const STAT_LANGS = ['fi', 'sv', 'en'] as const;
export const CRISIS_KINDS = ['suicide', 'self-harm', 'poisoning', 'violence', 'danger', 'medical-emergency', 'unspecified'] as const;
export const HANDOFF_OUTCOMES = ['requested', 'queued', 'accepted', 'unavailable', 'timeout', 'resident-ended'] as const;
/** Upper bounds (seconds) of the waiting-time classes kept for accepted handoffs; the last is open. */
export const WAIT_BUCKETS = [60, 300, 900, 1800] as const;

export type HandoffOutcome = (typeof HANDOFF_OUTCOMES)[number];

export type StatFact =
  | { kind: 'started'; lang: string; channel: string; region: string }
  | { kind: 'route'; region: string; lang: string; topic: string; service: string; dialog: string }
  | { kind: 'crisis'; region: string; lang: string; crisisKind: string }
  | { kind: 'checkin'; region: string; lang: string }
  | { kind: 'handoff'; region: string; queue: string; outcome: HandoffOutcome }
  | { kind: 'handoff-wait'; region: string; queue: string; seconds: number }
  | { kind: 'feedback'; region: string; source: 'route' | 'handoff'; dialog: string; helpful: boolean }
  | { kind: 'step-reached'; region: string; dialog: string; step: string }
  | { kind: 'step-moved-on'; region: string; dialog: string; step: string };

/** The ids this deployment knows, from the content in service. */
export interface KnownIds {
  regions: Set<string>;
  dialogs: Map<string, Set<string>>;
  services: Set<string>;
  queues: Set<string>;
}

/** Bot Framework channel ids (a fixed list: a channel id is never taken as given). */
export const CHANNELS = ['directline', 'webchat', 'msteams', 'emulator', 'test', 'telegram', 'facebook', 'slack', 'sms', 'email', 'skype', 'line', 'omnichannel'] as const;
const OTHER = 'other';

function oneOf(value: unknown, allowed: ReadonlySet<string> | readonly string[]): string {
  if (typeof value !== 'string') return OTHER;
  const set = allowed instanceof Set ? allowed : new Set(allowed as readonly string[]);
  return set.has(value) ? value : OTHER;
}

export const cleanLang = (v: unknown): string => oneOf(v, STAT_LANGS);
export const cleanChannel = (v: unknown): string => oneOf(v, CHANNELS);
export const cleanTopic = (v: unknown): string => oneOf(v, TOPICS);
export const cleanCrisisKind = (v: unknown): string => (v === null || v === undefined ? 'unspecified' : oneOf(v, CRISIS_KINDS));

/** A dialog and one of its steps, or `other` for either when the content does not know it. */
export function cleanStep(known: KnownIds, dialog: unknown, step: unknown): { dialog: string; step: string } {
  const steps = typeof dialog === 'string' ? known.dialogs.get(dialog) : undefined;
  if (!steps) return { dialog: OTHER, step: OTHER };
  return { dialog: dialog as string, step: oneOf(step, steps) };
}

/** The counter names one fact adds to (each by `by`, usually 1). */
export function countersOf(fact: StatFact): { field: string; by: number }[] {
  const one = (...parts: string[]) => ({ field: parts.join('|'), by: 1 });
  switch (fact.kind) {
    case 'started':
      return [one('started', fact.region, fact.lang, fact.channel)];
    case 'route':
      return [one('route', fact.region, fact.lang, fact.topic, fact.service, fact.dialog)];
    case 'crisis':
      return [one('crisis', fact.region, fact.lang, fact.crisisKind)];
    case 'checkin':
      return [one('checkin', fact.region, fact.lang)];
    case 'handoff':
      return [one('handoff', fact.region, fact.queue, fact.outcome)];
    case 'handoff-wait': {
      const seconds = Math.max(0, Math.round(fact.seconds));
      const bucket = WAIT_BUCKETS.find((b) => seconds <= b);
      return [
        one('wait', fact.region, fact.queue, bucket === undefined ? 'more' : String(bucket)),
        { field: ['waitsum', fact.region, fact.queue].join('|'), by: seconds },
      ];
    }
    case 'feedback':
      return [one('feedback', fact.region, fact.source, fact.dialog, fact.helpful ? 'yes' : 'no')];
    case 'step-reached':
      return [one('reached', fact.region, fact.dialog, fact.step)];
    case 'step-moved-on':
      return [one('moved', fact.region, fact.dialog, fact.step)];
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day a fact belongs to, in the county's time zone: `YYYY-MM-DD`. */
export function dayOf(at: Date, timeZone: string): string {
  // Building a DateTimeFormat costs far more than using one: one per time zone.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
