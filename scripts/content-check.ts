/**
 * npm run content:check — compiles everything editors write (dialogs, the national base, every
 * region pack, the NLU phrases) and prints each problem as `file:line:col severity code message`.
 * Exits 1 when there is an error (warnings alone pass).
 */
import path from 'node:path';
import { checkAllPacks, listRegions } from '../src/content/catalogue';
import { Diagnostic, formatDiagnostic, hasErrors } from '../src/content/diagnostic';
import { loadContentBundle } from '../src/engine/contentBundle';

const rootDir = path.resolve(process.argv[2] ?? process.cwd());
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
checkAllPacks(path.join(rootDir, 'content'), { rootDir }).forEach(add);
const regions = listRegions(path.join(rootDir, 'content'));
for (const region of regions) loadContentBundle(rootDir, region).diagnostics.forEach(add);

all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
for (const d of all) console.log(formatDiagnostic(d));
const errors = all.filter((d) => d.severity === 'error').length;
console.log(`${errors} error(s), ${all.length - errors} warning(s) in dialogs and ${regions.length} region pack(s) [${regions.join(', ')}] (${Date.now() - started} ms)`);
process.exit(hasErrors(all) ? 1 : 0);
