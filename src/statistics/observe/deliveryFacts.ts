/**
 * Facts from what the handoff service posts into a resident's chat without a bot turn
 * (docs/events.md, "Handoff"): queued, unavailable, accepted (with the wait), timed out, ended
 * by the resident. Pure; the wait comes from the handoff record, looked up by the observer.
 */
import type { KnownIds, StatFact } from '../facts';

export function handoffDeliveryFacts(
  activity: Record<string, unknown>,
  known: KnownIds,
  region: string,
  waitedSeconds: number | null,
): StatFact[] {
  if (activity.type !== 'event' || activity.name !== 'handoff') return [];
  const value = (activity.value ?? {}) as Record<string, unknown>;
  const queue = typeof value.queue === 'string' && known.queues.has(value.queue) ? value.queue : 'other';
  const fact = (outcome: Extract<StatFact, { kind: 'handoff' }>['outcome']): StatFact => ({ kind: 'handoff', region, queue, outcome });
  switch (value.status) {
    case 'queued':
      // A transfer re-queues a conversation that was already counted as requested.
      return value.transferred ? [] : [fact('requested'), fact('queued')];
    case 'unavailable':
      return [fact('requested'), fact('unavailable')];
    case 'accepted':
      return [fact('accepted'), ...(waitedSeconds === null ? [] : [{ kind: 'handoff-wait', region, queue, seconds: waitedSeconds } as StatFact])];
    case 'closed':
      if (value.reason === 'timeout') return [fact('timeout')];
      if (value.reason === 'resident') return [fact('resident-ended')];
      return [];
    default:
      return [];
  }
}
