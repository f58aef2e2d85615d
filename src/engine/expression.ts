/**
 * The condition language of dialog scripts: small and safe (never `eval`).
 *
 *   expr   := or
 *   or     := and ('or' and)*
 *   and    := not ('and' not)*
 *   not    := 'not' not | cmp
 *   cmp    := atom (('=='|'!='|'<'|'<='|'>'|'>=') atom)?
 *   atom   := number | 'string' | "string" | true | false | identifier | '(' expr ')'
 *   identifier := name | 'score.' name      (a questionnaire's running score)
 *
 * Parsing returns an AST or an error with its 1-based column inside the expression, so the
 * compiler can point at the exact character in the YAML file.
 */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'var'; name: string; col: number }
  | { kind: 'not'; operand: Expr }
  | { kind: 'logic'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr };
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Value = string | number | boolean | null;

export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; col: number };

interface Token {
  type: 'num' | 'str' | 'ident' | 'op' | 'lparen' | 'rparen' | 'end';
  text: string;
  col: number;
  value?: string | number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

/** A variable name as conditions and `{...}` in texts write it: `age`, or a score: `score.auditc`. */
export const VARIABLE_NAME = /[\p{L}_][\p{L}\p{N}_-]*(?:\.[\p{L}_][\p{L}\p{N}_-]*)?/u;
/** Where a questionnaire's score lives among a dialog's variables (plain JSON, like every answer). */
export const SCORE_PREFIX = 'score.';
/** `{name}` in a text: replaced by the remembered answer (or score) of that name. */
export const INTERPOLATION = new RegExp('\\{(' + VARIABLE_NAME.source + ')\\}', 'gu');
export const scoreVariable = (score: string): string => SCORE_PREFIX + score;

function tokenise(source: string): Token[] | { message: string; col: number } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ type: 'num', text: m[0], col, value: Number(m[0]) });
      i += m[0].length;
    } else if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) return { message: `expected a closing ${ch}, found the end of the condition`, col };
      tokens.push({ type: 'str', text: source.slice(i, end + 1), col, value: source.slice(i + 1, end) });
      i = end + 1;
    } else if (/[\p{L}_]/u.test(ch)) {
      const m = new RegExp('^' + VARIABLE_NAME.source, 'u').exec(source.slice(i))!;
      tokens.push({ type: 'ident', text: m[0], col });
      i += m[0].length;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', text: ch, col });
      i++;
    } else {
      const m = /^(==|!=|<=|>=|<|>)/.exec(source.slice(i));
      if (!m) {
        const hint = ch === '=' ? ' (use == to compare)' : ch === '&' || ch === '|' ? ' (use and / or)' : '';
        return { message: `expected a value or an operator, found "${ch}"${hint}`, col };
      }
      tokens.push({ type: 'op', text: m[0], col });
      i += m[0].length;
    }
  }
  tokens.push({ type: 'end', text: 'the end of the condition', col: source.length + 1 });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.type !== 'end') throw this.error(`expected "and", "or" or the end, found "${t.text}"`, t);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.text === word;
  }
  private error(message: string, t: Token): { message: string; col: number } {
    return { message, col: t.col };
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'logic', op: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'logic', op: 'and', left, right: this.not() };
    }
    return left;
  }
  private not(): Expr {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', operand: this.not() };
    }
    return this.cmp();
  }
  private cmp(): Expr {
    const left = this.atom();
    const t = this.peek();
    if (t.type === 'op') {
      this.next();
      return { kind: 'compare', op: t.text as CompareOp, left, right: this.atom() };
    }
    return left;
  }
  private atom(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'num':
      case 'str':
        return { kind: 'literal', value: t.value! };
      case 'lparen': {
        const inner = this.or();
        const close = this.next();
        if (close.type !== 'rparen') throw this.error(`expected ")", found "${close.text}"`, close);
        return inner;
      }
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
        if (KEYWORDS.has(t.text)) throw this.error(`expected a value, found the keyword "${t.text}"`, t);
        return { kind: 'var', name: t.text, col: t.col };
      default:
        throw this.error(`expected a value, found "${t.text}"`, t);
    }
  }
}

export function parseExpression(source: string): ParseResult {
  const tokens = tokenise(source);
  if (!Array.isArray(tokens)) return { ok: false, ...tokens };
  try {
    return { ok: true, expr: new Parser(tokens).parse() };
  } catch (err) {
    const e = err as { message: string; col: number };
    return { ok: false, message: e.message, col: e.col };
  }
}

/** Variables an expression reads, with their columns (for "used before set" checks). */
export function variablesOf(expr: Expr): { name: string; col: number }[] {
  switch (expr.kind) {
    case 'literal':
      return [];
    case 'var':
      return [{ name: expr.name, col: expr.col }];
    case 'not':
      return variablesOf(expr.operand);
    default:
      return [...variablesOf(expr.left), ...variablesOf(expr.right)];
  }
}

function truthy(v: Value): boolean {
  return v !== null && v !== false && v !== 0 && v !== '';
}

/** Evaluates against remembered answers. A missing variable is null; comparing with null is false. */
export function evaluate(expr: Expr, vars: Record<string, Value>): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'var':
      // Own properties only: a variable named "constructor" must not reach Object.prototype.
      return Object.prototype.hasOwnProperty.call(vars, expr.name) ? vars[expr.name] ?? null : null;
    case 'not':
      return !truthy(evaluate(expr.operand, vars));
    case 'logic': {
      const left = truthy(evaluate(expr.left, vars));
      if (expr.op === 'and') return left && truthy(evaluate(expr.right, vars));
      return left || truthy(evaluate(expr.right, vars));
    }
    case 'compare': {
      const a = evaluate(expr.left, vars);
      const b = evaluate(expr.right, vars);
      if (expr.op === '==') return a === b;
      if (expr.op === '!=') return a !== b;
      if (a === null || b === null || typeof a !== typeof b) return false;
      if (expr.op === '<') return a < b;
      if (expr.op === '<=') return a <= b;
      if (expr.op === '>') return a > b;
      return a >= b;
    }
  }
}

export function isTrue(expr: Expr, vars: Record<string, Value>): boolean {
  return truthy(evaluate(expr, vars));
}
