/**
 * Typed field readers over YAML nodes. Each reports "expected X, found Y" at the node and returns
 * undefined, so one bad field never stops the rest of the file from being checked.
 */
import { distance } from 'fastest-levenshtein';
import { isScalar, Node } from 'yaml';
import type { LocalText } from '../program';
import { describe, Diagnostics, entries, isMapNode, isSeqNode, positionOf, YamlFile } from './source';
import { LANGS } from '../../lang';


export class FieldReader {
  constructor(
    readonly src: YamlFile,
    readonly diags: Diagnostics,
  ) {}

  pos(node: Node | null | undefined, offset = 0) {
    return positionOf(this.src, node, offset);
  }

  /** A mapping's fields by name, reporting unknown ones (DLG004). */
  fields(node: Node | null | undefined, allowed: readonly string[], what: string): Map<string, { key: Node; value: Node | null }> | undefined {
    if (!isMapNode(node)) {
      this.diags.add(this.pos(node), 'DLG002', `expected ${what} as a mapping (key: value), found ${describe(node)}`);
      return undefined;
    }
    const out = new Map<string, { key: Node; value: Node | null }>();
    for (const [name, key, value] of entries(node)) {
      if (!allowed.includes(name)) {
        const suggestion = closest(name, allowed);
        this.diags.add(this.pos(key), 'DLG004', `expected one of ${allowed.join(', ')} in ${what}, found "${name}"`,
          suggestion ? `did you mean "${suggestion}"?` : undefined);
        continue;
      }
      out.set(name, { key, value });
    }
    return out;
  }

  string(node: Node | null | undefined, what: string): string | undefined {
    if (node && isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value) !== '') {
      return String(node.value);
    }
    this.diags.add(this.pos(node), 'DLG002', `expected ${what} as text, found ${describe(node)}`);
    return undefined;
  }

  number(node: Node | null | undefined, what: string): number | undefined {
    if (node && isScalar(node) && typeof node.value === 'number') return node.value;
    this.diags.add(this.pos(node), 'DLG002', `expected ${what} as a number, found ${describe(node)}`);
    return undefined;
  }

  boolean(node: Node | null | undefined, what: string): boolean | undefined {
    if (node && isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.diags.add(this.pos(node), 'DLG002', `expected ${what} as true or false, found ${describe(node)}`);
    return undefined;
  }

  list(node: Node | null | undefined, what: string): Node[] | undefined {
    if (isSeqNode(node)) return node.items as Node[];
    this.diags.add(this.pos(node), 'DLG002', `expected ${what} as a list (lines starting with "- "), found ${describe(node)}`);
    return undefined;
  }

  /** A text in fi, sv and en: fi/sv missing is an error (DLG017), en missing a warning (DLG018). */
  text(node: Node | null | undefined, what: string): LocalText | undefined {
    const fields = this.fields(node, LANGS, what);
    if (!fields) return undefined;
    const out: Partial<LocalText> = {};
    for (const lang of LANGS) {
      const field = fields.get(lang);
      if (!field) continue;
      const value = this.string(field.value, `the ${lang} text of ${what}`);
      if (value !== undefined) out[lang] = value;
    }
    for (const lang of ['fi', 'sv'] as const) {
      if (!out[lang]) {
        this.diags.add(this.pos(node), 'DLG017', `expected a ${lang === 'fi' ? 'Finnish (fi)' : 'Swedish (sv)'} text in ${what}, found none`,
          'every text a resident sees is written in Finnish and Swedish, and English');
      }
    }
    if (!out.en) this.diags.add(this.pos(node), 'DLG018', `expected an English (en) text in ${what}, found none`);
    return { fi: out.fi ?? out.sv ?? out.en ?? '', sv: out.sv ?? out.fi ?? out.en ?? '', en: out.en ?? out.fi ?? out.sv ?? '' };
  }
}

/** The allowed name nearest to a misspelt one, for "did you mean" hints. */
export function closest(name: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const option of options) {
    const d = distance(name.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}
