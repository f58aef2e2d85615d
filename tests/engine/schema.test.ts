/**
 * The editor schemas (schemas/dialog.schema.json, schemas/dialog-test.schema.json) must accept
 * every shipped dialog and test file, accept the ok fixture, and reject the must-fail fixtures
 * whose fault is structural, so VS Code's squiggles agree with `npm run content:check`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { TOPIC_NAMES } from '../../src/engine/compiler/readSupport';

const repo = path.join(__dirname, '..', '..');
const dialogsDir = path.join(repo, 'dialogs');
const fixtures = path.join(repo, 'tests', 'fixtures');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(repo, rel), 'utf8')) as Record<string, unknown>;

const dialogSchema = readJson('schemas/dialog.schema.json');
const testSchema = readJson('schemas/dialog-test.schema.json');
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
ajv.addSchema(dialogSchema);
const validateDialog = ajv.compile(dialogSchema);
const validateTest = ajv.compile(testSchema);

function problems(validate: ValidateFunction, file: string): string[] {
  const data = parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (validate(data)) return [];
  const rel = path.relative(repo, file);
  return (validate.errors ?? []).map((e: ErrorObject) => `${rel} ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const shipped = fs.readdirSync(dialogsDir).filter((f) => /\.ya?ml$/.test(f)).sort();
const dialogFiles = shipped.filter((f) => !/\.test\.ya?ml$/.test(f));
const testFiles = shipped.filter((f) => /\.test\.ya?ml$/.test(f));

test('there are shipped dialogs and test files to check', () => {
  expect(dialogFiles).toContain('main.yaml');
  expect(testFiles.length).toBeGreaterThan(0);
});

test('every shipped dialog validates against schemas/dialog.schema.json', () => {
  // Lists every failure of every file (file, JSON path, message) rather than stopping at the first.
  expect(dialogFiles.flatMap((f) => problems(validateDialog, path.join(dialogsDir, f)))).toEqual([]);
});

test('every shipped conversation test file validates against schemas/dialog-test.schema.json', () => {
  expect(testFiles.flatMap((f) => problems(validateTest, path.join(dialogsDir, f)))).toEqual([]);
});

test('every shipped dialog points VS Code at the schema on its first line', () => {
  const missing = dialogFiles.filter((f) => !fs.readFileSync(path.join(dialogsDir, f), 'utf8').startsWith('# yaml-language-server: $schema=../schemas/dialog.schema.json'));
  expect(missing).toEqual([]);
});

test('the ok fixture validates', () => {
  const dir = path.join(fixtures, 'dialogs-ok', 'dialogs');
  for (const f of fs.readdirSync(dir)) expect(problems(validateDialog, path.join(dir, f))).toEqual([]);
});

describe('structural faults the compiler rejects are rejected by the schema too', () => {
  const structural = ['DLG002', 'DLG003', 'DLG004', 'DLG005', 'DLG017'];
  const dirs = fs.readdirSync(path.join(fixtures, 'dialogs-fail')).filter((d) => structural.includes(d.slice(0, 6)));
  test.each(dirs)('%s', (dir) => {
    expect(problems(validateDialog, path.join(fixtures, 'dialogs-fail', dir, 'dialogs', 'main.yaml'))).not.toEqual([]);
  });

  test.each<[string, unknown]>([
    ['a branch without else', { id: 'x', steps: [{ id: 'a', branch: [{ if: 'x', goto: 'a' }] }] }],
    ['a case with both if and else', { id: 'x', steps: [{ id: 'a', branch: [{ if: 'x', goto: 'a', else: 'a' }] }] }],
    ['a say without next', { id: 'x', steps: [{ id: 'a', say: { fi: 'a', sv: 'b', en: 'c' } }] }],
    ['a call without next', { id: 'x', steps: [{ id: 'a', call: 'other' }] }],
    ['an unknown ask type', { id: 'x', steps: [{ id: 'a', ask: { type: 'date', text: { fi: 'a', sv: 'b' } } }] }],
    ['a language other than fi/sv/en', { id: 'x', steps: [{ id: 'a', end: { text: { fi: 'a', sv: 'b', de: 'c' } } }] }],
    ['an unknown topic', { id: 'x', topic: 'mental', steps: [] }],
    ['a choice without a label', { id: 'x', steps: [{ id: 'a', ask: { text: { fi: 'a', sv: 'b' }, choices: [{ id: 'c' }] } }] }],
  ])('%s', (_name, data) => {
    expect(validateDialog(data)).toBe(false);
  });

  test('a test script line with two kinds', () => {
    expect(validateTest({ tests: [{ name: 't', script: [{ user: 'a', bot: 'b' }] }] })).toBe(false);
    expect(validateTest({ tests: [{ name: 't', script: [{ crisis: null }, { routes: { service: 's' } }] }] })).toBe(true);
  });
});

test('the schema names the same topics as the compiler', () => {
  const topic = (dialogSchema.definitions as Record<string, { enum: string[] }>).topic.enum;
  expect([...topic].sort()).toEqual([...TOPIC_NAMES].sort());
});

test('.vscode/settings.json maps every schema in schemas/', () => {
  const settings = readJson('.vscode/settings.json') as { 'yaml.schemas': Record<string, string[]> };
  const mapped = Object.keys(settings['yaml.schemas']).map((p) => path.basename(p)).sort();
  const schemas = fs.readdirSync(path.join(repo, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
  expect(mapped).toEqual(schemas);
});
