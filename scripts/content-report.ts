/**
 * npm run content:report [-- --region <id>] [--stale-months N] [--format md|tsv]
 *
 * The editors' review table: for each region pack, its status (draft / verified, by whom and
 * when) and one row per service channel with the fact, its source, the date it was read and
 * whether it is older than the staleness setting. A county editor works down this table to
 * verify a pack (docs/region-pack-guide.md). Markdown by default; --format tsv for a spreadsheet.
 */
import path from 'node:path';
import { DEFAULT_STALE_MONTHS, isStale, listRegions, loadCatalogue, type Catalogue, type Service } from '../src/content/catalogue';

interface Args {
  region?: string;
  staleMonths: number;
  format: 'md' | 'tsv';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { staleMonths: Number(process.env.CONTENT_STALE_MONTHS) || DEFAULT_STALE_MONTHS, format: 'md' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    if (a === '--region' && v) (args.region = v), i++;
    else if (a === '--stale-months' && v && Number(v) > 0) (args.staleMonths = Number(v)), i++;
    else if (a === '--format' && (v === 'md' || v === 'tsv')) (args.format = v), i++;
    else throw new Error(`unknown or incomplete option "${a}"; expected --region <id>, --stale-months <n>, --format md|tsv`);
  }
  return args;
}

function rows(catalogue: Catalogue, regionId: string, now: Date, staleMonths: number): string[][] {
  const out: string[][] = [];
  const own = [...new Set(catalogue.services.values())].filter((s: Service) => s.origin === regionId).sort((a, b) => a.id.localeCompare(b.id));
  for (const s of own) {
    for (const c of s.channels) {
      const fact = c.phone ?? c.url ?? c.address?.fi ?? '';
      const p = c.provenance;
      const stale = p ? (isStale(p.read, now, staleMonths) ? 'STALE' : 'ok') : s.example ? 'example' : 'MISSING';
      out.push([s.id, s.role ?? '', c.type, fact, c.hours ? ('always' in c.hours ? 'always' : 'unknown' in c.hours ? 'unknown' : 'weekly') : '', p?.source ?? '', p?.read ?? '', stale]);
    }
    if (s.findContact) out.push([s.id, s.role ?? '', 'findContact', s.findContact.fi, '', '', '', 'text']);
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const rootDir = process.cwd();
  const contentDir = path.join(rootDir, 'content');
  const now = new Date();
  const regions = args.region ? [args.region] : listRegions(contentDir);
  const header = ['service', 'role', 'channel', 'fact', 'hours', 'source', 'read', 'check'];
  for (const id of regions) {
    const { catalogue } = loadCatalogue(contentDir, id, { rootDir });
    const r = catalogue.region;
    const status = r.example ? 'example data' : r.status === 'verified' ? `verified by ${r.verified?.by} on ${r.verified?.on}` : r.status ?? 'no status';
    const table = rows(catalogue, id, now, args.staleMonths);
    if (args.format === 'tsv') {
      for (const row of table) console.log([id, status, ...row].join('\t'));
      continue;
    }
    const stale = table.filter((t) => t[7] === 'STALE').length;
    console.log(`\n## ${r.name.fi} (${id}): ${status}`);
    console.log(`${table.filter((t) => t[2] !== 'findContact').length} facts, ${stale} older than ${args.staleMonths} months; languages: ${(r.languages ?? []).join(', ') || 'not stated'}; municipalities: ${r.area?.municipalities.map((m) => m.name.fi).join(', ') ?? 'none'}\n`);
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    for (const row of table) console.log(`| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
}

main();
