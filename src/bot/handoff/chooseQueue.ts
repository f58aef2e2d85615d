/**
 * Which counsellor queue a request goes to, from the region's queues: the one the content named
 * (a topic dialog's own handoff step); for the generic "talk to a person", the queue of the
 * service the resident was routed to, else a queue whose services answer the conversation's
 * topic; then the named queue, the general guidance queue, any queue.
 */
import type { Catalogue } from '../../content/catalogue';
import type { PendingHandoff } from '../turn/turnState';

const GENERAL_HINT = 'general';

/**
 * The queues to try in order: the chosen one, then (for the generic "talk to a person") the queue
 * the content named, then general guidance, so a resident whose topic's team is away still
 * reaches someone who can guide them.
 */
export function queuesToTry(catalogue: Pick<Catalogue, 'queues' | 'services'>, pending: PendingHandoff): string[] {
  const first = chooseQueue(catalogue, pending);
  if (!first) return [];
  if (!pending.byTopic) return [first];
  const general = [...catalogue.queues.keys()].find((id) => id.includes(GENERAL_HINT));
  return [first, pending.queue, general].filter((q, i, all): q is string => !!q && catalogue.queues.has(q) && all.indexOf(q) === i);
}

export function chooseQueue(catalogue: Pick<Catalogue, 'queues' | 'services'>, pending: PendingHandoff): string | null {
  const queues = catalogue.queues;
  const named = pending.queue && queues.has(pending.queue) ? pending.queue : null;
  if (named && !pending.byTopic) return named;
  const routed = pending.service ? catalogue.services.get(pending.service)?.queue : undefined;
  if (routed && queues.has(routed)) return routed;
  const byTopic = [...queues.values()].find((q) =>
    q.services.some((id) => {
      const s = catalogue.services.get(id);
      return s && (s.topic === pending.topic || s.alsoTopics?.includes(pending.topic as never));
    }),
  );
  if (byTopic) return byTopic.id;
  if (named) return named;
  return [...queues.keys()].find((id) => id.includes(GENERAL_HINT)) ?? [...queues.keys()][0] ?? null;
}
