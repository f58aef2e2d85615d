/**
 * npm run chat [-- --lang sv] [--dialog elderly] [--region demo] — talk to the real engine in the
 * terminal, with in-memory state. Suggested actions are numbered: type the number or the words.
 * Commands: /quit to leave; everything else goes to the bot (including "aloita alusta" etc.).
 */
import path from 'node:path';
import readline from 'node:readline';
import { ActivityTypes } from 'botbuilder';
import type { Lang } from '../src/lang';
import { formatDiagnostic } from '../src/content/diagnostic';
import { ContentStore } from '../src/engine/contentStore';
import { ConversationHarness, Reply } from '../src/testing/harness';
import { createLogger } from '../src/logging/logger';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function show(replies: Reply[]): void {
  for (const r of replies) {
    if (r.type === ActivityTypes.Event) {
      console.log(`  [event ${r.name} ${JSON.stringify(r.value)}]`);
      continue;
    }
    if (r.text) console.log(`\nOpastin: ${r.text.replace(/\n/g, '\n         ')}`);
    r.suggestedActions?.actions.forEach((a, i) => console.log(`   ${i + 1}. ${a.title}`));
  }
}

async function main(): Promise<void> {
  const lang = option('lang', 'fi') as Lang;
  if (!['fi', 'sv', 'en'].includes(lang)) {
    console.error('--lang must be fi, sv or en');
    process.exit(2);
  }
  const store = new ContentStore(path.resolve(option('root', process.cwd())), option('region', process.env.REGION || 'demo'), createLogger('silent'));
  const outcome = store.reload();
  if (!outcome.ok) {
    for (const d of outcome.diagnostics) console.error(formatDiagnostic(d));
    process.exit(1);
  }
  const harness = new ConversationHarness(store, lang);
  let lastReplies = await harness.start(option('dialog', 'main'));
  show(lastReplies);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '\n> ' });
  rl.prompt();
  for await (const line of rl) {
    const typed = line.trim();
    if (typed === '/quit') break;
    // A number picks the numbered suggested action, as a click would.
    const actions = lastReplies.flatMap((r) => r.suggestedActions?.actions ?? []);
    const picked = /^\d+$/.test(typed) ? actions[Number(typed) - 1] : undefined;
    lastReplies = picked
      ? await harness.send({ type: ActivityTypes.Message, text: typeof picked.value === 'string' ? picked.value : String(picked.title), value: typeof picked.value === 'object' ? picked.value : undefined })
      : await harness.say(typed);
    show(lastReplies);
    rl.prompt();
  }
  rl.close();
}

void main();
