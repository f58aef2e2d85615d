/**
 * Which county serves a place a resident typed: a municipality ("Pori", "asun Porissa",
 * "Björneborg") or a postal code ("28100"). One deployment can serve several counties; the
 * page's `data-region` picks the default, and a resident who names a place in another pack's
 * area is offered that county's services, while a place in none of the packs gets the
 * national services.
 *
 * Data: each pack's area.yaml (its municipalities and postal codes) and the list of all Finnish
 * municipalities (content/regions/finland-municipalities.yaml), both generated from Posti's
 * postal code file; see content/regions/README.md. Pure lookups once the index is built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { listRegions } from '../catalogue/sources';

export interface Place {
  /** Statistics Finland's municipality code. */
  code: string;
  name: { fi: string; sv: string };
  /** The pack serving it, or null when no pack covers it (then: national services). */
  region: string | null;
}

export interface PlaceIndex {
  byPostalCode: Map<string, Place>;
  /** Normalised names (fi and sv), longest first, for matching inside a sentence. */
  names: { key: string; place: Place }[];
  /** Positions in `names` by the key's first three characters (keys of three or more). */
  byHead: Map<string, number[]>;
}

/** Lower case, no diacritics: residents type "hameenlinna" as often as "Hämeenlinna". */
export function normalise(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9\s-]/g, ' ');
}

interface AreaFile {
  municipalities?: { code: string; fi: string; sv: string; postalCodes?: string[] }[];
}

function readYamlFile(file: string): AreaFile | undefined {
  try {
    return parse(fs.readFileSync(file, 'utf8')) as AreaFile;
  } catch {
    return undefined;
  }
}

export function buildPlaceIndex(contentDir: string): PlaceIndex {
  const places = new Map<string, Place>();
  const byPostalCode = new Map<string, Place>();
  const all = readYamlFile(path.join(contentDir, 'regions', 'finland-municipalities.yaml'));
  for (const m of all?.municipalities ?? []) places.set(m.code, { code: m.code, name: { fi: m.fi, sv: m.sv }, region: null });
  for (const region of listRegions(contentDir)) {
    const area = readYamlFile(path.join(contentDir, 'regions', region, 'area.yaml'));
    for (const m of area?.municipalities ?? []) {
      const place: Place = { code: m.code, name: { fi: m.fi, sv: m.sv }, region };
      places.set(m.code, place);
      for (const pc of m.postalCodes ?? []) byPostalCode.set(pc, place);
    }
  }
  const names: PlaceIndex['names'] = [];
  for (const place of places.values()) {
    for (const n of new Set([place.name.fi, place.name.sv])) names.push({ key: normalise(n).trim(), place });
  }
  names.sort((a, b) => b.key.length - a.key.length);
  const byHead = new Map<string, number[]>();
  names.forEach(({ key }, i) => {
    if (key.length < 3) return;
    const head = key.slice(0, 3);
    const list = byHead.get(head);
    if (list) list.push(i);
    else byHead.set(head, [i]);
  });
  return { byPostalCode, names, byHead };
}

/**
 * Finnish inflects place names ("Porissa", "Kokkolasta", "Hyvinkäälle"): a word matches a name
 * when it starts with the name and the rest is a short case ending. Names whose stem changes
 * (Loppi → Lopella) match only in the base form; the resident can type that or a postal code.
 */
const MAX_ENDING = 5;

export function findPlace(text: string, index: PlaceIndex): Place | undefined {
  const postal = /(?:^|\D)(\d{5})(?:\D|$)/.exec(text);
  if (postal) {
    const hit = index.byPostalCode.get(postal[1]!);
    if (hit) return hit;
  }
  const norm = ` ${normalise(text).replace(/\s+/g, ' ').trim()} `;
  // A name can match only where a word starts with its first three characters: test those names
  // alone (a sentence has a few words, the index about 400 names), in the index's order.
  const candidates: number[] = [];
  for (let at = 0; at >= 0 && at + 4 <= norm.length; at = norm.indexOf(' ', at + 1)) {
    const names = index.byHead.get(norm.slice(at + 1, at + 4));
    if (names) candidates.push(...names);
  }
  candidates.sort((a, b) => a - b);
  for (const i of candidates) {
    const { key, place } = index.names[i]!;
    let from = norm.indexOf(` ${key}`);
    while (from >= 0) {
      const after = norm.slice(from + 1 + key.length);
      const ending = /^[a-z]*/.exec(after)![0];
      if (ending.length <= MAX_ENDING) return place;
      from = norm.indexOf(` ${key}`, from + 1);
    }
  }
  return undefined;
}
