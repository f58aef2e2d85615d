/**
 * Entry points: load one region's catalogue (national base + pack), or check every pack.
 * Never throws: problems come back as Diagnostics (file:line:col code message + hint).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic';
import { buildCatalogue, fallbackRegion } from './buildCatalogue';
import {
  checkContacts, checkExampleFlags, checkOmaoloDuplicates, checkOmaoloEnabled, checkQueues, checkServiceAdvice,
} from './checks';
import { addRoleAliases, overlay, uniqueById } from './overlay';
import { checkProvenance, DEFAULT_STALE_MONTHS } from './provenance';
import { listRegions, readBase, readPack } from './sources';
import { Reporter } from './yamlSource';
import type { Catalogue } from './types';

export interface LoadOptions {
  /** Diagnostics report paths relative to this folder; defaults to the working directory. */
  rootDir?: string;
  /** "Today" for the staleness check; defaults to the clock. */
  now?: Date;
  /** Facts read longer ago than this many months are warned about (CAT034). Default 6. */
  staleAfterMonths?: number;
}

export function loadCatalogue(
  contentDir: string,
  regionId: string,
  options: LoadOptions = {},
): { catalogue: Catalogue; diagnostics: Diagnostic[] } {
  const rep = new Reporter(options.rootDir ?? process.cwd());
  try {
    const base = readBase(contentDir, rep);
    checkOmaoloDuplicates(base, rep);
    const baseServices = uniqueById(base.services, rep);
    for (const e of baseServices) {
      checkContacts(e, 'base', rep);
      checkServiceAdvice(e, 'base', rep);
    }

    const pack = readPack(contentDir, regionId, rep);
    const packServices = uniqueById(pack.services, rep);
    const provenanceOptions = { now: options.now ?? new Date(), staleAfterMonths: options.staleAfterMonths ?? DEFAULT_STALE_MONTHS };
    for (const e of packServices) {
      checkContacts(e, 'pack', rep);
      checkServiceAdvice(e, 'pack', rep);
      checkProvenance(e.parsed.service, e.parsed.nodes.channels, e.ctx.src, rep, provenanceOptions);
    }
    checkExampleFlags(pack, rep);
    checkOmaoloEnabled(base, pack, rep);
    const services = overlay(baseServices, packServices, rep);
    checkQueues(pack, services, [...baseServices, ...packServices], rep);
    addRoleAliases(packServices, services, rep);

    const region = pack.region?.parsed.region ?? fallbackRegion(regionId);
    const catalogue = buildCatalogue(region, services, pack.queues.map((q) => q.parsed.queue), base.omaolo?.parsed.info);
    return { catalogue, diagnostics: sortDiagnostics(rep.diagnostics) };
  } catch (err) {
    // A bug in a check must not take the bot down; report it like any other content problem.
    rep.atFile(contentDir, 'CAT002', `expected content to load, found an internal error: ${(err as Error).message}`);
    const catalogue = buildCatalogue(fallbackRegion(regionId), new Map(), [], undefined);
    return { catalogue, diagnostics: rep.diagnostics };
  }
}

/**
 * Diagnostics for the national base and every region pack, each reported once. Folders under
 * regions/ without a region.yaml are reported too (listRegions skips them).
 */
export function checkAllPacks(contentDir: string, options: LoadOptions = {}): Diagnostic[] {
  const rootDir = options.rootDir ?? process.cwd();
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic): void => {
    const key = `${d.file}:${d.line}:${d.col}:${d.code}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  };
  const regionsDir = path.join(contentDir, 'regions');
  const dirs = fs.existsSync(regionsDir)
    ? fs.readdirSync(regionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const packs = listRegions(contentDir);
  for (const dir of dirs) {
    if (!packs.includes(dir)) {
      const rep = new Reporter(rootDir);
      rep.atFile(path.join(regionsDir, dir, 'region.yaml'), 'CAT002', `expected region.yaml in regions/${dir}, found none`);
      rep.diagnostics.forEach(push);
    }
  }
  if (packs.length === 0) {
    // Still check the national base on its own (against an empty pseudo-pack).
    loadCatalogue(contentDir, '__none__', options).diagnostics.filter((d) => !d.file.includes('__none__')).forEach(push);
  }
  for (const id of packs) loadCatalogue(contentDir, id, options).diagnostics.forEach(push);
  return sortDiagnostics(out);
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}
