import type { BinaryOp, Expr, Program, Statement } from './ast.ts';
import { arityOf, isFunctionName, type FuncName } from './functions.ts';
import { tokenize, type Token } from './lexer.ts';
import { LineMap, errorAt, type SourceError } from './position.ts';

export type ParseResult = { ok: true; program: Program } | { ok: false; error: SourceError };

/** Beyond this the app would freeze drawing anyway; the limit is documented in the README. */
export const MAX_SOURCE_LENGTH = 2_000_000;

/** One precedence table. Prefix signs bind tighter than * and looser than ^, so -x^2 = -(x^2) and x^-2 = x^(-2). */
const BINARY: Record<BinaryOp, { prec: number; right: boolean }> = {
  '+': { prec: 1, right: false },
  '-': { prec: 1, right: false },
  '*': { prec: 2, right: false },
  '/': { prec: 2, right: false },
  '^': { prec: 4, right: true },
};
const PREFIX_PREC = 3;

type Pending =
  | { kind: 'binary'; op: BinaryOp; token: Token }
  | { kind: 'prefix'; op: '-' | '+'; token: Token }
  | { kind: 'paren'; token: Token }
  | { kind: 'call'; func: FuncName; token: Token; firstArg: number };

class Failure {
  constructor(readonly error: SourceError) {}
}

export function describe(token: Token): string {
  if (token.kind === 'end') return 'end of input';
  if (token.kind === 'sep') return token.text === ';' ? "';'" : 'a new line';
  return `'${token.text}'`;
}

