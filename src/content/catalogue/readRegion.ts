/**
 * Reads region.yaml (identity, branding, enabled Omaolo assessments), queues.yaml (counsellor
 * queues) and the national omaolo.yaml. Each returns its nodes for the cross-file checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IANAZone } from 'luxon';
import { isScalar } from 'yaml';
import { HEX_COLOUR_RE, WCAG_AA_NORMAL, contrastRatio } from './contrast';
import {
  asList, asMap, describe, fields, readBool, readDate, readEnum, readEnumList, readInt, readLocalized, readString, readUrl,
  type AnyNode, type Ctx,
} from './read';
import { readHours } from './readHours';
import { readId } from './readService';
import { isQueueRole, QUEUE_ROLE_IDS } from './roles';
import { LANGS, PACK_STATUSES, type Municipality, type OmaoloInfo, type Queue, type Region, type RegionArea } from './types';

export interface ParsedRegion {
  region: Region;
  idNode: AnyNode;
  enabledNodes: { id: string; node: AnyNode }[];
  exampleNode: AnyNode;
}

export function readRegion(ctx: Ctx, node: AnyNode, packDir: string): ParsedRegion | undefined {
  const map = asMap(ctx, node, 'region.yaml');
  if (!map) return undefined;
  const f = fields(ctx, map, 'region.yaml', ['id', 'name', 'logo', 'colours', 'timezone', 'omaoloEnabled'],
    ['example', 'status', 'verifiedBy', 'verifiedOn', 'languages', 'website']);
  const id = f.get('id') ? readId(ctx, f.get('id')!.value, 'region id') : undefined;
  if (id && id !== path.basename(packDir)) {
    ctx.rep.at(ctx.src, f.get('id')!.value, 'CAT025', `expected region id "${path.basename(packDir)}" (the folder name), found "${id}"`);
  }
  const name = f.get('name') ? readLocalized(ctx, f.get('name')!.value, 'name') : undefined;
  const logoRel = f.get('logo') ? readString(ctx, f.get('logo')!.value, 'logo') : undefined;
  let logo: string | undefined;
  if (logoRel) {
    const abs = path.resolve(packDir, logoRel);
    if (!fs.existsSync(abs)) {
      ctx.rep.at(ctx.src, f.get('logo')!.value, 'CAT023', `expected a logo file at ${ctx.rep.rel(abs)}, found no file`,
        'the path is relative to the region folder, e.g. logo.svg');
    } else logo = ctx.rep.rel(abs);
  }
  const colours = f.get('colours') ? readColours(ctx, f.get('colours')!.value) : undefined;
  let timezone: string | undefined;
  if (f.get('timezone')) {
    timezone = readString(ctx, f.get('timezone')!.value, 'timezone');
    if (timezone && !IANAZone.isValidZone(timezone)) {
      ctx.rep.at(ctx.src, f.get('timezone')!.value, 'CAT024', `expected an IANA timezone such as Europe/Helsinki, found "${timezone}"`);
      timezone = undefined;
    }
  }
  const enabledNodes: { id: string; node: AnyNode }[] = [];
  const enabledField = f.get('omaoloEnabled');
  if (enabledField) {
    for (const n of asList(ctx, enabledField.value, 'omaoloEnabled') ?? []) {
      const s = readId(ctx, n, 'each item of omaoloEnabled');
      if (s) enabledNodes.push({ id: s, node: n });
    }
  }
  const example = f.get('example') ? readBool(ctx, f.get('example')!.value, 'example') : undefined;
  const status = f.get('status') ? readEnum(ctx, f.get('status')!.value, PACK_STATUSES, 'status') : undefined;
  const verifiedBy = f.get('verifiedBy') ? readString(ctx, f.get('verifiedBy')!.value, 'verifiedBy') : undefined;
  const verifiedOn = f.get('verifiedOn') ? readDate(ctx, f.get('verifiedOn')!.value, 'verifiedOn') : undefined;
  const languages = f.get('languages') ? readEnumList(ctx, f.get('languages')!.value, LANGS, 'languages') : undefined;
  const website = f.get('website') ? readUrl(ctx, f.get('website')!.value, 'website') : undefined;
  if (example !== true && !f.has('status')) {
    ctx.rep.at(ctx.src, map, 'CAT037', 'expected "status: draft" or "status: verified" in a real region pack, found no status',
      'a new pack starts as draft; docs/region-pack-guide.md says how to verify it');
  }
  if (status === 'verified' && (!verifiedBy || !verifiedOn)) {
    ctx.rep.at(ctx.src, f.get('status')!.value, 'CAT037', `expected verifiedBy and verifiedOn with "status: verified", found ${verifiedBy ? 'no verifiedOn' : 'no verifiedBy'}`,
      'name who checked every fact and the date they finished');
  }
  if (!id || !name || !logo || !colours || !timezone || !enabledField) return undefined;
  const region: Region = { id, name, logo, colours, timezone, omaoloEnabled: enabledNodes.map((e) => e.id) };
  if (example !== undefined) region.example = example;
  if (status) region.status = status;
  if (status === 'verified' && verifiedBy && verifiedOn) region.verified = { by: verifiedBy, on: verifiedOn };
  if (languages) region.languages = languages;
  if (website) region.website = website;
  return { region, idNode: f.get('id')!.value, enabledNodes, exampleNode: f.get('example')?.value };
}

function readColours(ctx: Ctx, node: AnyNode): Region['colours'] | undefined {
  const map = asMap(ctx, node, 'colours');
  if (!map) return undefined;
  const f = fields(ctx, map, 'colours', ['primary', 'accent'], []);
  const out: Partial<Region['colours']> = {};
  for (const k of ['primary', 'accent'] as const) {
    const fl = f.get(k);
    if (!fl) continue;
    const v = isScalar(fl.value) ? fl.value.value : undefined;
    if (typeof v !== 'string' || !HEX_COLOUR_RE.test(v)) {
      ctx.rep.at(ctx.src, fl.value, 'CAT003', `expected colours.${k} as "#rrggbb", found ${describe(fl.value)}`, 'quote it: "#0b5566"');
      continue;
    }
    const ratio = contrastRatio(v, '#ffffff');
    if (ratio < WCAG_AA_NORMAL) {
      ctx.rep.at(ctx.src, fl.value, 'CAT022', `expected contrast ≥ ${WCAG_AA_NORMAL}:1 against white text, found ${ratio.toFixed(2)}:1 for ${v}`,
        'use a darker shade');
      continue;
    }
    out[k] = v;
  }
  return out.primary && out.accent ? { primary: out.primary, accent: out.accent } : undefined;
}

export interface ParsedQueue {
  queue: Queue;
  idNode: AnyNode;
  serviceNodes: { id: string; node: AnyNode }[];
  map: AnyNode;
  roleNode?: AnyNode;
}

export function readQueues(ctx: Ctx, node: AnyNode): ParsedQueue[] {
  const map = asMap(ctx, node, 'queues.yaml');
  if (!map) return [];
  const f = fields(ctx, map, 'queues.yaml', ['queues'], []);
  const items = f.get('queues') ? asList(ctx, f.get('queues')!.value, 'queues') : undefined;
  const out: ParsedQueue[] = [];
  (items ?? []).forEach((n, i) => {
    const what = `queues[${i}]`;
    const q = asMap(ctx, n, what);
    if (!q) return;
    const qf = fields(ctx, q, what, ['id', 'name', 'languages', 'hours', 'acceptsContactRequests', 'services'], ['example', 'role']);
    const roleNode = qf.get('role')?.value;
    const role = roleNode !== undefined ? readString(ctx, roleNode, `${what}.role`) : undefined;
    if (role !== undefined && !isQueueRole(role)) {
      ctx.rep.at(ctx.src, roleNode, 'CAT035', `expected ${what}.role to be one of ${QUEUE_ROLE_IDS.join(', ')}, found "${role}"`);
      return;
    }
    const id = qf.get('id') ? readId(ctx, qf.get('id')!.value, `${what}.id`) : undefined;
    const name = qf.get('name') ? readLocalized(ctx, qf.get('name')!.value, `${what}.name`) : undefined;
    const languages = qf.get('languages') ? readEnumList(ctx, qf.get('languages')!.value, LANGS, `${what}.languages`) : undefined;
    const hours = qf.get('hours') ? readHours(ctx, qf.get('hours')!.value, `${what}.hours`) : undefined;
    const accepts = qf.get('acceptsContactRequests') ? readBool(ctx, qf.get('acceptsContactRequests')!.value, `${what}.acceptsContactRequests`) : undefined;
    const serviceNodes: { id: string; node: AnyNode }[] = [];
    for (const s of (qf.get('services') ? asList(ctx, qf.get('services')!.value, `${what}.services`) : undefined) ?? []) {
      const sid = readId(ctx, s, `each item of ${what}.services`);
      if (sid) serviceNodes.push({ id: sid, node: s });
    }
    const example = qf.get('example') ? readBool(ctx, qf.get('example')!.value, `${what}.example`) : undefined;
    if (!id || !name || !languages || !hours || accepts === undefined || !qf.has('services')) return;
    const queue: Queue = { id, name, languages, hours, acceptsContactRequests: accepts, services: serviceNodes.map((s) => s.id) };
    if (example !== undefined) queue.example = example;
    if (role && isQueueRole(role)) queue.role = role;
    out.push({ queue, idNode: qf.get('id')!.value, serviceNodes, map: q, roleNode });
  });
  return out;
}

export interface ParsedOmaolo {
  info: OmaoloInfo;
  idNodes: { id: string; node: AnyNode }[];
}

export function readOmaolo(ctx: Ctx, node: AnyNode): ParsedOmaolo | undefined {
  const map = asMap(ctx, node, 'omaolo.yaml');
  if (!map) return undefined;
  const f = fields(ctx, map, 'omaolo.yaml', ['url', 'note', 'checkedOn', 'assessments'], ['minAge']);
  const url = f.get('url') ? readUrl(ctx, f.get('url')!.value, 'url') : undefined;
  const note = f.get('note') ? readLocalized(ctx, f.get('note')!.value, 'note') : undefined;
  const checkedOn = f.get('checkedOn') ? readDate(ctx, f.get('checkedOn')!.value, 'checkedOn') : undefined;
  const minAge = f.get('minAge') ? readInt(ctx, f.get('minAge')!.value, 'minAge') : undefined;
  const idNodes: { id: string; node: AnyNode }[] = [];
  const assessments: OmaoloInfo['assessments'] = [];
  for (const [i, n] of ((f.get('assessments') ? asList(ctx, f.get('assessments')!.value, 'assessments') : undefined) ?? []).entries()) {
    const what = `assessments[${i}]`;
    const a = asMap(ctx, n, what);
    if (!a) continue;
    const af = fields(ctx, a, what, ['id', 'name'], ['ourTranslation']);
    const id = af.get('id') ? readId(ctx, af.get('id')!.value, `${what}.id`) : undefined;
    const name = af.get('name') ? readLocalized(ctx, af.get('name')!.value, `${what}.name`) : undefined;
    const ours = af.get('ourTranslation') ? readEnumList(ctx, af.get('ourTranslation')!.value, LANGS, `${what}.ourTranslation`) : undefined;
    if (!id || !name) continue;
    idNodes.push({ id, node: af.get('id')!.value });
    assessments.push(ours ? { id, name, ourTranslation: ours } : { id, name });
  }
  if (!url || !note || !checkedOn) return undefined;
  const info: OmaoloInfo = { url, note, checkedOn, assessments };
  if (minAge !== undefined) info.minAge = minAge;
  return { info, idNodes };
}

const POSTAL_CODE_RE = /^\d{5}$/;

/** area.yaml: the municipalities a pack serves, with their postal codes (a checked-in list). */
export function readArea(ctx: Ctx, node: AnyNode): RegionArea | undefined {
  const map = asMap(ctx, node, 'area.yaml');
  if (!map) return undefined;
  const f = fields(ctx, map, 'area.yaml', ['source', 'read', 'municipalities'], []);
  const source = f.get('source') ? readString(ctx, f.get('source')!.value, 'source') : undefined;
  const read = f.get('read') ? readDate(ctx, f.get('read')!.value, 'read') : undefined;
  const municipalities: Municipality[] = [];
  for (const [i, n] of ((f.get('municipalities') ? asList(ctx, f.get('municipalities')!.value, 'municipalities') : undefined) ?? []).entries()) {
    const what = `municipalities[${i}]`;
    const m = asMap(ctx, n, what);
    if (!m) continue;
    const mf = fields(ctx, m, what, ['code', 'fi', 'sv', 'postalCodes'], []);
    const code = mf.get('code') ? readString(ctx, mf.get('code')!.value, `${what}.code`) : undefined;
    const fi = mf.get('fi') ? readString(ctx, mf.get('fi')!.value, `${what}.fi`) : undefined;
    const sv = mf.get('sv') ? readString(ctx, mf.get('sv')!.value, `${what}.sv`) : undefined;
    const postalCodes: string[] = [];
    for (const p of (mf.get('postalCodes') ? asList(ctx, mf.get('postalCodes')!.value, `${what}.postalCodes`) : undefined) ?? []) {
      const v = isScalar(p) ? String(p.value) : '';
      if (!POSTAL_CODE_RE.test(v)) {
        ctx.rep.at(ctx.src, p, 'CAT038', `expected a five-digit postal code in ${what}.postalCodes, found ${describe(p)}`, 'quote it: "04400"');
        continue;
      }
      postalCodes.push(v);
    }
    if (code && fi && sv) municipalities.push({ code, name: { fi, sv }, postalCodes });
  }
  if (!source || !read) return undefined;
  return { source, read, municipalities };
}
