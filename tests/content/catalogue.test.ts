/**
 * The shipped content (national base + demo pack) must load clean, keep its stable ids, keep
 * the demo plainly fake, and stay in step with the editor JSON Schemas.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import {
  CODES, REFERENCE_PHONES, normalisePhone, WCAG_AA_NORMAL, checkAllPacks, contrastRatio, isPlaceholderPhone, isReferencePhone, listRegions, loadCatalogue,
} from '../../src/content/catalogue';
import { formatDiagnostic } from '../../src/content/diagnostic';

const ROOT = path.join(__dirname, '..', '..');
const CONTENT = path.join(ROOT, 'content');
const load = () => loadCatalogue(CONTENT, 'demo', { rootDir: ROOT });

test('base + demo load with no diagnostics at all', () => {
  expect(load().diagnostics.map(formatDiagnostic)).toEqual([]);
});

test('checkAllPacks finds no errors and listRegions lists the demo', () => {
  expect(checkAllPacks(CONTENT, { rootDir: ROOT }).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(listRegions(CONTENT)).toContain('demo');
});

test('stable national ids are present', () => {
  const { catalogue } = load();
  for (const id of [
    'emergency-112', 'paivystysapu-116117', 'mieli-crisis-line', 'mieli-crisis-line-sv', 'poison-info', 'nollalinja',
    'paihdeneuvonta', 'victims-of-crime', 'sekasin-chat', 'omaolo', 'omaolo-service-need', 'omaolo-health-check',
  ]) {
    expect(catalogue.services.get(id)?.origin).toBe('base');
  }
});

test('national facts match the reference list', () => {
  const { catalogue } = load();
  const s = (id: string) => catalogue.services.get(id)!;
  expect(s('mieli-crisis-line').channels[0]).toMatchObject({ phone: '09 2525 0111', hours: { always: true } });
  expect(s('mieli-crisis-line-sv').channels[0]).toMatchObject({ phone: '09 2525 0112', hours: { unknown: true } });
  expect(s('victims-of-crime').channels.map((c) => [c.phone, c.languages, c.hours])).toEqual([
    ['116 006', ['fi'], { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '20:00' }] }],
    ['116 006', ['sv'], { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '12:00', to: '14:00' }] }],
  ]);
  expect(s('sekasin-chat').channels[0]!.hours).toMatchObject({ unknown: true });
  expect(s('sekasin-chat').audience?.ageGroups).toEqual([{ minAge: 12, maxAge: 29 }]);
  // Every national number is from the reference list, and every reference number is used.
  const phones = [...catalogue.services.values()].filter((x) => x.origin === 'base').flatMap((x) => x.channels.map((c) => c.phone)).filter(Boolean) as string[];
  expect(phones.every(isReferencePhone)).toBe(true);
  expect(REFERENCE_PHONES.every((p) => phones.map(normalisePhone).includes(normalisePhone(p)))).toBe(true);
  for (const x of catalogue.services.values()) if (x.origin === 'base') expect(x.checkedOn).toBe('2026-11-01');
});

test('demo pack: region, services, queues and Omaolo', () => {
  const { catalogue } = load();
  expect(catalogue.region).toMatchObject({ id: 'demo', timezone: 'Europe/Helsinki', example: true, logo: 'content/regions/demo/logo.svg' });
  expect(catalogue.region.name.en).toBe('Example Wellbeing Services County');
  const demoIds = [
    'demo-youth-mental-substance', 'demo-mental-substance', 'demo-family-centre', 'demo-digital-family-centre',
    'demo-maternity-clinic', 'demo-child-health-clinic', 'demo-elderly-advice', 'demo-home-care',
    'demo-social-crisis-oncall', 'demo-chronic-self-care', 'demo-health-centre',
  ];
  for (const id of demoIds) {
    const s = catalogue.services.get(id)!;
    expect(s.example).toBe(true);
    for (const c of s.channels) {
      if (c.phone) expect(isPlaceholderPhone(c.phone)).toBe(true);
      if (c.url && s.channels.some((x) => x.type !== 'omaolo')) expect(c.url).toMatch(/^https:\/\/(example\.invalid\/|www\.omaolo\.fi\/)/);
    }
  }
  expect([...catalogue.queues.keys()].sort()).toEqual(['demo-elderly-counselling', 'demo-family-counselling', 'demo-general-guidance', 'demo-mental-health-counselling']);
  for (const q of catalogue.queues.values()) expect(q.example).toBe(true);
  expect(catalogue.omaolo.assessments.size).toBe(16);
  expect(catalogue.omaolo.enabled).toContain('urinary-tract-infection');
  expect(catalogue.omaolo.assessments.get('respiratory-infection')!.name).toEqual({ fi: 'Hengitystietulehdus', sv: 'Luftvägsinfektion', en: 'Respiratory tract infection' });
});

test('servicesByTopic puts national services first and honours alsoTopics', () => {
  const { catalogue } = load();
  const crisis = catalogue.servicesByTopic('crisis').map((s) => s.id);
  expect(crisis[0]).toBe('emergency-112');
  expect(crisis).toContain('demo-social-crisis-oncall');
  expect(crisis.indexOf('demo-social-crisis-oncall')).toBeGreaterThan(crisis.indexOf('nollalinja'));
  expect(catalogue.servicesByTopic('substance-use').map((s) => s.id)).toEqual(['paihdeneuvonta', 'demo-mental-substance', 'demo-youth-mental-substance']);
  expect(catalogue.servicesByTopic('unknown')).toEqual([]);
});

test('demo colours pass WCAG AA with white text', () => {
  const { catalogue } = load();
  for (const c of [catalogue.region.colours.primary, catalogue.region.colours.accent]) {
    expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(WCAG_AA_NORMAL);
  }
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
});

test('every shipped YAML file starts with the yaml-language-server modeline and validates against its JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const serviceSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/service.schema.json'), 'utf8'));
  const regionSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/region.schema.json'), 'utf8'));
  ajv.addSchema(serviceSchema);
  ajv.addSchema(regionSchema);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(CONTENT, 'services'));
  // Every pack (demo and the four counties) and the municipality list.
  walk(path.join(CONTENT, 'regions'));
  files.push(path.join(CONTENT, 'omaolo.yaml'));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const first = text.split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m).not.toBeNull();
    const schemaPath = path.resolve(path.dirname(file), m![1]!);
    expect(fs.existsSync(schemaPath)).toBe(true);
    const validate = ajv.getSchema(path.basename(schemaPath) === 'region.schema.json' ? regionSchema.$id : serviceSchema.$id)!;
    const ok = validate(parse(text));
    expect({ file: path.relative(ROOT, file), errors: ok ? null : validate.errors }).toEqual({ file: path.relative(ROOT, file), errors: null });
  }
});

test('docs/catalogue.md describes every diagnostic code', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'catalogue.md'), 'utf8');
  for (const code of Object.keys(CODES)) expect(doc).toContain(code);
});

test('the loader never throws, even on a missing content folder', () => {
  const { catalogue, diagnostics } = loadCatalogue(path.join(ROOT, 'no-such-dir'), 'demo', { rootDir: ROOT });
  expect(catalogue.services.size).toBe(0);
  expect(diagnostics.some((d) => d.code === 'CAT002')).toBe(true);
});
