/**
 * Where content lives on disk, and reading it into parsed entries:
 *
 *   <contentDir>/services/*.yaml            national base (one service, or a list of services)
 *   <contentDir>/omaolo.yaml                national Omaolo assessment list
 *   <contentDir>/regions/<id>/region.yaml   a county's region pack
 *   <contentDir>/regions/<id>/services/*.yaml
 *   <contentDir>/regions/<id>/queues.yaml   (optional) counsellor queues
 */
import fs from 'node:fs';
import path from 'node:path';
import { isSeq } from 'yaml';
import type { AnyNode, Ctx } from './read';
import { readService, type ParsedService } from './readService';
import { readArea, readOmaolo, readQueues, readRegion, type ParsedOmaolo, type ParsedQueue, type ParsedRegion } from './readRegion';
import type { RegionArea } from './types';
import { readYaml, yamlFilesIn, type Reporter } from './yamlSource';

export interface ParsedEntry<T> {
  parsed: T;
  ctx: Ctx;
}

export interface ParsedBase {
  services: ParsedEntry<ParsedService>[];
  omaolo?: ParsedEntry<ParsedOmaolo>;
}

export interface ParsedPack {
  dir: string;
  region?: ParsedEntry<ParsedRegion>;
  services: ParsedEntry<ParsedService>[];
  queues: ParsedEntry<ParsedQueue>[];
  area?: RegionArea;
}

/** A services file holds one service (a mapping) or several (a list); both are read the same way. */
function readServiceFiles(dir: string, origin: string, rep: Reporter): ParsedEntry<ParsedService>[] {
  const out: ParsedEntry<ParsedService>[] = [];
  for (const file of yamlFilesIn(dir)) {
    const src = readYaml(file, rep);
    if (!src) continue;
    const ctx: Ctx = { src, rep };
    const root = src.doc.contents as AnyNode;
    const nodes = isSeq(root) ? (root.items as AnyNode[]) : [root];
    for (const n of nodes) {
      const parsed = readService(ctx, n, origin);
      if (parsed) out.push({ parsed, ctx });
    }
  }
  return out;
}

export function readBase(contentDir: string, rep: Reporter): ParsedBase {
  const servicesDir = path.join(contentDir, 'services');
  if (!fs.existsSync(servicesDir)) {
    rep.atFile(servicesDir, 'CAT002', `expected the national base folder ${rep.rel(servicesDir)}, found nothing`);
  }
  const base: ParsedBase = { services: readServiceFiles(servicesDir, 'base', rep) };
  const omaoloFile = path.join(contentDir, 'omaolo.yaml');
  if (!fs.existsSync(omaoloFile)) {
    rep.atFile(omaoloFile, 'CAT002', `expected the Omaolo list ${rep.rel(omaoloFile)}, found nothing`);
    return base;
  }
  const src = readYaml(omaoloFile, rep);
  if (src) {
    const ctx: Ctx = { src, rep };
    const parsed = readOmaolo(ctx, src.doc.contents as AnyNode);
    if (parsed) base.omaolo = { parsed, ctx };
  }
  return base;
}

export function readPack(contentDir: string, regionId: string, rep: Reporter): ParsedPack {
  const dir = path.join(contentDir, 'regions', regionId);
  const pack: ParsedPack = { dir, services: [], queues: [] };
  const regionFile = path.join(dir, 'region.yaml');
  if (!fs.existsSync(regionFile)) {
    rep.atFile(regionFile, 'CAT002', `expected a region pack file ${rep.rel(regionFile)}, found nothing`,
      'see docs/region-pack-guide.md; the folder name is the region id');
    return pack;
  }
  const src = readYaml(regionFile, rep);
  if (src) {
    const ctx: Ctx = { src, rep };
    const parsed = readRegion(ctx, src.doc.contents as AnyNode, dir);
    if (parsed) pack.region = { parsed, ctx };
  }
  pack.services = readServiceFiles(path.join(dir, 'services'), regionId, rep);
  const areaFile = path.join(dir, 'area.yaml');
  if (fs.existsSync(areaFile)) {
    const asrc = readYaml(areaFile, rep);
    if (asrc) {
      const area = readArea({ src: asrc, rep }, asrc.doc.contents as AnyNode);
      if (area) pack.area = area;
    }
  } else if (pack.region && pack.region.parsed.region.example !== true) {
    rep.at(pack.region.ctx.src, pack.region.parsed.idNode, 'CAT038', `expected ${rep.rel(areaFile)} listing the municipalities served, found no file`,
      'see docs/region-pack-guide.md: area.yaml is generated from the postal code list');
  }
  if (pack.region && pack.area) pack.region.parsed.region.area = pack.area;
  const queuesFile = path.join(dir, 'queues.yaml');
  if (fs.existsSync(queuesFile)) {
    const qsrc = readYaml(queuesFile, rep);
    if (qsrc) {
      const ctx: Ctx = { src: qsrc, rep };
      pack.queues = readQueues(ctx, qsrc.doc.contents as AnyNode).map((parsed) => ({ parsed, ctx }));
    }
  }
  return pack;
}

/** Region ids: folders under regions/ that hold a region.yaml, sorted. */
export function listRegions(contentDir: string): string[] {
  const dir = path.join(contentDir, 'regions');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'region.yaml')))
    .map((d) => d.name)
    .sort();
}
