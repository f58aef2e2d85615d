/**
 * Reads one dialog file into a DialogScript, recording where every reference and variable use is
 * written so the later checks (references, flow, variables) can point at it.
 */
import { Node } from 'yaml';
import type { SourcePosition } from '../../content/diagnostic';
import { INTERPOLATION, parseExpression, scoreVariable, variablesOf } from '../expression';
import type { AskStep, AskType, Choice, DialogScript, LocalText, Step } from '../program';
import { FieldReader } from './fields';
import { phraseLists } from './readSupport';
import { CallArgument, readParams, readWith } from './readParams';
import { describe, isMapNode, scalarValue } from './source';

export type RefKind = 'step' | 'dialog' | 'service' | 'queue' | 'topic';
export interface Reference {
  kind: RefKind;
  name: string;
  pos: SourcePosition;
}
export interface VarUse {
  name: string;
  step: string;
  pos: SourcePosition;
}
export interface ReadDialog {
  script: DialogScript;
  refs: Reference[];
  varUses: VarUse[];
  /** Per step, the variables it sets (remember, choice set). */
  varSets: Map<string, string[]>;
  choicePositions: Map<string, SourcePosition[]>;
  /** Every call step's arguments, checked against the called dialog's params. */
  calls: { dialog: string; pos: SourcePosition; args: CallArgument[] }[];
}

const STEP_KINDS = ['say', 'ask', 'branch', 'route', 'handoff', 'call', 'end'] as const;
const STEP_FIELDS = ['id', ...STEP_KINDS, 'next', 'with'];

