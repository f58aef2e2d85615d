/**
 * Reads one service entry. Cross-file checks (duplicates, queue references, overrides, phone
 * reference list) need positions after the whole catalogue is read, so the reader also returns
 * the nodes those checks point at.
 */
import { isMap, isScalar, type Node } from 'yaml';
import {
  asList, asMap, describe, fields, readBool, readDate, readEnum, readEnumList, readInt, readLocalized, readString, readUrl,
  type AnyNode, type Ctx,
} from './read';
import { readHours } from './readHours';
import { complete, readProvenance, type ProvenanceNodes } from './provenance';
import { isRole, ROLE_IDS } from './roles';
import {
  CHANNEL_TYPES, CHARGES, LANGS, TARGET_GROUPS, TOPICS,
  type AgeGroup, type Audience, type Channel, type Service,
} from './types';

export const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ServiceNodes {
  map: Node;
  id: AnyNode;
  topic?: AnyNode;
  queue?: AnyNode;
  overrides?: AnyNode;
  example?: AnyNode;
  phones: { value: string; node: AnyNode }[];
  urls: { value: string; node: AnyNode }[];
  channels: { channel: Channel; node: AnyNode; own: ProvenanceNodes; hours: ProvenanceNodes }[];
  role?: AnyNode;
}

export interface ParsedService {
  service: Service;
  nodes: ServiceNodes;
}

export function readId(ctx: Ctx, node: AnyNode, what: string): string | undefined {
  const id = readString(ctx, node, what);
  if (id === undefined) return undefined;
  if (!ID_RE.test(id)) {
    ctx.rep.at(ctx.src, node, 'CAT025', `expected ${what} in lower-case kebab-case (a-z, 0-9, -), found "${id}"`,
      'ids are stable keys used by dialogs and logs; e.g. demo-family-centre');
    return undefined;
  }
  return id;
}

function readChannel(ctx: Ctx, node: AnyNode, what: string, nodes: ServiceNodes): Channel | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, ['type'], ['label', 'phone', 'url', 'address', 'hours', 'charge', 'languages', 'notes', 'source', 'read']);
  const own: ProvenanceNodes = {};
  const hoursProv: ProvenanceNodes = {};
  readProvenance(ctx, f, what, own);
  const type = f.get('type') ? readEnum(ctx, f.get('type')!.value, CHANNEL_TYPES, `${what}.type`) : undefined;
  if (type === undefined) return undefined;
  const ch: Channel = { type };
  let ok = true;
  const opt = <T>(key: string, read: (n: AnyNode) => T | undefined): T | undefined => {
    const fl = f.get(key);
    if (!fl) return undefined;
    const v = read(fl.value);
    if (v === undefined) ok = false;
    return v;
  };
  const label = opt('label', (n) => readLocalized(ctx, n, `${what}.label`));
  if (label) ch.label = label;
  const phone = opt('phone', (n) => readString(ctx, n, `${what}.phone`));
  if (phone) {
    ch.phone = phone;
    nodes.phones.push({ value: phone, node: f.get('phone')!.value });
  }
  const url = opt('url', (n) => readUrl(ctx, n, `${what}.url`));
  if (url) {
    ch.url = url;
    nodes.urls.push({ value: url, node: f.get('url')!.value });
  }
  const address = opt('address', (n) => readLocalized(ctx, n, `${what}.address`));
  if (address) ch.address = address;
  const hours = opt('hours', (n) => readHours(ctx, n, `${what}.hours`, hoursProv));
  if (hours) ch.hours = hours;
  const charge = opt('charge', (n) => readEnum(ctx, n, CHARGES, `${what}.charge`));
  if (charge) ch.charge = charge;
  const languages = opt('languages', (n) => readEnumList(ctx, n, LANGS, `${what}.languages`));
  if (languages) ch.languages = languages;
  const notes = opt('notes', (n) => readLocalized(ctx, n, `${what}.notes`));
  if (notes) ch.notes = notes;

  // Without its contact a channel is a dead end for the resident.
  const need = type === 'phone' ? 'phone' : type === 'walk-in' ? 'address' : 'url';
  if (!f.has(need)) {
    ctx.rep.at(ctx.src, map, 'CAT030', `expected a "${need}" on this ${type} channel (${what}), found none`);
    ok = false;
  }
  if (!ok) return undefined;
  const provenance = complete(own);
  if (provenance) ch.provenance = provenance;
  // An hours block without its own source was read from the channel's page.
  const hoursProvenance = complete({ source: hoursProv.source ?? own.source, read: hoursProv.read ?? own.read });
  if (ch.hours && hoursProvenance) ch.hoursProvenance = hoursProvenance;
  nodes.channels.push({ channel: ch, node: map, own, hours: hoursProv });
  return ch;
}

