/**
 * PTV export → region-pack service files. Two steps so that bad input never leaves half a
 * pack behind: `convertPtvExport` builds every file in memory (or returns the list of input
 * errors), and only then `writeImportedFiles` writes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import { convertService, slug, type ConvertOptions } from './convert';
import { DEFAULT_TOPIC_MAP, type TopicMap } from './topicMap';
import type { PtvServiceChannel } from './types';
import { validatePtvExport } from './validate';

export interface ImportOptions {
  regionId: string;
  /** Date written as checkedOn (the day the export was taken). */
  checkedOn: string;
  /** Mark everything as example data (for demo packs and test fixtures). */
  example?: boolean;
  topicMap?: TopicMap;
  /** Schema path written in each file's yaml-language-server modeline (relative to the file). */
  schemaRef?: string;
}

export interface ImportedFile {
  /** File name inside the pack's services/ folder. */
  name: string;
  serviceId: string;
  content: string;
}

export type ImportResult =
  | { ok: true; files: ImportedFile[]; warnings: string[] }
  | { ok: false; errors: string[] };

/** Times and phone numbers are always quoted: unquoted 08:00 is a number to some YAML readers. */
function toYaml(value: unknown, header: string): string {
  const doc = new Document(value);
  visit(doc, {
    // Short lists of words (days, languages) read best on one line: days: [mon, tue].
    Seq(_key, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string' && (/^\d{1,2}:\d{2}$/.test(node.value) || /^\+?[\d ]+$/.test(node.value))) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return `${header}${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

export function convertPtvExport(input: unknown, options: ImportOptions): ImportResult {
  const checked = validatePtvExport(input);
  if (!checked.ok) return checked;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.regionId)) {
    return { ok: false, errors: [`--region: expected a kebab-case id such as "demo", found "${options.regionId}"`] };
  }
  const warnings: string[] = [];
  const warn = (m: string): void => void warnings.push(m);
  const opts: ConvertOptions = {
    regionId: options.regionId,
    checkedOn: options.checkedOn,
    example: options.example ?? false,
    topicMap: options.topicMap ?? DEFAULT_TOPIC_MAP,
  };
  const channelsById = new Map<string, PtvServiceChannel>(checked.value.serviceChannels.map((c) => [c.id, c]));
  const used = new Set<string>();
  const files: ImportedFile[] = [];
  for (const s of checked.value.services) {
    const fiName = s.serviceNames.find((n) => n.language === 'fi')?.value ?? s.serviceNames[0]?.value ?? s.id;
    // Ids come from the Finnish name so they read well in dialogs; the PTV id stays in `source`.
    let id = `${options.regionId}-${slug(fiName) || 'service'}`;
    for (let n = 2; used.has(id); n++) id = `${options.regionId}-${slug(fiName)}-${n}`;
    used.add(id);
    const service = convertService(s, channelsById, id, opts, warn);
    const header =
      `# yaml-language-server: $schema=${options.schemaRef ?? '../../../../schemas/service.schema.json'}\n` +
      `# Imported from Suomi.fi PTV (service ${s.id}) on ${options.checkedOn}. Check the topic and texts.\n`;
    files.push({ name: `${id}.yaml`, serviceId: id, content: toYaml(service, header) });
  }
  for (const c of checked.value.serviceChannels) {
    const linked = checked.value.services.some((s) => s.serviceChannels?.some((l) => l.serviceChannel.id === c.id));
    if (!linked) warnings.push(`channel ${c.id} is not linked to any service and was not imported`);
  }
  return { ok: true, files, warnings };
}

/**
 * Writes the files into `<packDir>/services/`. Refuses (writing nothing) if a file exists and
 * `force` is off, so hand edits (topics!) are not overwritten by a re-import by accident.
 * Files are staged in a temporary folder and renamed into place.
 */
export function writeImportedFiles(files: ImportedFile[], packDir: string, force = false): string[] {
  const dir = path.join(packDir, 'services');
  const clashes = files.filter((f) => fs.existsSync(path.join(dir, f.name)));
  if (clashes.length > 0 && !force) {
    throw new Error(`expected new files, found existing ${clashes.map((f) => f.name).join(', ')} in ${dir} (use --force to overwrite)`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(dir, '.import-'));
  try {
    for (const f of files) fs.writeFileSync(path.join(staging, f.name), f.content, 'utf8');
    for (const f of files) fs.renameSync(path.join(staging, f.name), path.join(dir, f.name));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return files.map((f) => path.join(dir, f.name));
}

/** Reads a --topics YAML file: `{ topics: { <topic>: [keywords] }, services: { <ptv id>: <topic> } }`. */
export function parseTopicMap(value: unknown): TopicMap {
  const v = value as { topics?: Record<string, string[]>; services?: Record<string, string> } | null;
  if (!v || typeof v !== 'object') throw new Error('expected a mapping with "topics" and/or "services"');
  const map: TopicMap = { topics: [] };
  for (const [topic, keywords] of Object.entries(v.topics ?? {})) {
    if (!Array.isArray(keywords)) throw new Error(`topics.${topic}: expected a list of keywords`);
    map.topics.push({ topic: topic as TopicMap['topics'][number]['topic'], keywords: keywords.map(String) });
  }
  if (v.services) map.services = v.services as TopicMap['services'];
  return map;
}


