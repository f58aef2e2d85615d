/**
 * npm run content:import-ptv -- <export.json> [--region <id>] [--out <packDir>]
 *                                [--checked-on YYYY-MM-DD] [--topics <map.yaml>] [--example] [--force]
 *
 * Turns a Suomi.fi PTV export ({ services, serviceChannels }) into region-pack service files in
 * <packDir>/services/ (default content/regions/<id>). Bad input: the errors are listed, the exit
 * code is 1 and no file is written. Warnings (unknown topic, skipped data) go to stderr.
 * See docs/region-pack-guide.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { convertPtvExport, parseTopicMap, writeImportedFiles, type ImportOptions } from '../src/content/ptv';

function fail(lines: string[]): never {
  for (const l of lines) process.stderr.write(`error: ${l}\n`);
  process.exit(1);
}

function main(argv: string[]): void {
  const args: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--example' || a === '--force') args[a.slice(2)] = true;
    else if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined) fail([`${a}: expected a value, found nothing`]);
      args[a.slice(2)] = v;
    } else positional.push(a);
  }
  const known = ['region', 'out', 'checked-on', 'topics', 'example', 'force'];
  const unknown = Object.keys(args).filter((k) => !known.includes(k));
  if (unknown.length > 0) fail([`unknown option(s) ${unknown.map((k) => `--${k}`).join(', ')}; expected ${known.map((k) => `--${k}`).join(', ')}`]);
  if (positional.length !== 1) fail(['usage: npm run content:import-ptv -- <export.json> [--region <id>] [--out <dir>]']);

  const file = positional[0]!;
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    fail([`${file}: expected a readable JSON file, found: ${(err as Error).message}`]);
  }
  const regionId = typeof args.region === 'string' ? args.region : 'imported';
  const outDir = typeof args.out === 'string' ? args.out : path.join('content', 'regions', regionId);
  const checkedOn = typeof args['checked-on'] === 'string' ? args['checked-on'] : DateTime.now().setZone('Europe/Helsinki').toISODate()!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(checkedOn) || !DateTime.fromISO(checkedOn).isValid) fail([`--checked-on: expected YYYY-MM-DD, found "${checkedOn}"`]);

  const options: ImportOptions = { regionId, checkedOn, example: args.example === true };
  if (typeof args.topics === 'string') {
    try {
      options.topicMap = parseTopicMap(parse(fs.readFileSync(args.topics, 'utf8')));
    } catch (err) {
      fail([`${args.topics}: ${(err as Error).message}`]);
    }
  }
  const schema = path.resolve(__dirname, '..', 'schemas', 'service.schema.json');
  options.schemaRef = path.relative(path.resolve(outDir, 'services'), schema).split(path.sep).join('/');

  const result = convertPtvExport(input, options);
  if (!result.ok) fail([`${file} is not a usable PTV export:`, ...result.errors.map((e) => `  ${e}`)]);
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  let written: string[];
  try {
    written = writeImportedFiles(result.files, outDir, args.force === true);
  } catch (err) {
    fail([(err as Error).message]);
  }
  for (const w of written) process.stdout.write(`wrote ${w}\n`);
  process.stdout.write(`${written.length} service(s) imported; run npm run content:check next.\n`);
}

main(process.argv.slice(2));
