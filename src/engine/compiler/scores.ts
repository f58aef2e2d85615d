/**
 * Checks on questionnaire scores (`score: auditc` on a question, `points:` on its answers,
 * `score.auditc >= 6` in conditions): a score nobody adds to (DLG025), a score compared with a
 * word (DLG027), and a case that can never be taken because the score cannot reach it (DLG026).
 */
import type { SourcePosition } from '../../content/diagnostic';
import { Expr, SCORE_PREFIX } from '../expression';
import type { DialogScript } from '../program';
import { closest } from './fields';
import type { VarUse } from './readDialog';
import type { Diagnostics } from './source';

/** The lowest and highest sum a score can have: every question that adds to it answered at most once. */
export function scoreRanges(script: DialogScript): Map<string, { min: number; max: number }> {
  const ranges = new Map<string, { min: number; max: number }>();
  for (const step of script.steps.values()) {
    if (step.kind !== 'ask' || !step.score) continue;
    const points = step.choices.map((c) => c.points ?? 0);
    const range = ranges.get(step.score) ?? { min: 0, max: 0 };
    range.min += Math.min(0, ...points);
    range.max += Math.max(0, ...points);
    ranges.set(step.score, range);
  }
  return ranges;
}

export function checkScores(script: DialogScript, uses: VarUse[], diags: Diagnostics): void {
  const ranges = scoreRanges(script);
  const known = [...ranges.keys()];
  for (const use of uses) {
    if (!use.name.startsWith(SCORE_PREFIX)) continue;
    const score = use.name.slice(SCORE_PREFIX.length);
    if (!ranges.has(score)) {
      const suggestion = closest(score, known);
      diags.add(use.pos, 'DLG025', `expected a score that a question of dialog "${script.id}" adds to (${known.join(', ') || 'none has score:'}), found "${score}"`,
        suggestion ? `did you mean "score.${suggestion}"?` : 'add score: <name> to the questions, and points: to their answers');
    }
  }
  for (const step of script.steps.values()) {
    if (step.kind !== 'branch') continue;
    for (const c of step.cases) {
      for (const cmp of scoreComparisons(c.when)) {
        const range = ranges.get(cmp.score);
        const pos = uses.find((u) => u.step === step.id && u.name === SCORE_PREFIX + cmp.score)?.pos ?? script.positions.get(step.id);
        if (!range || !pos) continue;
        if (typeof cmp.value !== 'number') {
          diags.add(pos, 'DLG027', `expected score "${cmp.score}" to be compared with a number, found ${JSON.stringify(cmp.value)}`,
            'a score is a number of points, such as score.' + cmp.score + ' >= 6');
          continue;
        }
        if (!canHold(cmp.op, cmp.value, range)) {
          report(diags, pos, step.id, c.source, cmp.score, range);
        }
      }
    }
  }
}

function report(diags: Diagnostics, pos: SourcePosition, stepId: string, source: string, score: string, range: { min: number; max: number }): void {
  diags.add(pos, 'DLG026', `expected the case "${source}" of step "${stepId}" to be possible, found that score "${score}" is always between ${range.min} and ${range.max}`,
    'check the threshold against the points of the answers');
}

type Op = '==' | '!=' | '<' | '<=' | '>' | '>=';
interface ScoreComparison {
  score: string;
  op: Op;
  value: string | number | boolean;
}

const FLIP: Record<Op, Op> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * The comparisons of a score with a literal that must hold for the case to be taken: those joined
 * by `and` at the top. Under `or` or `not` one impossible part does not make the case impossible.
 */
function scoreComparisons(expr: Expr): ScoreComparison[] {
  if (expr.kind === 'logic' && expr.op === 'and') return [...scoreComparisons(expr.left), ...scoreComparisons(expr.right)];
  if (expr.kind !== 'compare') return [];
  const { left, right } = expr;
  if (left.kind === 'var' && left.name.startsWith(SCORE_PREFIX) && right.kind === 'literal') {
    return [{ score: left.name.slice(SCORE_PREFIX.length), op: expr.op, value: right.value }];
  }
  if (right.kind === 'var' && right.name.startsWith(SCORE_PREFIX) && left.kind === 'literal') {
    return [{ score: right.name.slice(SCORE_PREFIX.length), op: FLIP[expr.op], value: left.value }];
  }
  return [];
}

/** Whether some score in [min, max] satisfies `score <op> value`. */
function canHold(op: Op, value: number, { min, max }: { min: number; max: number }): boolean {
  switch (op) {
    case '>=':
      return max >= value;
    case '>':
      return max > value;
    case '<=':
      return min <= value;
    case '<':
      return min < value;
    case '==':
      return value >= min && value <= max;
    case '!=':
      return !(min === max && min === value);
  }
}

/**
 * The band of points a case stands for, for graphs: `score.auditc >= 6` with a 0–12 range is
 * "auditc 6–12"; undefined when the case is not a single comparison of a score with a number.
 */
export function scoreBand(expr: Expr, ranges: Map<string, { min: number; max: number }>): { score: string; min: number; max: number } | undefined {
  if (expr.kind !== 'compare') return undefined;
  const [cmp] = scoreComparisons(expr);
  const range = cmp && ranges.get(cmp.score);
  if (!cmp || !range || typeof cmp.value !== 'number') return undefined;
  const v = cmp.value;
  const bands: Record<Op, [number, number] | undefined> = {
    '>=': [v, range.max], '>': [v + 1, range.max], '<=': [range.min, v], '<': [range.min, v - 1], '==': [v, v], '!=': undefined,
  };
  const band = bands[cmp.op];
  return band ? { score: cmp.score, min: Math.max(range.min, band[0]), max: Math.min(range.max, band[1]) } : undefined;
}