export function readDialog(r: FieldReader, root: Node | null, expectedId: string): ReadDialog | undefined {
  const top = r.fields(root, ['id', 'topic', 'start', 'params', 'steps', 'title', 'description'], 'the dialog');
  if (!top) return undefined;
  const refs: Reference[] = [];
  const varUses: VarUse[] = [];
  const varSets = new Map<string, string[]>();
  const choicePositions = new Map<string, SourcePosition[]>();
  const calls: ReadDialog['calls'] = [];
  const params = readParams(r, top.get('params')?.value);

  const idField = top.get('id');
  const id = idField ? r.string(idField.value, 'the dialog id') : undefined;
  if (!idField) r.diags.add(r.pos(root), 'DLG003', 'expected an "id" for the dialog, found none', `add: id: ${expectedId}`);
  else if (id !== undefined && id !== expectedId) {
    r.diags.add(r.pos(idField.value), 'DLG007', `expected the dialog id to be "${expectedId}" (its file name), found "${id}"`,
      `rename the file to ${id}.yaml or the id to ${expectedId}`);
  }
  let topic = 'unknown';
  const topicField = top.get('topic');
  if (topicField) {
    topic = r.string(topicField.value, 'the topic') ?? 'unknown';
    refs.push({ kind: 'topic', name: topic, pos: r.pos(topicField.value) });
  }

  const steps = new Map<string, Step>();
  const positions = new Map<string, SourcePosition>();
  const stepsField = top.get('steps');
  const stepNodes = stepsField ? r.list(stepsField.value, 'the steps') ?? [] : [];
  if (!stepsField) r.diags.add(r.pos(root), 'DLG003', 'expected "steps" (a list of steps), found none');

  const textUses = (text: LocalText | undefined, stepId: string, node: Node | null | undefined) => {
    if (!text) return;
    const seen = new Set<string>();
    for (const value of Object.values(text)) {
      for (const m of value.matchAll(INTERPOLATION)) {
        if (seen.has(m[1])) continue;
        seen.add(m[1]);
        varUses.push({ name: m[1], step: stepId, pos: r.pos(node) });
      }
    }
  };
  const stepRef = (node: Node | null | undefined, what: string): string | undefined => {
    const name = r.string(node, what);
    if (name !== undefined) refs.push({ kind: 'step', name, pos: r.pos(node) });
    return name;
  };

  for (const node of stepNodes) {
    const f = r.fields(node, STEP_FIELDS, 'a step');
    if (!f) continue;
    const stepId = f.get('id') ? r.string(f.get('id')!.value, 'the step id') : undefined;
    if (!f.get('id')) r.diags.add(r.pos(node), 'DLG003', 'expected an "id" for the step, found none');
    if (stepId === undefined) continue;
    const pos = r.pos(f.get('id')!.value);
    if (steps.has(stepId)) {
      r.diags.add(pos, 'DLG006', `expected step ids to be unique in the dialog, found "${stepId}" again`,
        `the first "${stepId}" is on line ${positions.get(stepId)!.line}`);
      continue;
    }
    const kinds = STEP_KINDS.filter((k) => f.has(k));
    if (kinds.length !== 1) {
      r.diags.add(pos, 'DLG005', `expected exactly one of ${STEP_KINDS.join(', ')} in step "${stepId}", found ${kinds.length === 0 ? 'none' : kinds.join(' and ')}`);
      continue;
    }
    const kind = kinds[0];
    if (f.has('with') && kind !== 'call') {
      r.diags.add(r.pos(f.get('with')!.key), 'DLG004', `expected "with" only on a call step, found it on the ${kind} step "${stepId}"`);
    }
    const body = f.get(kind)!.value;
    const nextNode = f.get('next')?.value;
    const next = f.has('next') ? stepRef(nextNode, 'the next step') : undefined;
    positions.set(stepId, pos);
    const sets: string[] = [];
    varSets.set(stepId, sets);
    let step: Step | undefined;

    switch (kind) {
      case 'say': {
        const text = r.text(body, `the message of step "${stepId}"`);
        textUses(text, stepId, body);
        if (text) step = { kind, id: stepId, text, next: next ?? '' };
        break;
      }
      case 'ask':
        step = readAsk(r, body, stepId, next, refs, sets, textUses, choicePositions, stepRef);
        break;
      case 'branch': {
        const cases: { when: ReturnType<typeof parseExpression> & { ok: true }; source: string; goto: string }[] = [];
        let otherwise: string | undefined;
        for (const c of r.list(body, `the branch of step "${stepId}"`) ?? []) {
          const cf = r.fields(c, ['if', 'goto', 'else'], 'a branch case');
          if (!cf) continue;
          if (cf.has('else')) {
            otherwise = stepRef(cf.get('else')!.value, 'the else step');
            continue;
          }
          if (!cf.has('if')) {
            r.diags.add(r.pos(c), 'DLG003', 'expected "if: <condition>" in a branch case (or "else:" for the last one), found neither');
            continue;
          }
          const ifNode = cf.get('if')?.value;
          const source = r.string(ifNode, 'the condition');
          const target = cf.has('goto') ? stepRef(cf.get('goto')!.value, 'the goto step') : undefined;
          if (!cf.has('goto')) r.diags.add(r.pos(c), 'DLG003', 'expected "goto" in a branch case, found none');
          if (source === undefined) continue;
          const parsed = parseExpression(source);
          // Columns inside a quoted YAML string start one character after the quote.
          const scalarType = (ifNode as Node & { type?: string })?.type;
          const offset = scalarType === 'QUOTE_DOUBLE' || scalarType === 'QUOTE_SINGLE' ? 1 : 0;
          if (!parsed.ok) {
            r.diags.add(r.pos(ifNode, offset + parsed.col - 1), 'DLG020', parsed.message,
              'conditions use ==, !=, <, <=, >, >=, and, or, not, and quotes around words');
            continue;
          }
          for (const v of variablesOf(parsed.expr)) varUses.push({ name: v.name, step: stepId, pos: r.pos(ifNode, offset + v.col - 1) });
          if (target) cases.push({ when: parsed, source, goto: target });
        }
        if (!otherwise) r.diags.add(r.pos(body), 'DLG003', `expected an "else" case at the end of the branch in step "${stepId}", found none`,
          'add: - else: <step id>');
        step = { kind, id: stepId, cases: cases.map((c) => ({ when: c.when.expr, source: c.source, goto: c.goto })), otherwise: otherwise ?? '' };
        break;
      }
      case 'route': {
        const rf = r.fields(body, ['service', 'topic', 'offerHandoff', 'withoutOmaolo'], 'a route');
        if (!rf) break;
        const service = rf.has('service') ? r.string(rf.get('service')!.value, 'the service id') : undefined;
        if (!rf.has('service')) r.diags.add(r.pos(body), 'DLG003', 'expected "service" in the route, found none');
        if (service) refs.push({ kind: 'service', name: service, pos: r.pos(rf.get('service')!.value) });
        const routeTopic = rf.has('topic') ? r.string(rf.get('topic')!.value, 'the topic') : undefined;
        if (routeTopic) refs.push({ kind: 'topic', name: routeTopic, pos: r.pos(rf.get('topic')!.value) });
        const offer = rf.has('offerHandoff') ? r.boolean(rf.get('offerHandoff')!.value, 'offerHandoff') : true;
        const withoutOmaolo = rf.has('withoutOmaolo') ? r.boolean(rf.get('withoutOmaolo')!.value, 'withoutOmaolo') : undefined;
        if (service) step = { kind, id: stepId, service, topic: routeTopic, offerHandoff: offer ?? true, ...(withoutOmaolo ? { withoutOmaolo } : {}), next };
        break;
      }
      case 'handoff': {
        const hf = r.fields(body, ['queue'], 'a handoff');
        const queue = hf?.has('queue') ? r.string(hf.get('queue')!.value, 'the queue id') : undefined;
        if (hf && !hf.has('queue')) r.diags.add(r.pos(body), 'DLG003', 'expected "queue" in the handoff, found none');
        if (queue) {
          refs.push({ kind: 'queue', name: queue, pos: r.pos(hf!.get('queue')!.value) });
          step = { kind, id: stepId, queue, next };
        }
        break;
      }
      case 'call': {
        const dialog = r.string(body, 'the dialog to call');
        if (dialog) refs.push({ kind: 'dialog', name: dialog, pos: r.pos(body) });
        const args = readWith(r, f.get('with')?.value, stepId, varUses);
        if (dialog) calls.push({ dialog, pos: r.pos(body), args: args.args });
        if (dialog) step = { kind, id: stepId, dialog, with: args.values, next: next ?? '' };
        break;
      }
      case 'end': {
        // `end:` with nothing after it is allowed: no feedback question, no closing text.
        const isEmpty = !body || scalarValue(body) === null;
        const ef = isEmpty ? new Map<string, { key: Node; value: Node | null }>() : r.fields(body, ['feedback', 'text'], 'an end');
        if (!ef) break;
        const feedback = ef.has('feedback') ? r.boolean(ef.get('feedback')!.value, 'feedback') ?? false : false;
        const text = ef.has('text') ? r.text(ef.get('text')!.value, `the closing text of step "${stepId}"`) : undefined;
        textUses(text, stepId, ef.get('text')?.value);
        step = { kind, id: stepId, feedback, text };
        break;
      }
    }
    if (step) steps.set(stepId, step);
  }

  if (stepsField && stepNodes.length === 0) {
    r.diags.add(r.pos(stepsField.value), 'DLG003', 'expected at least one step in "steps", found an empty list');
  }
  let start = steps.keys().next().value ?? '';
  const startField = top.get('start');
  if (startField) {
    const s = r.string(startField.value, 'the start step');
    if (s) {
      start = s;
      refs.push({ kind: 'step', name: s, pos: r.pos(startField.value) });
    }
  }
  return {
    script: { id: id ?? expectedId, topic, start, params, steps, positions, file: r.src.file },
    refs,
    varUses,
    varSets,
    choicePositions,
    calls,
  };
}

