/**
 * The region packs the page can be themed with, loaded once per region from the content folder.
 * `contentDir` may be the repository root (the default CONTENT_DIR) or the content folder itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listRegions, loadCatalogue, Region } from '../content/catalogue';

export interface RegionTheme {
  region: Region;
  /** Absolute path of the logo file, or null. */
  logoFile: string | null;
}

export function contentRoot(contentDir: string): string {
  const nested = path.join(contentDir, 'content');
  return fs.existsSync(path.join(nested, 'regions')) ? nested : contentDir;
}

export class RegionThemes {
  private readonly cache = new Map<string, RegionTheme>();
  private readonly root: string;
  private readonly known: Set<string>;

  constructor(contentDir: string, private readonly defaultRegion: string) {
    this.root = contentRoot(contentDir);
    this.known = new Set(listRegions(this.root));
  }

  /** Every region pack in the content folder, themed. */
  all(): RegionTheme[] {
    return [...this.known].map((id) => this.get(id));
  }

  /** The named region when it exists, else the deployment's default region. */
  get(regionId?: string | null): RegionTheme {
    const id = regionId && this.known.has(regionId) ? regionId : this.defaultRegion;
    let theme = this.cache.get(id);
    if (!theme) {
      const rootDir = process.cwd();
      const { catalogue } = loadCatalogue(this.root, id, { rootDir });
      const region = catalogue.region;
      const logoFile = region.logo ? path.resolve(rootDir, region.logo) : null;
      theme = { region, logoFile: logoFile && fs.existsSync(logoFile) ? logoFile : null };
      this.cache.set(id, theme);
    }
    return theme;
  }
}
