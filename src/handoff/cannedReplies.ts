/** Canned replies from content/handoff/canned-replies.yaml; a missing or broken file gives none. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Lang } from './types';

export interface CannedReply {
  id: string;
  label: Record<Lang, string>;
  text: Record<Lang, string>;
}

function localized(v: unknown): Record<Lang, string> | null {
  const o = v as Partial<Record<Lang, unknown>> | null;
  if (!o || typeof o.fi !== 'string' || typeof o.sv !== 'string') return null;
  return { fi: o.fi, sv: o.sv, en: typeof o.en === 'string' ? o.en : o.fi };
}

export function loadCannedReplies(contentDir: string): { replies: CannedReply[]; problems: string[] } {
  const file = path.join(contentDir, 'content', 'handoff', 'canned-replies.yaml');
  const problems: string[] = [];
  if (!fs.existsSync(file)) return { replies: [], problems };
  let doc: { replies?: unknown };
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8')) as { replies?: unknown };
  } catch (err) {
    return { replies: [], problems: [`${file}: ${(err as Error).message}`] };
  }
  const replies: CannedReply[] = [];
  (Array.isArray(doc?.replies) ? doc.replies : []).forEach((r: { id?: unknown; label?: unknown; text?: unknown }, i: number) => {
    const label = localized(r.label);
    const text = localized(r.text);
    if (typeof r.id !== 'string' || !label || !text) problems.push(`${file}: replies[${i}] needs id, label and text with fi and sv`);
    else replies.push({ id: r.id, label, text });
  });
  return { replies, problems };
}
