/**
 * Checks that need more than one entry: contacts against the reference list, example-data
 * hygiene, queue and Omaolo references. Single-field shape checks live in the readers.
 */
import { isReferencePhone, isReferenceUrl, isPlaceholderPhone, isReservedUrl } from './contacts';
import type { ParsedService } from './readService';
import type { ParsedBase, ParsedEntry, ParsedPack } from './sources';
import type { Reporter } from './yamlSource';
import type { Service } from './types';

/**
 * Phone and URL rules. Example entries must be unreachable (placeholder numbers, reserved
 * domains) unless they point at a checked national contact; real entries must not carry
 * placeholders; national numbers must come from the reference list; a pack's own real numbers
 * need a `source` so the next editor knows where to re-check them.
 */
export function checkContacts(e: ParsedEntry<ParsedService>, where: 'base' | 'pack', rep: Reporter): void {
  const { service, nodes } = e.parsed;
  const src = e.ctx.src;
  for (const { value, node } of nodes.phones) {
    if (service.example) {
      if (!isPlaceholderPhone(value) && !isReferencePhone(value)) {
        rep.at(src, node, 'CAT020', `expected a placeholder number such as "+358 0 000 0000" in example data, found "${value}"`,
          'a real-looking number in demo data may ring a real person');
      }
      continue;
    }
    if (isPlaceholderPhone(value)) {
      rep.at(src, node, 'CAT021', `expected a real, checked number in non-example data, found placeholder "${value}"`,
        'add "example: true" if this is demo data');
    } else if (!isReferencePhone(value)) {
      if (where === 'base') {
        rep.at(src, node, 'CAT018', `expected a number from the national reference list, found "${value}"`,
          'national numbers come only from the checked reference (docs/catalogue.md)');
      } else if (!service.source && !service.channels.some((c) => c.phone === value && c.provenance)) {
        rep.at(src, node, 'CAT018', `expected "source:" for a regional number outside the national reference list, found "${value}" without one`,
          'add source: with the page where the number was checked, and keep checkedOn current', 'warning');
      }
    }
  }
  for (const { value, node } of nodes.urls) {
    if (service.example && !isReservedUrl(value) && !isReferenceUrl(value)) {
      rep.at(src, node, 'CAT020', `expected an https://example.invalid/ address in example data, found "${value}"`);
    } else if (!service.example && isReservedUrl(value)) {
      rep.at(src, node, 'CAT021', `expected a real address in non-example data, found "${value}"`,
        'add "example: true" if this is demo data');
    }
  }
}

/** Traditional channels stay beside digital ones (regional programmes insist on it). */
const TRADITIONAL = new Set(['phone', 'walk-in']);

export function checkServiceAdvice(e: ParsedEntry<ParsedService>, where: 'base' | 'pack', rep: Reporter): void {
  const { service, nodes } = e.parsed;
  // A service without a published number says how to find one (findContact): not a dead end.
  if (where === 'pack' && !service.findContact && !service.channels.some((c) => TRADITIONAL.has(c.type))) {
    rep.at(e.ctx.src, nodes.id, 'CAT027', `expected a phone or walk-in channel in "${service.id}", found only ${service.channels.map((c) => c.type).join(', ')}`,
      'residents who do not use digital services need another way in; if the county publishes no number, add findContact: saying how to find one');
  }
  if (service.topic === 'unknown') {
    rep.at(e.ctx.src, nodes.topic, 'CAT032', `expected a topic for "${service.id}", found "unknown"`,
      `set topic to one of crisis, mental-health, substance-use, family-centre, elderly, symptom-check, chronic-care, violence, human`);
  }
}

/** In an example region every service and queue must say `example: true` itself. */
export function checkExampleFlags(pack: ParsedPack, rep: Reporter): void {
  if (!pack.region?.parsed.region.example) return;
  for (const e of pack.services) {
    if (e.parsed.service.example !== true) {
      rep.at(e.ctx.src, e.parsed.nodes.example ?? e.parsed.nodes.id, 'CAT019',
        `expected "example: true" on "${e.parsed.service.id}" in example region "${pack.region.parsed.region.id}", found ${e.parsed.service.example === false ? 'example: false' : 'no flag'}`,
        'the bot shows "(example data)" only for flagged entries');
    }
  }
  for (const q of pack.queues) {
    if (q.parsed.queue.example !== true) {
      rep.at(q.ctx.src, q.parsed.idNode, 'CAT019', `expected "example: true" on queue "${q.parsed.queue.id}" in an example region, found no flag`);
    }
  }
}

export function checkQueues(pack: ParsedPack, services: Map<string, Service>, serviceEntries: ParsedEntry<ParsedService>[], rep: Reporter): void {
  const queues = new Map<string, ParsedEntry<import('./readRegion').ParsedQueue>>();
  const roles = new Map<string, string>();
  for (const q of pack.queues) {
    const id = q.parsed.queue.id;
    const role = q.parsed.queue.role;
    if (role && roles.has(role)) {
      rep.at(q.ctx.src, q.parsed.roleNode, 'CAT036', `expected one queue per role in a pack, found "${role}" on "${id}" and "${roles.get(role)}"`);
    } else if (role) roles.set(role, id);
    if (queues.has(id)) {
      rep.at(q.ctx.src, q.parsed.idNode, 'CAT010', `expected a unique queue id, found "${id}" again`);
      continue;
    }
    queues.set(id, q);
    for (const s of q.parsed.serviceNodes) {
      if (!services.has(s.id)) {
        rep.at(q.ctx.src, s.node, 'CAT015', `expected a known service id in queue "${id}", found "${s.id}"`,
          'service ids are listed in content/services and the pack\'s services folder');
      }
    }
  }
  for (const e of serviceEntries) {
    const qid = e.parsed.service.queue;
    if (!qid) continue;
    const q = queues.get(qid);
    if (!q) {
      rep.at(e.ctx.src, e.parsed.nodes.queue, 'CAT013', `expected a queue defined in queues.yaml, found "${qid}"`,
        `known queues: ${[...queues.keys()].join(', ') || 'none'}`);
    } else if (!q.parsed.queue.services.includes(e.parsed.service.id)) {
      rep.at(e.ctx.src, e.parsed.nodes.queue, 'CAT029', `expected queue "${qid}" to list "${e.parsed.service.id}" in its services, found it missing`,
        'add the service id to the queue\'s services list');
    }
  }
}

export function checkOmaoloEnabled(base: ParsedBase, pack: ParsedPack, rep: Reporter): void {
  const region = pack.region;
  if (!region) return;
  const known = new Set(base.omaolo?.parsed.info.assessments.map((a) => a.id) ?? []);
  for (const { id, node } of region.parsed.enabledNodes) {
    if (!known.has(id)) {
      rep.at(region.ctx.src, node, 'CAT014', `expected an assessment id from content/omaolo.yaml, found "${id}"`,
        `known ids: ${[...known].join(', ')}`);
    }
  }
}

export function checkOmaoloDuplicates(base: ParsedBase, rep: Reporter): void {
  const seen = new Set<string>();
  for (const { id, node } of base.omaolo?.parsed.idNodes ?? []) {
    if (seen.has(id)) rep.at(base.omaolo!.ctx.src, node, 'CAT010', `expected a unique assessment id, found "${id}" again`);
    seen.add(id);
  }
}
