/**
 * Overlay of a region pack on the national base. A pack may add services freely, but replacing a
 * national service (say, a county's own crisis line text) must be deliberate: `overrides: true`.
 * Without that flag a clash is far more likely a copy-paste id than an intended replacement.
 */
import type { ParsedService } from './readService';
import type { ParsedEntry } from './sources';
import type { Reporter } from './yamlSource';
import { RoleMap } from './roleMap';
import type { Service } from './types';

/** First entry per id wins; later ones are CAT010 at their id. */
export function uniqueById(entries: ParsedEntry<ParsedService>[], rep: Reporter): ParsedEntry<ParsedService>[] {
  const seen = new Map<string, ParsedEntry<ParsedService>>();
  const out: ParsedEntry<ParsedService>[] = [];
  for (const e of entries) {
    const id = e.parsed.service.id;
    const first = seen.get(id);
    if (first) {
      const where = first.ctx.src.lc.linePos(first.parsed.nodes.id?.range?.[0] ?? 0);
      rep.at(e.ctx.src, e.parsed.nodes.id, 'CAT010', `expected a unique service id, found "${id}" again (first in ${first.ctx.src.file}:${where.line})`,
        'rename one of them; ids are stable keys');
      continue;
    }
    seen.set(id, e);
    out.push(e);
  }
  return out;
}

export function overlay(
  base: ParsedEntry<ParsedService>[],
  pack: ParsedEntry<ParsedService>[],
  rep: Reporter,
): RoleMap<Service> {
  const merged = new RoleMap<Service>();
  for (const e of base) merged.set(e.parsed.service.id, e.parsed.service);
  for (const e of pack) {
    const s = e.parsed.service;
    const clash = merged.has(s.id);
    if (clash && s.overrides !== true) {
      rep.at(e.ctx.src, e.parsed.nodes.id, 'CAT016', `expected a new id or "overrides: true", found national id "${s.id}"`,
        'add "overrides: true" if the county really replaces the national entry, otherwise rename');
      continue;
    }
    if (!clash && s.overrides === true) {
      rep.at(e.ctx.src, e.parsed.nodes.overrides, 'CAT017', `expected a national service "${s.id}" to override, found none`,
        'remove "overrides: true" or fix the id');
    }
    merged.set(s.id, s);
  }
  return merged;
}

/**
 * The dialogs route to roles; a pack service that fills a role is also found under the role
 * id. One service per role per pack, and a role id must not shadow a real service id.
 */
export function addRoleAliases(pack: ParsedEntry<ParsedService>[], services: RoleMap<Service>, rep: Reporter): void {
  const filled = new Map<string, ParsedEntry<ParsedService>>();
  for (const e of pack) {
    const role = e.parsed.service.role;
    if (!role || services.get(e.parsed.service.id) !== e.parsed.service) continue;
    const first = filled.get(role);
    if (first) {
      rep.at(e.ctx.src, e.parsed.nodes.role, 'CAT036', `expected one service per role in a pack, found "${role}" on "${e.parsed.service.id}" and "${first.parsed.service.id}"`,
        'give the second service another role, or no role');
      continue;
    }
    if (services.has(role)) {
      rep.at(e.ctx.src, e.parsed.nodes.role, 'CAT036', `expected role "${role}" not to clash with a service id, found a service called "${role}"`);
      continue;
    }
    filled.set(role, e);
    services.alias(role, e.parsed.service.id);
  }
}
