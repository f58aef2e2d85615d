/**
 * PTV import: a fixture export becomes a region pack that the loader accepts with zero errors;
 * bad input yields a clear error list, a non-zero exit and no files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogue } from '../../src/content/catalogue';
import { formatDiagnostic } from '../../src/content/diagnostic';
import { convertPtvExport, writeImportedFiles } from '../../src/content/ptv';

const ROOT = path.join(__dirname, '..', '..');
const FIX = path.join(ROOT, 'tests', 'fixtures', 'ptv');
const readFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIX, name), 'utf8'));
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A content folder with the real national base and an empty pack "esim" (example region). */
function contentWithEmptyPack(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-ptv-'));
  tmpDirs.push(dir);
  fs.cpSync(path.join(ROOT, 'content', 'services'), path.join(dir, 'services'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'content', 'omaolo.yaml'), path.join(dir, 'omaolo.yaml'));
  const pack = path.join(dir, 'regions', 'esim');
  fs.mkdirSync(pack, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'content', 'regions', 'demo', 'logo.svg'), path.join(pack, 'logo.svg'));
  fs.writeFileSync(
    path.join(pack, 'region.yaml'),
    [
      'id: esim',
      'example: true',
      'name: { fi: Esimerkkialue, sv: Exempelregionen, en: Example region }',
      'logo: logo.svg',
      'colours: { primary: "#0b5566", accent: "#7a2e5c" }',
      'timezone: Europe/Helsinki',
      'omaoloEnabled: [cough]',
      '',
    ].join('\n'),
  );
  return dir;
}

test('fixture export → region pack that loads with zero errors and the expected services/hours', () => {
  const result = convertPtvExport(readFixture('example-export.json'), { regionId: 'esim', checkedOn: '2026-11-01', example: true });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const dir = contentWithEmptyPack();
  writeImportedFiles(result.files, path.join(dir, 'regions', 'esim'));

  const { catalogue, diagnostics } = loadCatalogue(dir, 'esim', { rootDir: dir });
  expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);

  const mh = catalogue.services.get('esim-esimerkkialueen-mielenterveysneuvonta')!;
  expect(mh).toMatchObject({ topic: 'mental-health', example: true, checkedOn: '2026-11-01', origin: 'esim' });
  expect(mh.name.en).toBe('Example county mental health advice');
  expect(mh.otherLanguages).toEqual({ se: { name: 'Ovdamearkkaguovllu psyhkalaš dearvvašvuođa rávvagat' } });
  expect(mh.channels[0]).toMatchObject({ type: 'phone', phone: '+358 00000000', charge: 'normal', languages: ['fi'] });
  expect(mh.channels[0]!.hours).toEqual({
    weekly: [
      { days: ['mon', 'tue', 'wed', 'thu'], from: '08:00', to: '16:00' },
      { days: ['fri'], from: '08:00', to: '14:00' },
      { days: ['fri'], from: '20:00', to: '02:00' },
    ],
    exceptions: [
      { date: '2026-12-24', closed: true },
      { date: '2026-12-25', closed: true },
      { date: '2026-12-26', closed: true },
      { date: '2026-12-31', from: '08:00', to: '12:00' },
    ],
  });
  expect(mh.channels[1]).toMatchObject({ type: 'chat', url: 'https://example.invalid/ptv/chat' });

  const home = catalogue.services.get('esim-esimerkkialueen-kotihoito')!;
  expect(home.topic).toBe('elderly');
  expect(home.channels.map((c) => c.type)).toEqual(['phone', 'walk-in']);
  expect(home.channels[0]!.hours).toEqual({ always: true });
  expect(home.channels[1]!.address!.sv).toBe('Exempelgatan 1, 00000 Exempelby');

  // No topic matched: the importer warned, and content:check keeps warning until it is set.
  expect(catalogue.services.get('esim-esimerkkipalvelu-ilman-aihetta')!.topic).toBe('unknown');
  expect(result.warnings.some((w) => w.includes('no topic matched'))).toBe(true);
  expect(diagnostics.some((d) => d.code === 'CAT032')).toBe(true);
  // Data we could not carry over is reported, not dropped silently.
  expect(result.warnings.some((w) => w.includes('seasonal hours'))).toBe(true);
  expect(result.warnings.some((w) => w.includes('not linked to any service'))).toBe(true);
});

test('imported files carry the schema modeline and quoted times', () => {
  const result = convertPtvExport(readFixture('example-export.json'), { regionId: 'esim', checkedOn: '2026-11-01', example: true });
  if (!result.ok) throw new Error('unexpected');
  const text = result.files[0]!.content;
  expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schemas/service.schema.json');
  expect(text).toContain('from: "08:00"');
  expect(text).toContain('days: [mon, tue, wed, thu]');
});

