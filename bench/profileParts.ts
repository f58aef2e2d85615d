/**
 * Where a turn's time goes by part of the turn, from a V8 .cpuprofile. A sample goes to the first
 * of the self-contained parts (GC, NLU, place lookup, state change check, logging) found anywhere
 * on its stack, else to the innermost frame that belongs to one of the other parts, so node
 * internals (socket writes, JSON, crypto) count to the part that called them — a reply's socket
 * write to the HTTP answer, an EVAL's to the Redis client. Samples of the first `skipSeconds`
 * (start-up, module loading) are left out. `npx tsx bench/profileParts.ts <file.cpuprofile> [skipSeconds]`.
 */
import fs from 'node:fs';

interface Frame {
  functionName: string;
  url: string;
}

type Part = [string, (f: Frame) => boolean];

/** Parts that own everything below them: the first found anywhere on the stack wins. */
const SELF_CONTAINED: Part[] = [
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['NLU (src/nlu, natural, stemmers)', (f) => /\/src\/nlu\/|node_modules\/(natural|snowball-stemmers)\//.test(f.url)],
  ['place lookup', (f) => /src\/content\/places|src\/bot\/place(Facts|Reply)/.test(f.url)],
  ['state change check (BotState hash / JSON)', (f) => f.functionName === 'calculateChangeHash' || (f.functionName === 'jsonOf' && /jsonConversationState/.test(f.url))],
  ['logging (pino)', (f) => /node_modules\/(pino|sonic-boom)\//.test(f.url) || /src\/logging\//.test(f.url)],
];

/** The other parts wrap one another (the statistics observer wraps the whole turn): the innermost frame decides. */
const PARTS: Part[] = [
  ['metrics and statistics', (f) => /node_modules\/prom-client\/|src\/statistics\/|src\/metrics\/(?!redisTiming)/.test(f.url)],
  ['state storage (read/write)', (f) => /src\/state\/redisStorage/.test(f.url)],
  ['turn queue and Redis client', (f) => /src\/state\/|node_modules\/ioredis\/|src\/metrics\/redisTiming/.test(f.url)],
  ['engine (interpreter, matching, rendering)', (f) => /src\/engine\/(?!dialogAdapter)/.test(f.url)],
  ['dialogs (botbuilder-dialogs, ScriptDialog)', (f) => /node_modules\/botbuilder-dialogs|src\/engine\/dialogAdapter/.test(f.url)],
  ['bot (facts, policy, actions)', (f) => /src\/bot\//.test(f.url)],
  ['Bot Framework adapter (CloudAdapter, auth, zod, HTTP answer)', (f) => /node_modules\/(botbuilder|botbuilder-core|botframework-[a-z]+|zod|@azure\/[a-z-]+|@typespec\/[a-z-]+|botbuilder-stdlib)\/|src\/channels\/botframework/.test(f.url)],
  ['Direct Line channel', (f) => /src\/channels\/directline/.test(f.url)],
  ['express (router, body parser, express answers)', (f) => /node_modules\/(express|router|body-parser|raw-body|type-is|finalhandler|send)\/|src\/server\//.test(f.url)],
  ['module loading', (f) => /node:internal\/modules|node_modules\/(esbuild|tsx)\//.test(f.url)],
];

export function profileParts(file: string, skipSeconds = 0): { busyMs: number; parts: { part: string; pct: number }[] } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: Frame; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const charged = new Map<string, number>();
  let at = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < skipSeconds * 1e6 || byId.get(id)!.callFrame.functionName === '(idle)') return;
    busy += dt;
    const stack: Frame[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!.callFrame);
    let part = SELF_CONTAINED.find(([, test]) => stack.some(test))?.[0] ?? 'node internals and other';
    if (part === 'node internals and other') search: for (const frame of stack) {
      for (const [name, test] of PARTS) {
        if (test(frame)) {
          part = name;
          break search;
        }
      }
    }
    charged.set(part, (charged.get(part) ?? 0) + dt);
  });
  const parts = [...charged].sort((a, b) => b[1] - a[1]).map(([part, us]) => ({ part, pct: busy > 0 ? (100 * us) / busy : 0 }));
  return { busyMs: busy / 1000, parts };
}

if (require.main === module) {
  const { busyMs, parts } = profileParts(process.argv[2]!, Number(process.argv[3] ?? 0));
  console.log(`busy ${busyMs.toFixed(0)} ms`);
  for (const p of parts) console.log(`  ${p.pct.toFixed(1).padStart(5)} %  ${p.part}`);
}
