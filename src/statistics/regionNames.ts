/**
 * The regions' names for the statistics page's region choice, read once from each pack's
 * region.yaml (`name: {fi, sv, en}`); a pack that cannot be read is shown by its id.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export type RegionNames = Map<string, Partial<Record<'fi' | 'sv' | 'en', string>>>;

export function readRegionNames(contentDir: string, regions: string[]): RegionNames {
  const names: RegionNames = new Map();
  for (const id of regions) {
    try {
      const parsed = YAML.parse(fs.readFileSync(path.join(contentDir, 'content', 'regions', id, 'region.yaml'), 'utf8')) as { name?: Record<string, unknown> };
      const name = parsed?.name ?? {};
      names.set(id, Object.fromEntries(['fi', 'sv', 'en'].filter((l) => typeof name[l] === 'string').map((l) => [l, name[l] as string])));
    } catch {
      names.set(id, {});
    }
  }
  return names;
}