function readAsk(
  r: FieldReader,
  body: Node | null,
  stepId: string,
  next: string | undefined,
  refs: Reference[],
  sets: string[],
  textUses: (t: LocalText | undefined, step: string, node: Node | null | undefined) => void,
  choicePositions: Map<string, SourcePosition[]>,
  stepRef: (node: Node | null | undefined, what: string) => string | undefined,
): AskStep | undefined {
  const af = r.fields(body, ['text', 'type', 'choices', 'remember', 'min', 'max', 'retry', 'understand', 'score'], 'a question');
  if (!af) return undefined;
  const text = af.has('text') ? r.text(af.get('text')!.value, `the question of step "${stepId}"`) : undefined;
  if (!af.has('text')) r.diags.add(r.pos(body), 'DLG003', `expected "text" (the question) in step "${stepId}", found none`);
  textUses(text, stepId, af.get('text')?.value);
  const choices: Choice[] = [];
  const positions: SourcePosition[] = [];
  const pointNodes: (Node | null)[] = [];
  for (const c of af.has('choices') ? r.list(af.get('choices')!.value, 'the choices') ?? [] : []) {
    const cf = r.fields(c, ['id', 'label', 'goto', 'set', 'topic', 'also', 'points'], 'a choice');
    if (!cf) continue;
    const id = cf.has('id') ? r.string(cf.get('id')!.value, 'the choice id') : undefined;
    if (!cf.has('id')) r.diags.add(r.pos(c), 'DLG003', 'expected an "id" for the choice, found none');
    const label = cf.has('label') ? r.text(cf.get('label')!.value, `the label of choice "${id ?? '?'}"`) : undefined;
    if (!cf.has('label')) r.diags.add(r.pos(c), 'DLG003', `expected a "label" for choice "${id ?? '?'}", found none`);
    const goto = cf.has('goto') ? stepRef(cf.get('goto')!.value, 'the goto step') : undefined;
    const topic = cf.has('topic') ? r.string(cf.get('topic')!.value, 'the topic') : undefined;
    if (topic) refs.push({ kind: 'topic', name: topic, pos: r.pos(cf.get('topic')!.value) });
    let set: Record<string, string | number | boolean> | undefined;
    if (cf.has('set')) {
      const setNode = cf.get('set')!.value;
      if (!isMapNode(setNode)) {
        r.diags.add(r.pos(setNode), 'DLG002', `expected "set" as a mapping (variable: value), found ${describe(setNode)}`);
      } else {
        set = {};
        for (const [k, v] of Object.entries(setNode.toJSON() as Record<string, unknown>)) {
          if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') set[k] = v;
          else r.diags.add(r.pos(setNode), 'DLG002', `expected the value of "${k}" to be text, a number or true/false`);
          sets.push(k);
        }
      }
    }
    const also = cf.has('also') ? phraseLists(r, cf.get('also')!.value, `the other wordings of choice "${id ?? '?'}"`) : undefined;
    const points = cf.has('points') ? r.number(cf.get('points')!.value, 'the points') : undefined;
    if (points !== undefined) pointNodes.push(cf.get('points')!.value);
    if (id && label) {
      choices.push({ id, label, goto, set, topic, points, ...(also ? { also } : {}) });
      positions.push(r.pos(cf.get('label')!.value));
    }
  }
  choicePositions.set(stepId, positions);
  let type: AskType = choices.length > 0 ? 'choice' : 'text';
  if (af.has('type')) {
    const t = r.string(af.get('type')!.value, 'the question type');
    if (t && !['choice', 'text', 'number', 'yesno'].includes(t)) {
      r.diags.add(r.pos(af.get('type')!.value), 'DLG022', `expected the type to be choice, text, number or yesno, found "${t}"`);
    } else if (t) type = t as AskType;
  }
  if (type === 'choice' && choices.length === 0) {
    r.diags.add(r.pos(body), 'DLG022', `expected choices for a choice question in step "${stepId}", found none`);
  }
  const remember = af.has('remember') ? r.string(af.get('remember')!.value, 'the variable name') : undefined;
  if (remember) sets.push(remember);
  const min = af.has('min') ? r.number(af.get('min')!.value, 'min') : undefined;
  const max = af.has('max') ? r.number(af.get('max')!.value, 'max') : undefined;
  if (min !== undefined && max !== undefined && min > max) {
    r.diags.add(r.pos(af.get('min')!.value), 'DLG022', `expected min (${min}) to be at most max (${max})`);
  }
  const retry = af.has('retry') ? r.text(af.get('retry')!.value, `the re-prompt of step "${stepId}"`) : undefined;
  const score = af.has('score') ? r.string(af.get('score')!.value, 'the score name') : undefined;
  if (score) sets.push(scoreVariable(score));
  // Points without a score would be lost; a score whose answers carry no points is a typo.
  if (!score && pointNodes.length > 0) {
    r.diags.add(r.pos(pointNodes[0]), 'DLG024', `expected "score: <name>" in step "${stepId}" to add these points to, found none`, 'add: score: <name> next to the question text');
  } else if (score && pointNodes.length === 0) {
    r.diags.add(r.pos(af.get('score')!.value), 'DLG024', `expected "points:" on the answers of step "${stepId}", whose answers add to score "${score}", found none`);
  } else if (score && type !== 'choice') {
    r.diags.add(r.pos(af.get('score')!.value), 'DLG024', `expected a choice question for score "${score}" in step "${stepId}", found a ${type} question`);
  }
  const understand = af.has('understand') ? r.boolean(af.get('understand')!.value, 'understand') : undefined;
  if (!text) return undefined;
  return { kind: 'ask', id: stepId, text, type, choices, remember, min, max, retry, score, next, ...(understand ? { understand } : {}) };
}
