/**
 * npm run content:check — compiles everything editors write (dialogs, the national base, every
 * region pack, the NLU phrases) and prints each problem as `file:line:col severity code message`.
 * Exits 1 when there is an error (warnings alone pass).
 */
import path from 'node:path';
import { checkAllPacks, listRegions, loadCatalogue } from '../src/content/catalogue';
import { Diagnostic, formatDiagnostic, hasErrors } from '../src/content/diagnostic';
import { loadContentBundle } from '../src/engine/contentBundle';
import { checkGlossary } from '../src/content/glossary';

// --stale-months=N (or CONTENT_STALE_MONTHS): warn about facts read longer ago (default 6).
const staleArg = process.argv.find((a) => a.startsWith('--stale-months='));
const staleAfterMonths = Number(staleArg?.split('=')[1] ?? process.env.CONTENT_STALE_MONTHS) || undefined;
const rootDir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.cwd());
const started = Date.now();
const seen = new Set<string>();
const all: Diagnostic[] = [];
const add = (d: Diagnostic) => {
  const key = formatDiagnostic(d);
  if (!seen.has(key)) {
    seen.add(key);
    all.push(d);
  }
};
checkAllPacks(path.join(rootDir, 'content'), { rootDir, ...(staleAfterMonths ? { staleAfterMonths } : {}) }).forEach(add);
const regions = listRegions(path.join(rootDir, 'content'));
// Catalogue (CAT) problems were reported above with the chosen settings; the bundle adds dialogs and NLU.
for (const region of regions) loadContentBundle(rootDir, region).diagnostics.filter((d) => !d.code.startsWith('CAT')).forEach(add);

// One term per language for each role and service (content/glossary.yaml): warnings.
checkGlossary(rootDir).forEach(add);

all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
for (const d of all) console.log(formatDiagnostic(d));
const errors = all.filter((d) => d.severity === 'error').length;
const statuses = regions.map((id) => {
  const r = loadCatalogue(path.join(rootDir, 'content'), id, { rootDir }).catalogue.region;
  return `${id}: ${r.example ? 'example' : r.status === 'verified' ? `verified by ${r.verified?.by} ${r.verified?.on}` : r.status ?? '?'}`;
});
console.log(`packs: ${statuses.join('; ')}`);
console.log(`${errors} error(s), ${all.length - errors} warning(s) in dialogs and ${regions.length} region pack(s) [${regions.join(', ')}] (${Date.now() - started} ms)`);
process.exit(hasErrors(all) ? 1 : 0);
