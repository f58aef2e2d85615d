/**
 * JSON bodies are parsed by express.json (64 kB); this refuses, with a 400, bodies nested deeper
 * than `maxDepth` or with more than `maxNodes` values, before any handler, the Bot Framework SDK
 * or a logger could recurse into them (5,000 levels of `from` used to overflow the stack). The
 * walk is iterative, so checking cannot overflow either.
 */
import type { NextFunction, Request, Response } from 'express';

export interface JsonShapeLimits {
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_JSON_LIMITS: JsonShapeLimits = { maxDepth: 32, maxNodes: 10_000 };

/** The first limit the value breaks, or null. */
export function jsonShapeProblem(value: unknown, limits: JsonShapeLimits = DEFAULT_JSON_LIMITS): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return `The body has more than ${limits.maxNodes} values.`;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limits.maxDepth) return `The body is nested deeper than ${limits.maxDepth} levels.`;
    for (const inner of Array.isArray(current) ? current : Object.values(current)) stack.push([inner, depth + 1]);
  }
  return null;
}

export function jsonShapeGuard(limits: JsonShapeLimits = DEFAULT_JSON_LIMITS) {
  return function jsonShape(req: Request, res: Response, next: NextFunction): void {
    if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
    const problem = jsonShapeProblem(req.body, limits);
    if (problem) {
      res.status(400).json({ error: { code: 'BadArgument', message: problem } });
      return;
    }
    next();
  };
}
