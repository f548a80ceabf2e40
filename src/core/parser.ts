import type { BinaryOp, Expr, IndexLiteral, Program, Statement } from './ast.ts';
import { FUNCTION_LIST, GENERATORS, arityOf, isFunctionName, type FuncName } from './functions.ts';
import { LexError, Lexer, type Token } from './lexer.ts';
import { LineMap, errorAt, type SourceError } from './position.ts';
import { findHidden, hiddenMessage } from './unicode/hidden.ts';

export type ParseResult = { ok: true; program: Program } | { ok: false; error: SourceError };

/** Beyond this the app would freeze drawing anyway; the limit is documented in the README. */
export const MAX_SOURCE_LENGTH = 2_000_000;

/**
 * One precedence table. Prefix signs bind tighter than * and looser than ^, so -x^2 = -(x^2) and x^-2 = x^(-2).
 * Postfix `[i]` and `.T` bind tightest of all: they apply to the operand just read, so -v[0]^2 = -((v[0])^2).
 */
const BINARY: Record<BinaryOp, { prec: number; right: boolean }> = {
  '+': { prec: 1, right: false },
  '-': { prec: 1, right: false },
  '*': { prec: 2, right: false },
  '/': { prec: 2, right: false },
  '@': { prec: 2, right: false },
  '^': { prec: 4, right: true },
};
const PREFIX_PREC = 3;

/** Inside '[ ]', one of these after a number means an expression was written where only a plain number may stand. */
const CONTINUES_EXPRESSION = new Set(['+', '-', '*', '/', '^', '@', '(', '.']);
const A_NUMBER = 'a number such as 2, -1.5 or 1e-3';
const AN_INDEX = 'a whole-number index such as 0, 1 or -1 (counting from the end)';

const isOp = (t: Token, text: string) => t.kind === 'op' && t.text === text;
const opened = (open: Token) => `'${open.text}' opened at line ${open.span.line}, column ${open.span.column}`;
/** A literal as written, sign included, for a message; `t` need not be a number. */
const signed = (sign: Token | undefined, t: Token) =>
  !sign ? describe(t) : t.kind === 'number' ? `'${sign.text}${t.text}'` : `'${sign.text}' followed by ${describe(t)}`;

function argumentCount(func: FuncName): string {
  const [fewest, most] = arityOf(func);
  return `${fewest === most ? fewest : `${fewest} or ${most}`} argument${most > 1 ? 's' : ''}`;
}

