import type { BinaryOp, Expr, Program, Statement } from './ast.ts';
import { arityOf, isFunctionName, type FuncName } from './functions.ts';
import { LexError, Lexer, type Token } from './lexer.ts';
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
  const statements: Statement[] = [];
  const error = parseEach(source, (s) => statements.push(s));
  return error ? { ok: false, error } : { ok: true, program: { statements } };
}

/**
 * Parses statement by statement, handing each to `visit` as soon as it is read, and returns the first error if any.
 * A compiler that visits can let each statement's tree go at once: a long program is never held whole.
 */
export function parseEach(source: string, visit: (statement: Statement) => void): SourceError | undefined {
  const lines = new LineMap(source);
  if (source.length > MAX_SOURCE_LENGTH) {
    return errorAt(lines.span(MAX_SOURCE_LENGTH, 1), `the formula is too long: expected at most ${MAX_SOURCE_LENGTH.toLocaleString('en-US')} characters but found ${source.length.toLocaleString('en-US')}`);
  }
  try {
    new Parser(new Lexer(source, lines)).program(visit);
    return undefined;
  } catch (e) {
    if (e instanceof Failure || e instanceof LexError) return e.error;
    throw e;
  }
}

class Parser {
  private current: Token;
  private following: Token | undefined;
  /** The token consumed last, and how many have been: enough to recognise a right side that is `-?NUMBER`. */
  private last: Token | undefined;
  private consumed = 0;
  // The expression stacks, kept between statements: a long program allocates them once.
  private readonly operands: Expr[] = [];
  /** Each operand's extent counting the parentheses around it: a parent's text covers them, the operand's own does not. */
  private readonly outerStart: number[] = [];
  private readonly outerEnd: number[] = [];
  private readonly pending: Pending[] = [];

  constructor(private readonly lexer: Lexer) {
    this.current = lexer.next();
  }

  /** The current token or the one after it. Looks no further, so a bad character is met where it stands. */
  private peek(ahead: 0 | 1 = 0): Token {
    if (ahead === 0 || this.current.kind === 'end') return this.current;
    this.following ??= this.lexer.next();
    return this.following;
  }

  private advance(): void {
    if (this.current.kind === 'end') return;
    this.last = this.current;
    this.current = this.following ?? this.lexer.next();
    this.following = undefined;
    this.consumed++;
  }

  private fail(token: Token, message: string): never {
    throw new Failure(errorAt(token.span, message));
  }

  program(visit: (statement: Statement) => void): void {
    let count = 0;
    for (;;) {
      while (this.peek().kind === 'sep') this.advance();
      if (this.peek().kind === 'end') break;
      visit(this.statement());
      count++;
    }
    if (count === 0) this.fail(this.peek(), 'expected a formula such as f = (x + y) * z but found end of input');
  }

  private statement(): Statement {
    const first = this.peek();
    if (first.kind === 'name' && this.peek(1).text === '=' && this.peek(1).kind === 'op') {
      if (isFunctionName(first.text)) this.fail(first, `'${first.text}' is a function name and cannot be assigned: expected another name`);
      this.advance();
      this.advance();
      const rhs = this.peek();
      const before = this.consumed;
      const expr = this.expression();
      const length = this.consumed - before;
      const declaresInput = (length === 1 && rhs.kind === 'number') ||
        (length === 2 && rhs.text === '-' && this.last?.kind === 'number');
      return { target: { name: first.text, span: first.span }, expr, declaresInput };
    }
    return { expr: this.expression(), declaresInput: false };
  }

  private push(e: Expr): void {
    this.operands.push(e);
    this.outerStart.push(e.start);
    this.outerEnd.push(e.end);
  }

  private takeArgs(first: number): Expr[] {
    this.outerStart.length = first;
    this.outerEnd.length = first;
    return this.operands.splice(first);
  }

  private reduce(p: Pending): void {
    const { operands, outerStart, outerEnd } = this;
    if (p.kind === 'prefix') {
      outerStart.pop();
      const end = outerEnd.pop() as number;
      const arg = operands.pop() as Expr;
      this.push({ kind: 'unary', op: p.op, arg, span: p.token.span, start: p.token.span.offset, end });
    } else if (p.kind === 'binary') {
      outerStart.pop();
      const end = outerEnd.pop() as number;
      const right = operands.pop() as Expr;
      const start = outerStart.pop() as number;
      outerEnd.pop();
      const left = operands.pop() as Expr;
      this.push({ kind: 'binary', op: p.op, left, right, span: p.token.span, start, end });
    }
  }

