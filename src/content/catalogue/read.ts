/**
 * Small typed readers over `yaml` nodes. We read the AST (not `doc.toJS()`) because only the
 * nodes know where they are: a wrong field is reported at that field, a missing one at the
 * mapping that should hold it. Every reader returns `undefined` after reporting, never throws.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { DateTime } from 'luxon';
import type { Reporter, YamlSource } from './yamlSource';
import { LANGS, type Lang, type LocalizedText } from './types';

export interface Ctx {
  src: YamlSource;
  rep: Reporter;
}

export type AnyNode = Node | null | undefined;

/** What the editor wrote, in words, for "expected X, found Y". */
export function describe(node: AnyNode): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping (key: value lines)';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'nothing';
    if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 37)}...` : v}"`;
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `the value ${v}`;
  }
  return 'something else';
}

export interface Field {
  key: Scalar;
  value: AnyNode;
}

export function asMap(ctx: Ctx, node: AnyNode, what: string): YAMLMap | undefined {
  if (isMap(node)) return node;
  ctx.rep.at(ctx.src, node, 'CAT003', `expected ${what} to be a mapping (key: value lines), found ${describe(node)}`);
  return undefined;
}

export function asList(ctx: Ctx, node: AnyNode, what: string): AnyNode[] | undefined {
  if (isSeq(node)) return node.items as AnyNode[];
  ctx.rep.at(ctx.src, node, 'CAT003', `expected ${what} to be a list, found ${describe(node)}`,
    'write list items on their own lines starting with "- ", or as [a, b]');
  return undefined;
}

/**
 * Splits a mapping into its known fields. Unknown keys are CAT005 at the key; missing required
 * keys are CAT004 at the mapping's first line (there is no node for something that is absent).
 */
export function fields(
  ctx: Ctx,
  map: YAMLMap,
  what: string,
  required: readonly string[],
  optional: readonly string[],
): Map<string, Field> {
  const out = new Map<string, Field>();
  const allowed = new Set([...required, ...optional]);
  for (const pair of map.items as Pair<AnyNode, AnyNode>[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') {
      ctx.rep.at(ctx.src, key, 'CAT003', `expected a text key in ${what}, found ${describe(key)}`);
      continue;
    }
    if (!allowed.has(key.value)) {
      ctx.rep.at(ctx.src, key, 'CAT005', `expected one of the fields ${[...allowed].join(', ')} in ${what}, found "${key.value}"`,
        'check the spelling; docs/catalogue.md lists every field');
      continue;
    }
    out.set(key.value, { key, value: pair.value });
  }
  for (const r of required) {
    if (!out.has(r)) {
      ctx.rep.at(ctx.src, map, 'CAT004', `expected field "${r}" in ${what}, found none`, `add "${r}:"`);
    }
  }
  return out;
}

export function readString(ctx: Ctx, node: AnyNode, what: string): string | undefined {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
  ctx.rep.at(ctx.src, node, 'CAT003', `expected ${what} to be non-empty text, found ${describe(node)}`,
    'quote values that YAML might read as numbers, e.g. "09 123"');
  return undefined;
}

export function readBool(ctx: Ctx, node: AnyNode, what: string): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  ctx.rep.at(ctx.src, node, 'CAT003', `expected ${what} to be true or false, found ${describe(node)}`);
  return undefined;
}

export function readInt(ctx: Ctx, node: AnyNode, what: string): number | undefined {
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
  ctx.rep.at(ctx.src, node, 'CAT003', `expected ${what} to be a whole number, found ${describe(node)}`);
  return undefined;
}

/** A value from a fixed set; `code` lets topics have their own code (CAT009) apart from CAT008. */
export function readEnum<T extends string>(
  ctx: Ctx,
  node: AnyNode,
  allowed: readonly T[],
  what: string,
  code: 'CAT008' | 'CAT009' = 'CAT008',
): T | undefined {
  if (isScalar(node) && typeof node.value === 'string' && (allowed as readonly string[]).includes(node.value)) {
    return node.value as T;
  }
  ctx.rep.at(ctx.src, node, code, `expected ${what} to be one of ${allowed.join(', ')}, found ${describe(node)}`);
  return undefined;
}

export function readEnumList<T extends string>(ctx: Ctx, node: AnyNode, allowed: readonly T[], what: string): T[] | undefined {
  const items = asList(ctx, node, what);
  if (!items) return undefined;
  const out: T[] = [];
  for (const item of items) {
    const v = readEnum(ctx, item, allowed, `each item of ${what}`);
    if (v !== undefined) out.push(v);
  }
  return out;
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM"; `allowMidnightEnd` admits "24:00" for closing times. */
export function readTime(ctx: Ctx, node: AnyNode, what: string, allowMidnightEnd = false): string | undefined {
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v === 'string' && (TIME_RE.test(v) || (allowMidnightEnd && v === '24:00'))) return v;
  ctx.rep.at(ctx.src, node, 'CAT006', `expected ${what} as "HH:MM" (24-hour clock), found ${describe(node)}`,
    'write times in quotes with two digits, e.g. "08:00"; YAML reads 8:00 unquoted oddly');
  return undefined;
}

export function isValidDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid;
}

export function readDate(ctx: Ctx, node: AnyNode, what: string): string | undefined {
  const v = isScalar(node) ? node.value : undefined;
  if (isValidDate(v)) return v;
  ctx.rep.at(ctx.src, node, 'CAT007', `expected ${what} as a real date YYYY-MM-DD, found ${describe(node)}`);
  return undefined;
}

export function readUrl(ctx: Ctx, node: AnyNode, what: string): string | undefined {
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v === 'string') {
    try {
      const u = new URL(v);
      if (u.protocol === 'https:' || u.protocol === 'http:') return v;
    } catch {
      /* reported below */
    }
  }
  ctx.rep.at(ctx.src, node, 'CAT028', `expected ${what} to be an absolute https:// address, found ${describe(node)}`);
  return undefined;
}

/**
 * `{fi, sv, en}`. Missing fi or sv is an error (CAT011); missing en is a warning (CAT012) and
 * falls back to Finnish so the English card still says something.
 */
export function readLocalized(ctx: Ctx, node: AnyNode, what: string): LocalizedText | undefined {
  const map = asMap(ctx, node, what);
  if (!map) return undefined;
  const f = fields(ctx, map, what, [], LANGS);
  const out: Partial<Record<Lang, string>> = {};
  for (const lang of LANGS) {
    const field = f.get(lang);
    if (field) {
      const s = readString(ctx, field.value, `${what}.${lang}`);
      if (s !== undefined) out[lang] = s;
      continue;
    }
    if (lang === 'en') {
      ctx.rep.at(ctx.src, map, 'CAT012', `expected English text "${what}.en", found none`, 'add an en: line; Finnish is shown meanwhile');
    } else {
      ctx.rep.at(ctx.src, map, 'CAT011', `expected ${lang === 'fi' ? 'Finnish' : 'Swedish'} text "${what}.${lang}", found none`,
        `add a ${lang}: line; both Finnish and Swedish are required`);
    }
  }
  if (out.fi === undefined || out.sv === undefined) return undefined;
  return { fi: out.fi, sv: out.sv, en: out.en ?? out.fi };
}
