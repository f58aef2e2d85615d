/**
 * npm run content:graph [-- <dialog-id>] [--out docs/graphs] [--root <dir>]
 *
 * Draws each dialog (or the one named) as a Mermaid flowchart. With --out, writes
 * `<out>/<dialog>.md` per dialog; otherwise prints the Markdown to stdout. Never throws on broken
 * content: the compiler's diagnostics are printed (to stderr) and every dialog that could be read
 * is still drawn. Exits 1 only when nothing could be drawn.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalogueFacts as factsOf, listRegions, loadCatalogue } from '../src/content/catalogue';
import { formatDiagnostic } from '../src/content/diagnostic';
import { compileProgram } from '../src/engine/compiler/compile';
import { dialogToMarkdown } from '../src/engine/mermaid';

interface Args {
  dialog?: string;
  out?: string;
  root: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { root: process.cwd() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a === '--root') args.root = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (expected --out <dir> or --root <dir>)`);
    else args.dialog = a;
  }
  return args;
}

/** Services and queues of every region pack, so routes are checked against all of them. */
function catalogueFacts(rootDir: string) {
  const services = new Set<string>();
  const queues = new Set<string>();
  const contentDir = path.join(rootDir, 'content');
  try {
    for (const region of listRegions(contentDir)) {
      const { catalogue } = loadCatalogue(contentDir, region, { rootDir });
      const facts = factsOf(catalogue);
      facts.services.forEach((id) => services.add(id));
      facts.queues.forEach((id) => queues.add(id));
    }
  } catch (err) {
    console.error(`(could not read the service catalogue: ${(err as Error).message}; routes are drawn unchecked)`);
  }
  return { services, queues };
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const rootDir = path.resolve(args.root);
  const { program, diagnostics } = compileProgram(rootDir, catalogueFacts(rootDir));
  for (const d of diagnostics) console.error(formatDiagnostic(d));

  const dialogs = args.dialog ? [program.dialogs.get(args.dialog)].filter((d) => d !== undefined) : [...program.dialogs.values()];
  if (dialogs.length === 0) {
    console.error(args.dialog ? `no dialog "${args.dialog}" could be read (known: ${[...program.dialogs.keys()].join(', ') || 'none'})` : 'no dialogs could be read');
    return 1;
  }
  if (args.out) {
    const outDir = path.resolve(args.out);
    fs.mkdirSync(outDir, { recursive: true });
    for (const script of dialogs) fs.writeFileSync(path.join(outDir, `${script.id}.md`), dialogToMarkdown(script));
    console.error(`wrote ${dialogs.length} graph(s) to ${path.relative(process.cwd(), outDir) || '.'}`);
  } else {
    process.stdout.write(dialogs.map((s) => dialogToMarkdown(s)).join('\n'));
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  // The compiler never throws; this is for file-system errors writing the output.
  console.error(`content:graph failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
