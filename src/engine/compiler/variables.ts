/**
 * "Used before set": a forward data-flow analysis over the step graph. A variable is definitely
 * set at a step when every path from the start to it passes a step that sets it (remember, or a
 * choice's set on the edge taken). Using it anywhere else is an error.
 */
import { SCORE_PREFIX, scoreVariable } from '../expression';
import type { DialogScript } from '../program';
import { successors } from './flow';
import type { VarUse } from './readDialog';
import type { Diagnostics } from './source';

export function checkVariables(script: DialogScript, uses: VarUse[], diags: Diagnostics): void {
  const { steps } = script;
  if (!steps.has(script.start)) return;
  const all = new Set<string>(script.params.map((p) => p.name));
  for (const step of steps.values()) {
    if (step.kind === 'ask') {
      if (step.remember) all.add(step.remember);
      if (step.score) all.add(scoreVariable(step.score));
      for (const c of step.choices) for (const k of Object.keys(c.set ?? {})) all.add(k);
    }
  }
  // in[step]: variables definitely set on arrival. Start with "everything" and narrow to a fixpoint.
  const inSets = new Map<string, Set<string>>();
  for (const id of steps.keys()) inSets.set(id, new Set(all));
  // Parameters are set before the first step (by the caller, or from their defaults).
  inSets.set(script.start, new Set(script.params.map((p) => p.name)));

  const edgesOut = (id: string): [string, Set<string>][] => {
    const step = steps.get(id)!;
    const base = new Set(inSets.get(id));
    if (step.kind !== 'ask') return successors(step).map((n) => [n, base]);
    if (step.remember) base.add(step.remember);
    if (step.score) base.add(scoreVariable(step.score));
    if (step.type !== 'choice') return step.next ? [[step.next, base]] : [];
    return step.choices
      .map((c): [string | undefined, Set<string>] => [c.goto ?? step.next, new Set([...base, ...Object.keys(c.set ?? {})])])
      .filter((e): e is [string, Set<string>] => !!e[0]);
  };

  // Worklist: revisit a step only when something flowing into it changed (linear in practice).
  const incomingEdges = new Map<string, string[]>();
  for (const id of steps.keys()) {
    for (const [target] of edgesOut(id)) if (steps.has(target)) incomingEdges.set(target, [...(incomingEdges.get(target) ?? []), id]);
  }
  const work = new Set<string>(steps.keys());
  while (work.size > 0) {
    const id = work.values().next().value as string;
    work.delete(id);
    if (id !== script.start) {
      const sources = (incomingEdges.get(id) ?? []).flatMap((from) => edgesOut(from).filter(([t]) => t === id).map(([, vars]) => vars));
      if (sources.length > 0) {
        const meet = new Set([...sources[0]].filter((v) => sources.every((src) => src.has(v))));
        if (meet.size === inSets.get(id)!.size) continue;
        inSets.set(id, meet);
      }
    }
    for (const [target] of edgesOut(id)) if (steps.has(target) && target !== script.start) work.add(target);
  }
  for (const use of uses) {
    // A score no question adds to is DLG025's (checkScores), not a "used before set".
    if (use.name.startsWith(SCORE_PREFIX) && !all.has(use.name)) continue;
    if (!inSets.get(use.step)?.has(use.name)) {
      diags.add(use.pos, 'DLG016', `expected variable "${use.name}" to be set on every path to step "${use.step}", found a path that does not set it`,
        all.has(use.name) ? 'ask for it (remember:) on every path before this step' : `no step sets "${use.name}": check the spelling`);
    }
  }
}
