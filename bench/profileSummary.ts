/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per function,
 * per package (node_modules/<name>, our own src/<area>, node internals), and the garbage collector.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byFunction: { name: string; selfPct: number }[];
  byArea: { area: string; selfPct: number }[];
  /** Inclusive share of frames whose name matches, e.g. luxon's partsOffset. */
  inclusive: Record<string, number>;
}

function areaOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (own) return own[1];
  if (url.startsWith('node:') || url === '') return 'node internals';
  return url.split('/').slice(-2).join('/');
}

export function summariseProfile(file: string, inclusiveNames: string[] = []): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  let idle = 0;
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive: Record<string, number> = Object.fromEntries(inclusiveNames.map((n) => [n, 0]));
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const a = areaOf(url, functionName);
    area.set(a, (area.get(a) ?? 0) + us);
    // Inclusive: charge this sample to each named frame on its stack once.
    const charged = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName;
      if (name in inclusive && !charged.has(name)) {
        inclusive[name] += us;
        charged.add(name);
      }
    }
  }
  const busy = total - idle;
  const pct = (us: number): number => (busy > 0 ? (100 * us) / busy : 0);
  return {
    totalMs: total / 1000,
    idleMs: idle / 1000,
    byFunction: [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, us]) => ({ name, selfPct: pct(us) })),
    byArea: [...area].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([a, us]) => ({ area: a, selfPct: pct(us) })),
    inclusive: Object.fromEntries(Object.entries(inclusive).map(([k, us]) => [k, pct(us)])),
  };
}

if (require.main === module) {
  const s = summariseProfile(process.argv[2], process.argv.slice(3));
  console.log(`busy ${(s.totalMs - s.idleMs).toFixed(0)} ms of ${s.totalMs.toFixed(0)} ms`);
  console.log('\nby area (self %):');
  for (const a of s.byArea) console.log(`  ${a.selfPct.toFixed(1).padStart(5)}  ${a.area}`);
  console.log('\nby function (self %):');
  for (const f of s.byFunction) console.log(`  ${f.selfPct.toFixed(1).padStart(5)}  ${f.name}`);
  console.log('\ninclusive %:', s.inclusive);
}
