/**
 * Dialog parameters: a reusable dialog (a questionnaire such as AUDIT-C) declares what it expects
 * from its caller (`params:`), and a `call` step passes values (`with:`). Values are expressions
 * over the caller's variables, so "is the resident 65 or older" can be passed as `age >= 65`.
 */
import { isScalar, Node } from 'yaml';
import type { SourcePosition } from '../../content/diagnostic';
import { parseExpression, variablesOf } from '../expression';
import type { CallStep, DialogParam } from '../program';
import type { FieldReader } from './fields';
import { entries, isMapNode } from './source';

const PARAM_TYPES = ['number', 'boolean', 'text'] as const;

/** `params: { older: { type: boolean, default: false } }` at the top of a dialog. */
export function readParams(r: FieldReader, node: Node | null | undefined): DialogParam[] {
  if (node === undefined) return [];
  if (!isMapNode(node)) {
    r.diags.add(r.pos(node), 'DLG002', 'expected "params" as a mapping (name: { type, default }), found something else');
    return [];
  }
  const params: DialogParam[] = [];
  for (const [name, , value] of entries(node)) {
    const f = r.fields(value, ['type', 'default', 'description'], `the parameter "${name}"`);
    if (!f) continue;
    const typeName = f.has('type') ? r.string(f.get('type')!.value, 'the parameter type') : undefined;
    if (!f.has('type')) r.diags.add(r.pos(value), 'DLG003', `expected a "type" (${PARAM_TYPES.join(', ')}) for the parameter "${name}", found none`);
    if (typeName === undefined) continue;
    if (!(PARAM_TYPES as readonly string[]).includes(typeName)) {
      r.diags.add(r.pos(f.get('type')!.value), 'DLG028', `expected the type of parameter "${name}" to be ${PARAM_TYPES.join(', ')}, found "${typeName}"`);
      continue;
    }
    const type = typeName as DialogParam['type'];
    const param: DialogParam = { name, type };
    const defaultNode = f.get('default')?.value;
    if (defaultNode !== undefined) {
      const v = isScalar(defaultNode) ? defaultNode.value : undefined;
      if (typeOfValue(v) !== type) {
        r.diags.add(r.pos(defaultNode), 'DLG028', `expected the default of parameter "${name}" to be ${article(type)}, found ${JSON.stringify(v ?? null)}`);
      } else param.default = v as string | number | boolean;
    }
    params.push(param);
  }
  return params;
}

export interface CallArgument {
  name: string;
  pos: SourcePosition;
  /** The type the value is known to have: a literal's type, or undefined for an expression. */
  literalType?: DialogParam['type'];
}

/**
 * `with: { older: "age >= 65", limit: 5 }` on a call step. Text values are conditions in the
 * dialog language (write a word as 'word'); numbers and true/false are taken as they are.
 */
export function readWith(
  r: FieldReader,
  node: Node | null | undefined,
  stepId: string,
  varUses: { name: string; step: string; pos: SourcePosition }[],
): { values: CallStep['with']; args: CallArgument[] } {
  const values: CallStep['with'] = [];
  const args: CallArgument[] = [];
  if (node === undefined) return { values, args };
  if (!isMapNode(node)) {
    r.diags.add(r.pos(node), 'DLG002', 'expected "with" as a mapping (parameter: value), found something else');
    return { values, args };
  }
  for (const [name, key, value] of entries(node)) {
    const raw = isScalar(value) ? value.value : undefined;
    const pos = r.pos(key);
    if (typeof raw === 'number' || typeof raw === 'boolean') {
      values.push({ name, value: { kind: 'literal', value: raw }, source: String(raw) });
      args.push({ name, pos, literalType: typeOfValue(raw) });
      continue;
    }
    if (typeof raw !== 'string') {
      r.diags.add(r.pos(value), 'DLG002', `expected the value of "${name}" to be a number, true/false or a condition, found something else`);
      continue;
    }
    const parsed = parseExpression(raw);
    if (!parsed.ok) {
      r.diags.add(r.pos(value, parsed.col - 1), 'DLG020', parsed.message, "write a word in quotes ('word'), or a condition such as age >= 65");
      continue;
    }
    for (const v of variablesOf(parsed.expr)) varUses.push({ name: v.name, step: stepId, pos: r.pos(value, v.col - 1) });
    const literalType = parsed.expr.kind === 'literal' ? typeOfValue(parsed.expr.value) : undefined;
    values.push({ name, value: parsed.expr, source: raw });
    args.push({ name, pos, literalType });
  }
  return { values, args };
}

function typeOfValue(v: unknown): DialogParam['type'] | undefined {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'text';
  return undefined;
}

function article(type: DialogParam['type']): string {
  return type === 'boolean' ? 'true or false' : type === 'number' ? 'a number' : 'a text';
}

/** Calls checked against the called dialog's params: unknown names, missing values, wrong literal types. */
export function checkCallArguments(
  call: { dialog: string; pos: SourcePosition; args: CallArgument[] },
  params: DialogParam[] | undefined,
  report: (pos: SourcePosition, message: string, hint?: string) => void,
): void {
  if (!params) return;
  const declared = new Map(params.map((p) => [p.name, p]));
  for (const arg of call.args) {
    const param = declared.get(arg.name);
    if (!param) {
      const known = params.map((p) => p.name);
      report(arg.pos, `expected a parameter of dialog "${call.dialog}" (${known.join(', ') || 'it takes none'}), found "${arg.name}"`);
    } else if (arg.literalType && arg.literalType !== param.type) {
      report(arg.pos, `expected ${article(param.type)} for parameter "${arg.name}" of dialog "${call.dialog}", found ${article(arg.literalType)}`);
    }
  }
  const given = new Set(call.args.map((a) => a.name));
  for (const p of params) {
    if (p.default === undefined && !given.has(p.name)) {
      report(call.pos, `expected a value for parameter "${p.name}" of dialog "${call.dialog}", found none`, `add: with: { ${p.name}: ... }`);
    }
  }
}