function exampleCall(func: FuncName): string {
  const [fewest, most] = arityOf(func);
  if (GENERATORS.has(func)) return `${func}(3) or ${func}(2, 3)`;
  if (fewest === 2) return `${func}(a, b)`;
  return most === 2 ? `${func}(x) or ${func}(x, 0)` : `${func}(x)`;
}

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
  const hidden = findHidden(source);
  if (hidden) return errorAt(lines.span(hidden.index, hidden.length), hiddenMessage(hidden, 'anywhere in a formula, comments included'));
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
      // A right side in parentheses is an intermediate, as `z = (5)` always was: hence the checks on its first token.
      const declaresInput = (length === 1 && rhs.kind === 'number') ||
        (length === 2 && rhs.text === '-' && this.last?.kind === 'number') ||
        (expr.kind === 'array' && isOp(rhs, '[')) ||
        (expr.kind === 'call' && GENERATORS.has(expr.func) && rhs.kind === 'name');
      return { target: { name: first.text, span: first.span }, expr, declaresInput };
    }
    return { expr: this.expression(), declaresInput: false };
  }

  private push(e: Expr): void {
    this.operands.push(e);
    this.outerStart.push(e.start);
    this.outerEnd.push(e.end);
  }

  /** The operand a postfix applies to: the last one read, and where it starts counting its parentheses. */
  private popOperand(): { arg: Expr; start: number } {
    this.outerEnd.pop();
    return { arg: this.operands.pop() as Expr, start: this.outerStart.pop() as number };
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
            if (!isFunctionName(t.text)) this.fail(t, `unknown function '${t.text}': expected one of ${FUNCTION_LIST}`);
            pending.push({ kind: 'call', func: t.text, token: t, firstArg: operands.length });
            this.advance();
          } else {
            if (isFunctionName(t.text)) this.fail(t, `'${t.text}' is a function: expected a call such as ${exampleCall(t.text)} but found ${describe(this.peek(1))} after it`);
            this.push({ kind: 'name', name: t.text, span: t.span, start: t.span.offset, end: t.span.offset + t.span.length });
            expectOperand = false;
          }
        } else if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
          pending.push({ kind: 'prefix', op: t.text, token: t });
        } else if (t.kind === 'op' && t.text === '(') {
          pending.push({ kind: 'paren', token: t });
        } else if (isOp(t, '[')) {
          this.push(this.array(t));
          expectOperand = false;
          continue; // array() has read through its ']'
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
      } else if (isOp(t, '[')) {
        this.push(this.index(t));
        continue; // index() has read through its ']'
      } else if (isOp(t, '.')) {
        const after = this.peek(1);
        if (after.kind !== 'name' || after.text !== 'T') this.fail(t, `expected 'T' after '.' (as in M.T) but found ${describe(after)}`);
        const { arg, start } = this.popOperand();
        this.push({ kind: 'transpose', arg, span: t.span, start, end: after.span.offset + 1 });
        this.advance(); // the '.'; the 'T' is read below
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
    const [fewest, most] = arityOf(call.func);
    if (args.length < fewest || args.length > most) this.fail(call.token, `${call.func} expects ${argumentCount(call.func)} but got ${args.length}`);
    const span = call.token.span;
    return { kind: 'call', func: call.func, args, span, start: span.offset, end: close.span.offset + 1 };
  }

  /** After an element inside '[ ]': true past a ',', false past the closing ']'. */
  private listGoesOn(open: Token): boolean {
    const t = this.peek();
    if (isOp(t, ',') || isOp(t, ']')) {
      this.advance();
      return t.text === ',';
    }
    this.fail(t, `expected ',' or ']' to close ${opened(open)} but found ${describe(t)}`);
  }

  /** `[1, 2]` or `[[1, 2], [3, 4]]`, read through its last ']'. Two levels at most, so a loop over rows does; values go row by row. */
  private array(open: Token): Expr {
    this.advance();
    const values: number[] = [];
    let shape: number[];
    if (!isOp(this.peek(), '[')) {
      this.numbers(open, values, false);
      shape = [values.length];
    } else {
      let rows = 0;
      let columns = 0;
      do {
        const row = this.peek();
        if (!isOp(row, '[')) this.fail(row, `expected a row such as [1, 2], as the first element of this matrix is, but found ${describe(row)}`);
        this.advance();
        this.numbers(row, values, true);
        const length = values.length - rows * columns;
        if (rows === 0) columns = length;
        else if (length !== columns) {
          const elements = (n: number) => `${n} element${n === 1 ? '' : 's'}`;
          this.fail(row, `row ${rows + 1} has ${elements(length)} but row 1 has ${columns}: expected every row of a matrix to have the same length`);
        }
        rows++;
      } while (this.listGoesOn(open));
      shape = [rows, columns];
    }
    const close = this.last as Token;
    return { kind: 'array', shape, values, span: open.span, start: open.span.offset, end: close.span.offset + 1 };
  }

  /** The signed numbers of a vector or of one matrix row, whose '[' is read, through its ']'. */
  private numbers(open: Token, values: number[], inRow: boolean): void {
    if (isOp(this.peek(), ']')) this.fail(open, "expected at least one number between '[' and ']' but found an empty array");
    do {
      const first = this.peek();
      const sign = isOp(first, '-') || isOp(first, '+') ? first : undefined;
      if (sign) this.advance();
      const t = this.peek();
      if (t.kind !== 'number') {
        if (!sign && isOp(t, '[')) {
          this.fail(t, inRow
            ? `expected ${A_NUMBER} but found '[': an array has at most two levels of brackets, as in [[1, 2], [3, 4]]`
            : `expected ${A_NUMBER}, as the first element of this vector is, but found '[': a matrix is written [[1, 2], [3, 4]]`);
        }
        this.fail(first, `expected ${A_NUMBER} as an array element but found ${signed(sign, t)}`);
      }
      this.advance();
      const after = this.peek();
      if (after.kind === 'op' && CONTINUES_EXPRESSION.has(after.text)) {
        this.fail(first, `expected ${A_NUMBER} as an array element but found ${signed(sign, t)} followed by ${describe(after)}: array elements are plain numbers, not expressions`);
      }
      values.push(sign?.text === '-' ? -t.value : t.value);
    } while (this.listGoesOn(open));
  }

  /** `v[i]` or `M[i, j]` applied to the last operand, read through its ']'. Range and shape are the compiler's to check. */
  private index(open: Token): Expr {
    this.advance();
    const indices: IndexLiteral[] = [];
    do {
      if (indices.length === 2) this.fail(open, 'too many indices: expected at most 2 indices (row, column) but found a third');
      indices.push(this.indexLiteral());
    } while (this.listGoesOn(open));
    const { arg, start } = this.popOperand();
    const close = this.last as Token;
    return { kind: 'index', arg, indices, span: open.span, start, end: close.span.offset + 1 };
  }

  private indexLiteral(): IndexLiteral {
    const first = this.peek();
    const minus = isOp(first, '-') ? first : undefined;
    if (minus) this.advance();
    const t = this.peek();
    if (t.kind !== 'number' || !/^[0-9]+$/.test(t.text)) {
      const hint = t.kind === 'name' ? ': an index is a number written out, not a name' : '';
      this.fail(first, `expected ${AN_INDEX} but found ${signed(minus, t)}${hint}`);
    }
    this.advance();
    const after = this.peek();
    if (after.kind === 'op' && CONTINUES_EXPRESSION.has(after.text)) {
      this.fail(first, `expected ${AN_INDEX} but found ${signed(minus, t)} followed by ${describe(after)}: an index is a plain number, not an expression`);
    }
    const span = { ...first.span, length: t.span.offset + t.span.length - first.span.offset };
    return { value: minus ? 0 - t.value : t.value, span }; // 0 - 0 is +0, so -0 reads as 0
  }
}