  /** Reduces operators down to the innermost open parenthesis or call, and returns it. */
  private reduceToMarker(): Pending | undefined {
    const { pending } = this;
    for (let top = pending.at(-1); top && (top.kind === 'binary' || top.kind === 'prefix'); top = pending.at(-1)) this.reduce(pending.pop() as Pending);
    return pending.at(-1);
  }

  /** Reads one expression up to a separator or the end of input. */
  private expression(): Expr {
    const { operands, outerStart, outerEnd, pending } = this;
    operands.length = 0;
    outerStart.length = 0;
    outerEnd.length = 0;
    pending.length = 0;
    let expectOperand = true;

    for (;;) {
      const t = this.peek();
      if (expectOperand) {
        if (t.kind === 'number') {
          this.push({ kind: 'number', value: t.value, span: t.span, start: t.span.offset, end: t.span.offset + t.span.length });
          expectOperand = false;
        } else if (t.kind === 'name') {
          const call = this.peek(1).text === '(' && this.peek(1).kind === 'op';
          if (call) {
            if (!isFunctionName(t.text)) this.fail(t, `unknown function '${t.text}': expected one of exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, max, min, pow`);
            pending.push({ kind: 'call', func: t.text, token: t, firstArg: operands.length });
            this.advance();
          } else {
            if (isFunctionName(t.text)) this.fail(t, `'${t.text}' is a function: expected a call such as ${t.text}(${arityOf(t.text) === 2 ? 'a, b' : 'x'}) but found ${describe(this.peek(1))} after it`);
            this.push({ kind: 'name', name: t.text, span: t.span, start: t.span.offset, end: t.span.offset + t.span.length });
            expectOperand = false;
          }
        } else if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
          pending.push({ kind: 'prefix', op: t.text, token: t });
        } else if (t.kind === 'op' && t.text === '(') {
          pending.push({ kind: 'paren', token: t });
        } else if (t.text === ')' && t.kind === 'op' && pending.at(-1)?.kind === 'call' && operands.length === (pending.at(-1) as { firstArg: number }).firstArg) {
          this.push(this.closeCall(pending.pop() as Extract<Pending, { kind: 'call' }>, [], t));
          expectOperand = false;
        } else {
          this.fail(t, `expected a number, a name, '(' or a function call but found ${describe(t)}`);
        }
        this.advance();
        continue;
      }

      if (t.kind === 'op' && t.text in BINARY && t.text !== '(') {
        const op = t.text as BinaryOp;
        const { prec, right } = BINARY[op];
        for (let top = pending.at(-1); top && (top.kind === 'binary' || top.kind === 'prefix'); top = pending.at(-1)) {
          const topPrec = top.kind === 'prefix' ? PREFIX_PREC : BINARY[top.op].prec;
          if (topPrec > prec || (topPrec === prec && !right)) this.reduce(pending.pop() as Pending);
          else break;
        }
        pending.push({ kind: 'binary', op, token: t });
        expectOperand = true;
      } else if (t.kind === 'op' && t.text === ')') {
        const marker = this.reduceToMarker();
        if (!marker) this.fail(t, "found ')' without a matching '(': expected an operator or the end of the statement");
        pending.pop();
        if (marker.kind === 'call') this.push(this.closeCall(marker, this.takeArgs(marker.firstArg), t));
        else {
          outerStart[outerStart.length - 1] = marker.token.span.offset;
          outerEnd[outerEnd.length - 1] = t.span.offset + 1;
        }
      } else if (t.kind === 'op' && t.text === ',') {
        const marker = this.reduceToMarker();
        if (marker?.kind !== 'call') this.fail(t, "found ',' outside a function call: expected an operator or the end of the statement");
        expectOperand = true;
      } else if (t.kind === 'sep' || t.kind === 'end') {
        const marker = this.reduceToMarker();
        if (marker) {
          const open = marker.token.span;
          const what = marker.kind === 'call' ? `${marker.func}(` : "'('";
          this.fail(t, `expected ')' to close ${what} opened at line ${open.line}, column ${open.column} but found ${describe(t)}`);
        }
        return operands[0] as Expr;
      } else {
        this.fail(t, `expected an operator or the end of the statement but found ${describe(t)}`);
      }
      this.advance();
    }
  }

  private closeCall(call: Extract<Pending, { kind: 'call' }>, args: Expr[], close: Token): Expr {
    const arity = arityOf(call.func);
    if (args.length !== arity) {
      this.fail(call.token, `${call.func} expects ${arity} argument${arity > 1 ? 's' : ''} but got ${args.length}`);
    }
    const span = call.token.span;
    return { kind: 'call', func: call.func, args, span, start: span.offset, end: close.span.offset + 1 };
  }
}
