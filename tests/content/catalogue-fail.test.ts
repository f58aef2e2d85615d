/**
 * Every diagnostic code has a must-fail fixture: `_base` (a minimal valid content folder) with
 * one fault laid on top. The loader must report that code at the file:line:col in expect.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODES, loadCatalogue } from '../../src/content/catalogue';
import { formatDiagnostic } from '../../src/content/diagnostic';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'catalogue-fail');

interface Expect {
  code: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  col: number;
  region?: string;
}

function copyInto(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, filter: (src) => path.basename(src) !== 'expect.json' });
}

function materialise(caseDir: string): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-catfail-'));
  copyInto(path.join(FIXTURES, '_base'), tmp);
  if (caseDir !== '_base') copyInto(path.join(FIXTURES, caseDir), tmp);
  return tmp;
}

const cases = fs.readdirSync(FIXTURES).filter((d) => /^CAT\d{3}$/.test(d)).sort();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

test('the base fixture alone loads with no diagnostics', () => {
  const dir = materialise('_base');
  dirs.push(dir);
  const { diagnostics, catalogue } = loadCatalogue(dir, 'r', { rootDir: dir });
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  expect([...catalogue.services.keys()].sort()).toEqual(['emergency-112', 'r-one']);
});

test('there is one must-fail fixture per diagnostic code', () => {
  expect(cases).toEqual(Object.keys(CODES).sort());
});

describe.each(cases)('%s', (code) => {
  test('is reported at the expected position', () => {
    const exp = JSON.parse(fs.readFileSync(path.join(FIXTURES, code, 'expect.json'), 'utf8')) as Expect;
    const dir = materialise(code);
    dirs.push(dir);
    const { diagnostics } = loadCatalogue(dir, exp.region ?? 'r', { rootDir: dir });
    const hit = diagnostics.find((d) => d.code === code);
    expect(hit ? formatDiagnostic(hit) : diagnostics.map(formatDiagnostic)).toEqual(
      expect.stringContaining(`${exp.file}:${exp.line}:${exp.col} ${exp.severity} ${code} `),
    );
    // Messages follow the "expected X, found Y" form.
    expect(hit!.message).toMatch(/^expected .+, found /);
  });
});
