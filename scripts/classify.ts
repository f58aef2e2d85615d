/**
 * `npm run --silent classify [-- "text"]`: classifies one message per stdin line (or the
 * argument) and prints one JSON object per line:
 *   {"text","lang","topic","confidence","crisis","crisisLevel","omaolo"}
 * with keys in that order, in input order, confidence rounded to 2 decimals, crisis a boolean
 * (true for the full crisis response) and crisisLevel "crisis", "check" or "none".
 * `--locale fi` (or sv, en) passes the page locale the bot would send. Messages go
 * only to this command's own stdout; diagnostics about content go to stderr.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildNlu } from '../src/nlu';
import { formatDiagnostic, hasErrors } from '../src/content/diagnostic';

const { nlu, diagnostics } = buildNlu(path.resolve(__dirname, '..', 'content'));
if (hasErrors(diagnostics)) for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);

const argv = process.argv.slice(2);
const localeAt = argv.indexOf('--locale');
const locale = localeAt >= 0 ? argv[localeAt + 1] : undefined;
const args = localeAt >= 0 ? argv.filter((_, i) => i !== localeAt && i !== localeAt + 1) : argv;

function line(text: string): string {
  const c = nlu.classify(text, locale);
  return JSON.stringify({
    text,
    lang: c.lang,
    topic: c.topic,
    confidence: Math.round(c.confidence * 100) / 100,
    crisis: c.crisis.crisis,
    crisisLevel: c.crisis.level,
    omaolo: c.omaolo,
  });
}

if (args.length > 0) {
  process.stdout.write(`${line(args.join(' '))}\n`);
} else {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (text) => {
    if (text.trim()) process.stdout.write(`${line(text)}\n`);
  });
}
