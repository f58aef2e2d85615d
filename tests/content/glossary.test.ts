/**
 * The glossary check: shipped resident texts use one term per language for each role and
 * service, and a text with a ruled-out term is warned about at its position.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGlossary, readGlossary } from '../../src/content/glossary';

const ROOT = path.resolve(__dirname, '../..');

test('the shipped resident texts use the glossary\'s terms', () => {
  expect(checkGlossary(ROOT).map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
});

test('a ruled-out term is reported at its line, in its language only', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opastin-glossary-'));
  try {
    fs.mkdirSync(path.join(dir, 'dialogs'));
    fs.mkdirSync(path.join(dir, 'content'));
    fs.copyFileSync(path.join(ROOT, 'content', 'glossary.yaml'), path.join(dir, 'content', 'glossary.yaml'));
    fs.writeFileSync(path.join(dir, 'dialogs', 'x.yaml'), [
      'steps:',
      '  - say:',
      '      fi: "Ohjaaja vastaa pian."',
      '      sv: "Du kan fortsätta med botten medan handledaren läser."',
      '      en: "A counsellor will answer."',
      '  - say: { fi: "Työntekijä vastaa.", sv: "En anställd svarar.", en: "The handledare word is Swedish." }',
      '',
    ].join('\n'));
    const found = checkGlossary(dir, readGlossary(path.join(dir, 'content'))).map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`);
    expect(found).toEqual([
      'dialogs/x.yaml:3:11 GLO001 expected "työntekijä" for the person who answers in the chat (fi), found "Ohjaaja"',
      'dialogs/x.yaml:4:11 GLO001 expected "en anställd / den anställda" for the person who answers in the chat (sv), found "handledaren"',
      'dialogs/x.yaml:4:11 GLO001 expected "Opastin" for the bot (sv), found "botten"',
      'dialogs/x.yaml:5:11 GLO001 expected "staff member" for the person who answers in the chat (en), found "counsellor"',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
