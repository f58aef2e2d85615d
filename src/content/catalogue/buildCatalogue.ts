/**
 * Turns checked entries into the `Catalogue` the bot uses. Works on partial input too (a broken
 * region.yaml still yields a usable national catalogue), because the loader never throws.
 */
import { RoleMap } from './roleMap';
import type { Catalogue, OmaoloInfo, Queue, Region, Service, Topic } from './types';

/** Stand-in when region.yaml is missing or broken, so callers always get a catalogue. */
export function fallbackRegion(regionId: string): Region {
  return {
    id: regionId,
    name: { fi: regionId, sv: regionId, en: regionId },
    logo: '',
    colours: { primary: '#0b5566', accent: '#7a2e5c' },
    timezone: 'Europe/Helsinki',
    omaoloEnabled: [],
  };
}

export function buildCatalogue(
  region: Region,
  services: Map<string, Service>,
  queues: Queue[],
  omaolo: OmaoloInfo | undefined,
): Catalogue {
  const assessments = new Map((omaolo?.assessments ?? []).map((a) => [a.id, a] as const));
  const topicIndex = new Map<Topic, Service[]>();
  // National entries first: they are the checked, always-available fallbacks (112, crisis line).
  // Role aliases point at the same object as the service's own id: index each service once.
  const ordered = [...new Set(services.values())].sort((a, b) => Number(a.origin !== 'base') - Number(b.origin !== 'base'));
  for (const s of ordered) {
    for (const t of new Set([s.topic, ...(s.alsoTopics ?? [])])) {
      const list = topicIndex.get(t) ?? [];
      list.push(s);
      topicIndex.set(t, list);
    }
  }
  const queueMap = new RoleMap<Queue>(queues.map((q) => [q.id, q] as const));
  for (const q of queues) if (q.role && !queueMap.has(q.role)) queueMap.alias(q.role, q.id);
  const catalogue: Catalogue = {
    region,
    services,
    queues: queueMap,
    omaolo: {
      assessments,
      enabled: region.omaoloEnabled.filter((id) => assessments.has(id)),
      url: omaolo?.url ?? 'https://www.omaolo.fi/',
      note: omaolo?.note ?? { fi: '', sv: '', en: '' },
      ...(omaolo?.minAge !== undefined ? { minAge: omaolo.minAge } : {}),
    },
    servicesByTopic: (topic: Topic) => [...(topicIndex.get(topic) ?? [])],
  };
  return catalogue;
}
