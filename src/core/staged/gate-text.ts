/** What one gate's line is written from: its arguments and output as code, its folded constant, and literals. */
export interface Terms {
  readonly a: string;
  readonly b: string;
  readonly out: string;
  /** The folded constant as a literal (`2.0`, `(-1.0)`), and its value for choices made while writing. */
  readonly c: string;
  readonly cValue: number;
  /** Whether argument a is a number written in place (a constant), whose NaN-ness is then known. */
  readonly aIsLiteral: boolean;
  /** Writes a number in the program's language. */
  readonly lit: (v: number) => string;
}

export interface GateCode {
  readonly forward: (t: Terms) => string;
  /**
   * d(out)/d(argument i) as code, computing exactly what gates.ts's `local` computes. `1` and `-1` are written as
   * passing the gradient on and negating it, which gives the same numbers.
   */
  readonly local: (i: number, t: Terms) => string;
}

/** The text outside any parentheses or brackets: what decides how an expression binds. */
function topLevel(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** `local * upstream`, in that order as the engines compute it; a local that is not a plain product is parenthesized. */
export function times(local: string, upstream: string): string {
  if (local === '1') return upstream;
  if (local === '-1') return `-${upstream}`;
  const plainProduct = !/ [-+/] |[?:<>=|&~]| if | or | and /.test(topLevel(local));
  return plainProduct ? `${local} * ${upstream}` : `(${local}) * ${upstream}`;
}

/** Shortest text that reads back as the same double, as both languages print numbers; `-0` keeps its sign. */
function digits(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** A Python float literal: always a float (`2.0`, never the int `2`), which keeps NumPy arrays float too. */
export function pythonNumber(v: number, ns: 'math' | 'np'): string {
  if (Number.isNaN(v)) return `${ns}.nan`;
  if (!Number.isFinite(v)) return v > 0 ? `${ns}.inf` : `-${ns}.inf`;
  const s = digits(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

export function jsNumber(v: number): string {
  return digits(v);
}

/** A number inside an expression: negative ones in parentheses, so `x ** (-1.0)` and `(-2.0) ** x` read right. */
export const inExpression = (text: string) => (text.startsWith('-') ? `(${text})` : text);

/** The parts of a node's code a gate's line needs, from the plan's variables and the language's literals. */
export function termsOf(
  nodes: readonly { readonly kind: string; readonly c: number; readonly args: readonly number[] }[], g: number,
  ref: (i: number) => string, value: readonly string[], lit: (v: number) => string,
): Terms {
  const node = nodes[g] as (typeof nodes)[number];
  const [a, b] = node.args;
  return {
    a: a === undefined ? '' : ref(a), b: b === undefined ? '' : ref(b), out: value[g] as string,
    c: inExpression(lit(node.c)), cValue: node.c, aIsLiteral: a !== undefined && value[a] === '', lit: (v) => inExpression(lit(v)),
  };
}

/** `[2]` (an element of a vector), `[1]` (a row) or `[1, 0]`, from the flat offset the compiler kept in an index gate. */
export function indexOf(c: number, from: readonly number[], picksRow: boolean, separator: string): string {
  if (from.length < 2) return `[${c}]`;
  const cols = from[1] as number;
  const row = Math.floor(c / cols);
  return picksRow ? `[${row}]` : `[${row}${separator}${c % cols}]`;
}

/** One tensor gate's parts as code: its arguments, output and upstream gradient, and the shapes involved. */
export interface TensorTerms {
  readonly a: string;
  readonly b: string;
  readonly out: string;
  /** The upstream gradient: d(output)/d(this gate's output). */
  readonly g: string;
  readonly aShape: readonly number[];
  readonly bShape: readonly number[];
  /** The axis of a reduction (-1: all), or an index gate's text (`[2]`). */
  readonly axis: number;
  readonly index: string;
}

export interface TensorCode {
  readonly forward: (t: TensorTerms) => string;
  /** The gradient passed to argument i, in that argument's shape; an index gate's is added in place instead. */
  readonly backward: (i: number, t: TensorTerms) => string;
}
