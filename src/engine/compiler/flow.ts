/**
 * Flow checks over one dialog's step graph: unknown targets, unreachable steps, dead ends
 * (no way forward or out) and loops that can never reach an end.
 */
import type { DialogScript, Step } from '../program';
import type { Diagnostics } from './source';

/** Where a step can go next. Terminal steps (end, and route/handoff without next) have none. */
export function successors(step: Step): string[] {
  switch (step.kind) {
    case 'say':
    case 'call':
      return step.next ? [step.next] : [];
    case 'ask':
      if (step.type !== 'choice') return step.next ? [step.next] : [];
      return [...new Set(step.choices.map((c) => c.goto ?? step.next).filter((s): s is string => !!s))];
    case 'branch':
      return [...new Set([...step.cases.map((c) => c.goto), step.otherwise].filter(Boolean))];
    case 'route':
    case 'handoff':
      return step.next ? [step.next] : [];
    case 'end':
      return [];
  }
}

export function isTerminal(step: Step): boolean {
  return step.kind === 'end' || ((step.kind === 'route' || step.kind === 'handoff') && !step.next);
}

export function checkFlow(script: DialogScript, diags: Diagnostics): void {
  const { steps, positions } = script;
  const at = (id: string) => positions.get(id) ?? { file: script.file, line: 1, col: 1 };

  // Dead ends: a non-terminal step with nowhere to go, or a choice with no goto and no next.
  for (const step of steps.values()) {
    if (step.kind === 'ask' && step.type === 'choice' && !step.next) {
      const missing = step.choices.filter((c) => !c.goto);
      if (missing.length > 0) {
        diags.add(at(step.id), 'DLG014', `expected every choice of step "${step.id}" to have a goto (or the step a next), found none for ${missing.map((c) => `"${c.id}"`).join(', ')}`,
          'add goto: <step id> to the choice, or next: <step id> to the step');
        continue;
      }
    }
    if (!isTerminal(step) && successors(step).length === 0) {
      diags.add(at(step.id), 'DLG014', `expected step "${step.id}" (${step.kind}) to say where to go next, found no next`,
        'add next: <step id>, or end the dialog with an end step');
    }
  }

  // Reachability from the start.
  const reached = new Set<string>();
  const stack = steps.has(script.start) ? [script.start] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const next of successors(steps.get(id)!)) if (steps.has(next)) stack.push(next);
  }
  for (const id of steps.keys()) {
    if (!reached.has(id)) diags.add(at(id), 'DLG013', `expected step "${id}" to be reachable from the start, found no path to it`,
      'point a goto or next at it, or delete it');
  }

  // Loops with no exit: reachable steps from which no terminal step can be reached.
  const predecessors = new Map<string, string[]>();
  for (const step of steps.values()) {
    for (const next of successors(step)) predecessors.set(next, [...(predecessors.get(next) ?? []), step.id]);
  }
  const canFinish = new Set<string>();
  const queue = [...steps.values()].filter(isTerminal).map((s) => s.id);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (canFinish.has(id)) continue;
    canFinish.add(id);
    queue.push(...(predecessors.get(id) ?? []));
  }
  for (const id of reached) {
    const step = steps.get(id)!;
    if (!canFinish.has(id) && successors(step).length > 0) {
      diags.add(at(id), 'DLG015', `expected a way out of the loop through step "${id}", found that every path comes back without reaching an end`,
        'give one choice or branch in the loop a goto to a route, handoff or end step');
    }
  }
}