function readAge(ctx: Ctx, node: AnyNode, what: string): AgeGroup | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, [], ['minAge', 'maxAge']);
  const g: AgeGroup = {};
  for (const k of ['minAge', 'maxAge'] as const) {
    const fl = f.get(k);
    if (!fl) continue;
    const v = readInt(ctx, fl.value, `${what}.${k}`);
    if (v === undefined) return undefined;
    if (v < 0 || v > 130) {
      ctx.rep.at(ctx.src, fl.value, 'CAT031', `expected ${what}.${k} between 0 and 130, found ${v}`);
      return undefined;
    }
    g[k] = v;
  }
  if (g.minAge !== undefined && g.maxAge !== undefined && g.minAge > g.maxAge) {
    ctx.rep.at(ctx.src, f.get('maxAge')!.value, 'CAT031', `expected maxAge ≥ minAge (${g.minAge}) in ${what}, found ${g.maxAge}`);
    return undefined;
  }
  return g;
}

function readAudience(ctx: Ctx, node: AnyNode, what: string): Audience | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, [], ['ageGroups', 'targetGroups']);
  const a: Audience = {};
  const ages = f.get('ageGroups');
  if (ages) {
    const items = asList(ctx, ages.value, `${what}.ageGroups`);
    if (!items) return undefined;
    a.ageGroups = [];
    for (const [i, n] of items.entries()) {
      const g = readAge(ctx, n, `${what}.ageGroups[${i}]`);
      if (!g) return undefined;
      a.ageGroups.push(g);
    }
  }
  const groups = f.get('targetGroups');
  if (groups) {
    const tg = readEnumList(ctx, groups.value, TARGET_GROUPS, `${what}.targetGroups`);
    if (!tg) return undefined;
    a.targetGroups = tg;
  }
  return a;
}

const REQUIRED = ['id', 'topic', 'name', 'description', 'channels', 'anonymous', 'checkedOn'] as const;
const OPTIONAL = ['alsoTopics', 'audience', 'queue', 'source', 'example', 'overrides', 'notes', 'otherLanguages', 'role', 'findContact'] as const;