/** Parses a whole program. Iterative (an operator-precedence parser with explicit stacks), so nesting depth is bounded only by memory. */
export function parse(source: string): ParseResult {
  const lines = new LineMap(source);
  if (source.length > MAX_SOURCE_LENGTH) {
    return { ok: false, error: errorAt(lines.span(MAX_SOURCE_LENGTH, 1), `the formula is too long: expected at most ${MAX_SOURCE_LENGTH.toLocaleString('en-US')} characters but found ${source.length.toLocaleString('en-US')}`) };
  }
  const { tokens, error } = tokenize(source, lines);
  if (error) return { ok: false, error };
  try {
    return { ok: true, program: new Parser(tokens).program() };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }

  private fail(token: Token, message: string): never {
    throw new Failure(errorAt(token.span, message));
  }

  program(): Program {
    const statements: Statement[] = [];
    for (;;) {
      while (this.peek().kind === 'sep') this.pos++;
      if (this.peek().kind === 'end') break;
      statements.push(this.statement());
    }
    if (statements.length === 0) this.fail(this.peek(), 'expected a formula such as f = (x + y) * z but found end of input');
    return { statements };
  }

  private statement(): Statement {
    const first = this.peek();
    if (first.kind === 'name' && this.peek(1).text === '=' && this.peek(1).kind === 'op') {
      if (isFunctionName(first.text)) this.fail(first, `'${first.text}' is a function name and cannot be assigned: expected another name`);
      this.pos += 2;
      const startPos = this.pos;
      const expr = this.expression();
      const rhs = this.tokens.slice(startPos, this.pos);
      const declaresInput = (rhs.length === 1 && rhs[0]?.kind === 'number') ||
        (rhs.length === 2 && rhs[0]?.text === '-' && rhs[1]?.kind === 'number');
      return { target: { name: first.text, span: first.span }, expr, declaresInput };
    }
    return { expr: this.expression(), declaresInput: false };
  }

  /** Reads one expression up to a separator or the end of input. */
  private expression(): Expr {
    const operands: Expr[] = [];
    const pending: Pending[] = [];
    let expectOperand = true;

    const reduce = (p: Pending) => {
      if (p.kind === 'prefix') {
        const arg = operands.pop() as Expr;
        operands.push({ kind: 'unary', op: p.op, arg, span: p.token.span, start: p.token.span.offset, end: arg.end });
      } else if (p.kind === 'binary') {
        const right = operands.pop() as Expr;
        const left = operands.pop() as Expr;
        operands.push({ kind: 'binary', op: p.op, left, right, span: p.token.span, start: left.start, end: right.end });
      }
    };
    const reduceToMarker = () => {
      for (let top = pending.at(-1); top && (top.kind === 'binary' || top.kind === 'prefix'); top = pending.at(-1)) reduce(pending.pop() as Pending);
      return pending.at(-1);
    };

    for (;;) {
      const t = this.peek();
      if (expectOperand) {
        if (t.kind === 'number') {
          operands.push({ kind: 'number', value: t.value, span: t.span, start: t.span.offset, end: t.span.offset + t.span.length });
          expectOperand = false;
        } else if (t.kind === 'name') {
          const call = this.peek(1).text === '(' && this.peek(1).kind === 'op';
          if (call) {
            if (!isFunctionName(t.text)) this.fail(t, `unknown function '${t.text}': expected one of exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, max, min, pow`);
            pending.push({ kind: 'call', func: t.text, token: t, firstArg: operands.length });
            this.pos++;
          } else {
            if (isFunctionName(t.text)) this.fail(t, `'${t.text}' is a function: expected a call such as ${t.text}(${arityOf(t.text) === 2 ? 'a, b' : 'x'}) but found ${describe(this.peek(1))} after it`);
            operands.push({ kind: 'name', name: t.text, span: t.span, start: t.span.offset, end: t.span.offset + t.span.length });
            expectOperand = false;
          }
        } else if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
          pending.push({ kind: 'prefix', op: t.text, token: t });
        } else if (t.kind === 'op' && t.text === '(') {
          pending.push({ kind: 'paren', token: t });
        } else if (t.text === ')' && t.kind === 'op' && pending.at(-1)?.kind === 'call' && operands.length === (pending.at(-1) as { firstArg: number }).firstArg) {
          this.closeCall(pending.pop() as Extract<Pending, { kind: 'call' }>, operands, t);
          expectOperand = false;
        } else {
          this.fail(t, `expected a number, a name, '(' or a function call but found ${describe(t)}`);
        }
        this.pos++;
        continue;
      }

      if (t.kind === 'op' && t.text in BINARY && t.text !== '(') {
        const op = t.text as BinaryOp;
        const { prec, right } = BINARY[op];
        for (let top = pending.at(-1); top && (top.kind === 'binary' || top.kind === 'prefix'); top = pending.at(-1)) {
          const topPrec = top.kind === 'prefix' ? PREFIX_PREC : BINARY[top.op].prec;
          if (topPrec > prec || (topPrec === prec && !right)) reduce(pending.pop() as Pending);
          else break;
        }
        pending.push({ kind: 'binary', op, token: t });
        expectOperand = true;
      } else if (t.kind === 'op' && t.text === ')') {
        const marker = reduceToMarker();
        if (!marker) this.fail(t, "found ')' without a matching '(': expected an operator or the end of the statement");
        pending.pop();
        if (marker.kind === 'call') this.closeCall(marker, operands, t);
      } else if (t.kind === 'op' && t.text === ',') {
        const marker = reduceToMarker();
        if (marker?.kind !== 'call') this.fail(t, "found ',' outside a function call: expected an operator or the end of the statement");
        expectOperand = true;
      } else if (t.kind === 'sep' || t.kind === 'end') {
        const marker = reduceToMarker();
        if (marker) {
          const open = marker.token.span;
          const what = marker.kind === 'call' ? `${marker.func}(` : "'('";
          this.fail(t, `expected ')' to close ${what} opened at line ${open.line}, column ${open.column} but found ${describe(t)}`);
        }
        return operands[0] as Expr;
      } else {
        this.fail(t, `expected an operator or the end of the statement but found ${describe(t)}`);
      }
      this.pos++;
    }
  }

  private closeCall(call: Extract<Pending, { kind: 'call' }>, operands: Expr[], close: Token): void {
    const args = operands.splice(call.firstArg);
    const arity = arityOf(call.func);
    if (args.length !== arity) {
      this.fail(call.token, `${call.func} expects ${arity} argument${arity > 1 ? 's' : ''} but got ${args.length}`);
    }
    const span = call.token.span;
    operands.push({ kind: 'call', func: call.func, args, span, start: span.offset, end: close.span.offset + 1 });
  }
}