test('wrong shape: every problem is listed and nothing is converted', () => {
  const result = convertPtvExport(readFixture('bad-shape.json'), { regionId: 'esim', checkedOn: '2026-11-01' });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors).toEqual([
    'services[0].serviceNames: expected a list of {language, value}, found a string',
    'services[1].id: expected a non-empty text id, found nothing',
    'services[1].serviceNames[0]: expected an object with text "language" and "value", found an object',
    'serviceChannels[0].serviceChannelType: expected one of EChannel, Phone, PrintableForm, ServiceLocation, WebPage, found "Fax"',
  ]);
  expect(convertPtvExport([], { regionId: 'esim', checkedOn: '2026-11-01' })).toEqual({
    ok: false,
    errors: ['file: expected a JSON object { services, serviceChannels }, found a list'],
  });
});

test('existing files are not overwritten without force, and nothing is written then', () => {
  const result = convertPtvExport(readFixture('example-export.json'), { regionId: 'esim', checkedOn: '2026-11-01', example: true });
  if (!result.ok) throw new Error('unexpected');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-ptv-'));
  tmpDirs.push(dir);
  fs.mkdirSync(path.join(dir, 'services'));
  fs.writeFileSync(path.join(dir, 'services', result.files[1]!.name), 'hand-edited\n');
  expect(() => writeImportedFiles(result.files, dir)).toThrow(/existing/);
  expect(fs.readdirSync(path.join(dir, 'services'))).toEqual([result.files[1]!.name]);
});

describe('CLI', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'import-ptv.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  test('bad input: non-zero exit, clear errors, no files', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-ptv-cli-'));
    tmpDirs.push(out);
    const pack = path.join(out, 'pack');
    const notJson = run([path.join(FIX, 'not-json.json'), '--region', 'esim', '--out', pack]);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toContain('expected a readable JSON file');
    const bad = run([path.join(FIX, 'bad-shape.json'), '--region', 'esim', '--out', pack]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('services[0].serviceNames: expected a list');
    expect(fs.existsSync(pack)).toBe(false);
  });

  test('good input: writes the pack services', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-ptv-cli-'));
    tmpDirs.push(out);
    const res = run([path.join(FIX, 'example-export.json'), '--region', 'esim', '--out', out, '--checked-on', '2026-11-01', '--example']);
    expect(res.status).toBe(0);
    expect(fs.readdirSync(path.join(out, 'services')).sort()).toEqual([
      'esim-esimerkkialueen-kotihoito.yaml',
      'esim-esimerkkialueen-mielenterveysneuvonta.yaml',
      'esim-esimerkkipalvelu-ilman-aihetta.yaml',
    ]);
    expect(res.stderr).toContain('warning: service 00000000-0000-4000-8000-000000000003');
  });
});

describe('PTV v11 schema (from PTV\'s own view models)', () => {
  test('a v11 export builds a real draft pack that loads with zero errors, every fact citing PTV', () => {
    const result = convertPtvExport(readFixture('v11-satakunta-export.json'), { regionId: 'esim', checkedOn: '2026-12-01' });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const dir = contentWithEmptyPack();
    const pack = path.join(dir, 'regions', 'esim');
    // A real (non-example) pack: draft status and its municipalities.
    fs.writeFileSync(path.join(pack, 'region.yaml'), fs.readFileSync(path.join(pack, 'region.yaml'), 'utf8').replace('example: true', 'status: draft'));
    fs.writeFileSync(path.join(pack, 'area.yaml'), 'source: "test"\nread: 2026-12-01\nmunicipalities:\n  - { code: "609", fi: Pori, sv: Björneborg, postalCodes: ["28100"] }\n');
    writeImportedFiles(result.files, pack);
    const { catalogue, diagnostics } = loadCatalogue(dir, 'esim', { rootDir: dir, now: new Date('2026-12-01T12:00:00Z') });
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const s = catalogue.services.get('esim-sosiaali-ja-kriisipaivystys')!;
    expect(s.channels[0]).toMatchObject({
      type: 'phone', phone: '+358 26234380', charge: 'normal', hours: { always: true },
      provenance: { source: 'https://api.palvelutietovaranto.suomi.fi/api/v11/ServiceChannel/7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e', read: '2026-12-01' },
    });
    expect(s.channels[1]).toMatchObject({ type: 'web', url: 'https://satakunnanhyvinvointialue.fi/' });
  });

  test('values PTV itself would reject are reported with the PTV rule', () => {
    const bad = readFixture('v11-satakunta-export.json') as { serviceChannels: Record<string, unknown>[] };
    const phone = (bad.serviceChannels[0]!.phoneNumbers as Record<string, unknown>[])[0]!;
    phone.number = '02 623 4380'; // PTV: digits only, ^\d{1,20}$
    phone.serviceChargeType = 'Other'; // PTV: needs a chargeDescription
    (bad.serviceChannels[0]!.serviceHours as Record<string, unknown>[])[0]!.validFrom = 'next spring'; // PTV: a date-time
    const result = convertPtvExport(bad, { regionId: 'esim', checkedOn: '2026-12-01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toContain('serviceChannels[0].phoneNumbers[0].number: expected must match pattern');
    expect(result.errors.join('\n')).toContain('chargeDescription');
    expect(result.errors.join('\n')).toContain('serviceChannels[0].serviceHours[0].validFrom');
  });
});