/** Reads a service mapping. `origin` is "base" or the region id. */
export function readService(ctx: Ctx, node: AnyNode, origin: string): ParsedService | undefined {
  const map = asMap(ctx, node, 'a service');
  if (!map) return undefined;
  const f = fields(ctx, map, 'a service', REQUIRED, OPTIONAL);
  const nodes: ServiceNodes = {
    map, id: f.get('id')?.value, topic: f.get('topic')?.value, example: f.get('example')?.value,
    phones: [], urls: [], channels: [],
  };
  let ok = REQUIRED.every((k) => f.has(k));
  const get = <T>(key: string, read: (n: AnyNode) => T | undefined): T | undefined => {
    const fl = f.get(key);
    if (!fl) return undefined;
    const v = read(fl.value);
    if (v === undefined) ok = false;
    return v;
  };
  const id = get('id', (n) => readId(ctx, n, 'id'));
  const topic = get('topic', (n) => readEnum(ctx, n, TOPICS, 'topic', 'CAT009'));
  const alsoTopics = get('alsoTopics', (n) => {
    const items = asList(ctx, n, 'alsoTopics');
    if (!items) return undefined;
    const out = items.map((t) => readEnum(ctx, t, TOPICS, 'each item of alsoTopics', 'CAT009'));
    return out.every((t) => t !== undefined) ? (out as NonNullable<(typeof out)[number]>[]) : undefined;
  });
  const name = get('name', (n) => readLocalized(ctx, n, 'name'));
  const description = get('description', (n) => readLocalized(ctx, n, 'description'));
  const channels = get('channels', (n) => {
    const items = asList(ctx, n, 'channels');
    if (!items) return undefined;
    if (items.length === 0) {
      ctx.rep.at(ctx.src, n, 'CAT004', 'expected at least one channel in channels, found an empty list');
      return undefined;
    }
    const out = items.map((c, i) => readChannel(ctx, c, `channels[${i}]`, nodes));
    return out.every((c) => c !== undefined) ? (out as Channel[]) : undefined;
  });
  const audience = get('audience', (n) => readAudience(ctx, n, 'audience'));
  const anonymous = get('anonymous', (n) => readBool(ctx, n, 'anonymous'));
  const queue = get('queue', (n) => readId(ctx, n, 'queue'));
  if (f.has('queue')) nodes.queue = f.get('queue')!.value;
  const checkedOn = get('checkedOn', (n) => readDate(ctx, n, 'checkedOn'));
  const source = get('source', (n) => readString(ctx, n, 'source'));
  const example = get('example', (n) => readBool(ctx, n, 'example'));
  const overrides = get('overrides', (n) => readBool(ctx, n, 'overrides'));
  if (f.has('overrides')) nodes.overrides = f.get('overrides')!.key;
  const notes = get('notes', (n) => readLocalized(ctx, n, 'notes'));
  const otherLanguages = get('otherLanguages', (n) => readOtherLanguages(ctx, n));
  const role = get('role', (n) => {
    const r = readString(ctx, n, 'role');
    if (r === undefined) return undefined;
    if (!isRole(r)) {
      ctx.rep.at(ctx.src, n, 'CAT035', `expected role to be one of ${ROLE_IDS.join(', ')}, found "${r}"`,
        'roles are the parts the dialogs route to; see docs/region-pack-guide.md');
      return undefined;
    }
    return r;
  });
  if (f.has('role')) nodes.role = f.get('role')!.value;
  const findContact = get('findContact', (n) => readLocalized(ctx, n, 'findContact'));

  if (!ok || !id || !topic || !name || !description || !channels || anonymous === undefined || !checkedOn) return undefined;
  const service: Service = { id, topic, name, description, channels, anonymous, checkedOn, origin, file: ctx.src.file };
  if (alsoTopics) service.alsoTopics = alsoTopics;
  if (audience) service.audience = audience;
  if (queue) service.queue = queue;
  if (source) service.source = source;
  if (example !== undefined) service.example = example;
  if (overrides !== undefined) service.overrides = overrides;
  if (notes) service.notes = notes;
  if (otherLanguages) service.otherLanguages = otherLanguages;
  if (role) service.role = role;
  if (findContact) service.findContact = findContact;
  return { service, nodes };
}

/**
 * Names and descriptions in languages the bot does not speak yet (Sámi: se, smn, sms). Kept so
 * an import never silently drops published text; not shown to residents today.
 */
function readOtherLanguages(ctx: Ctx, node: AnyNode): Record<string, { name?: string; description?: string }> | undefined {
  const map = asMap(ctx, node, 'otherLanguages');
  if (!map) return undefined;
  const out: Record<string, { name?: string; description?: string }> = {};
  for (const pair of map.items) {
    const key = pair.key as AnyNode;
    if (!isScalar(key) || typeof key.value !== 'string' || !/^[a-z]{2,3}$/.test(key.value)) {
      ctx.rep.at(ctx.src, key, 'CAT008', `expected a language code such as se, smn or sms in otherLanguages, found ${describe(key)}`);
      return undefined;
    }
    if (!isMap(pair.value)) {
      ctx.rep.at(ctx.src, pair.value as AnyNode, 'CAT003', `expected otherLanguages.${key.value} to be a mapping, found ${describe(pair.value as AnyNode)}`);
      return undefined;
    }
    const f = fields(ctx, pair.value, `otherLanguages.${key.value}`, [], ['name', 'description']);
    const entry: { name?: string; description?: string } = {};
    for (const k of ['name', 'description'] as const) {
      const fl = f.get(k);
      if (!fl) continue;
      const s = readString(ctx, fl.value, `otherLanguages.${key.value}.${k}`);
      if (s === undefined) return undefined;
      entry[k] = s;
    }
    out[key.value] = entry;
  }
  return out;
}
