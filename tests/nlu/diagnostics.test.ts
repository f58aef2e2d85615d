import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNlu } from '../../src/nlu';
import { contentDir } from './helpers';

describe('content diagnostics', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opastin-nlu-'));
    cpSync(path.join(contentDir, 'nlu'), path.join(dir, 'content', 'nlu'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the shipped content has no errors', () => {
    expect(buildNlu(contentDir).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a YAML syntax error with file:line:col, skips the file and still works', () => {
    writeFileSync(path.join(dir, 'content', 'nlu', 'topics.sv.yaml'), 'topics:\n  elderly:\n    - hemvård\n  human: [oops\n');
    const { nlu, diagnostics } = buildNlu(path.join(dir, 'content'));
    const d = diagnostics.find((x) => x.code === 'NLU001');
    expect(d).toBeDefined();
    expect(d!.file).toBe('content/nlu/topics.sv.yaml');
    expect(d!.severity).toBe('error');
    expect(d!.line).toBeGreaterThanOrEqual(4);
    expect(d!.col).toBeGreaterThanOrEqual(1);
    expect(nlu.classify('kurkku on kipeä').topic).toBe('symptom-check');
    expect(nlu.detectCrisis('jag vill dö').crisis).toBe(true);
  });

  it('reports shape errors at the offending entry and keeps the rest', () => {
    writeFileSync(
      path.join(dir, 'content', 'nlu', 'topics.en.yaml'),
      ['topics:', '  elderly:', '    - home care', '    - {a: 1}', '  dentistry:', '    - teeth', '  human: call me', ''].join('\n'),
    );
    const { diagnostics } = buildNlu(path.join(dir, 'content'));
    const byCode = (c: string) => diagnostics.find((d) => d.code === c && d.file === 'content/nlu/topics.en.yaml');
    expect(byCode('NLU007')).toMatchObject({ line: 4, col: 7 });
    expect(byCode('NLU003')).toMatchObject({ line: 5, col: 3 });
    expect(byCode('NLU002')).toMatchObject({ line: 7, col: 10 });
  });

  it('reads a part file (risk.<lang>.<group>.yaml) into the same concepts, with its own file:line:col', () => {
    const nluDir = path.join(dir, 'content', 'nlu');
    // Without the part, the emergency concepts are gone: chest pain with a numb arm is no 112 case.
    rmSync(path.join(nluDir, 'risk.fi.emergency.yaml'));
    expect(buildNlu(path.join(dir, 'content')).nlu.detectCrisis('rintaan sattuu ja vasen käsi on tunnoton', 'fi').kind).not.toBe('medical-emergency');
    writeFileSync(
      path.join(nluDir, 'risk.fi.emergency.yaml'),
      ['concepts:', '  chest-pain:', '    - rintaan sattuu', '  numb:', '    - tunnoton', '  sideways: [a]', ''].join('\n'),
    );
    const { nlu, diagnostics } = buildNlu(path.join(dir, 'content'));
    expect(nlu.detectCrisis('rintaan sattuu ja vasen käsi on tunnoton', 'fi').kind).toBe('medical-emergency');
    expect(diagnostics.find((d) => d.code === 'NLU013')).toMatchObject({ file: 'content/nlu/risk.fi.emergency.yaml', line: 6, col: 3 });
    expect(diagnostics.some((d) => d.code === 'NLU009')).toBe(false);
  });

  it('never throws, even when the folder is missing', () => {
    const { nlu, diagnostics } = buildNlu(path.join(dir, 'nowhere'));
    expect(diagnostics.some((d) => d.code === 'NLU011')).toBe(true);
    expect(nlu.classify('hello').topic).toBe('unknown');
  });

  it('warns of an alternative that was meant as two words (NLU014), where the group is, and keeps the pattern', () => {
    // "the woman|my mum" reads as "the", then "woman|my", then "mum" (spacedAlternative.ts).
    writeFileSync(
      path.join(dir, 'content', 'nlu', 'risk.en.extra.yaml'),
      ['concepts:', '  beating:', '    - hitting|kicking her|him', '    - hitting|kicking the woman|my mum', ''].join('\n'),
    );
    const { diagnostics } = buildNlu(path.join(dir, 'content'));
    const found = diagnostics.filter((d) => d.code === 'NLU014');
    expect(found).toEqual([expect.objectContaining({ file: 'content/nlu/risk.en.extra.yaml', line: 4, col: 27, severity: 'warning' })]);
    expect(found[0].message).toContain('"woman|my"');
  });

  it('reads risk.all.<group>.yaml into every language (a medicine brand is no word of one language)', () => {
    const nluDir = path.join(dir, 'content', 'nlu');
    const took = (nlu: ReturnType<typeof buildNlu>['nlu']) => ['sv', 'fi', 'en'].map((l) => nlu.detectCrisis('tog 30 st zyxomed', l).level);
    expect(took(buildNlu(path.join(dir, 'content'), { messages: [] }).nlu)).toEqual(['none', 'none', 'none']);
    writeFileSync(path.join(nluDir, 'risk.all.extra.yaml'), ['concepts:', '  pills:', '    - zyxomed*', ''].join('\n'));
    const { nlu, diagnostics } = buildNlu(path.join(dir, 'content'), { messages: [] });
    expect(diagnostics.filter((d) => d.file === 'content/nlu/risk.all.extra.yaml')).toEqual([]);
    expect(took(nlu)).toEqual(['crisis', 'crisis', 'crisis']);
  });
});

