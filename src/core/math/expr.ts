/**
 * A small immutable maths expression: what an explanation says, kept apart from how it is written. `toText` writes it
 * as the app has always shown it (`∂f/∂q`, `(-4)`), `toLatex` for KaTeX or a paper. Names of wires are data (`Sym`),
 * never markup: each renderer escapes them.
 */
export type BinaryOp =
  | '+' | '-' | '−' | '·' | '×' | '/' | '⊙' | '@' | ' '
  | '=' | '≥' | '>' | '≤' | '<' | '→' | ',';

export type Expr =
  /** A wire or variable, as the circuit names it: `q`, `f₁`, `W1[0,2]`, or the text of an unnamed expression. */
  | { readonly kind: 'sym'; readonly name: string }
  | { readonly kind: 'num'; readonly value: number }
  /** Prose, or a word inside a formula. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'partial'; readonly of: Expr; readonly wrt: Expr }
  /** `tight` writes the operator without spaces, as in the local gradient `b·a^(b-1)`. */
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly tight: boolean }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  /** `superscript` writes a small integer exponent as `x²` rather than `x^2`. */
  | { readonly kind: 'pow'; readonly base: Expr; readonly exp: Expr; readonly superscript: boolean }
  | { readonly kind: 'frac'; readonly num: Expr; readonly den: Expr }
  | { readonly kind: 'transpose'; readonly arg: Expr }
  | { readonly kind: 'index'; readonly base: Expr; readonly at: readonly number[] }
  | { readonly kind: 'group'; readonly inner: Expr }
  /** `[a ≥ b]`: 1 when the condition holds, else 0. */
  | { readonly kind: 'iverson'; readonly inner: Expr }
  | { readonly kind: 'sum'; readonly arg: Expr }
  /** A shape such as `2×3`; `grouped` writes thousands with commas (`4,096×4,096`). */
  | { readonly kind: 'dims'; readonly dims: readonly number[]; readonly grouped: boolean }
  /** A small vector or matrix written out, row by row. */
  | { readonly kind: 'tensor'; readonly values: readonly number[]; readonly shape: readonly number[] }
  /** Prose and maths side by side: one line of an explanation. */
  | { readonly kind: 'line'; readonly parts: readonly Expr[] };

export type Line = Extract<Expr, { kind: 'line' }>;

const make = <E extends Expr>(e: E): E => Object.freeze(e);

export const sym = (name: string) => make({ kind: 'sym', name });
export const num = (value: number) => make({ kind: 'num', value });
export const text = (s: string) => make({ kind: 'text', text: s });
export const partial = (of: Expr, wrt: Expr) => make({ kind: 'partial', of, wrt });
export const binary = (op: BinaryOp, left: Expr, right: Expr, tight = false) => make({ kind: 'binary', op, left, right, tight });
export const neg = (arg: Expr) => make({ kind: 'neg', arg });
export const call = (fn: string, ...args: Expr[]) => make({ kind: 'call', fn, args: Object.freeze(args) });
export const pow = (base: Expr, exp: Expr) => make({ kind: 'pow', base, exp, superscript: false });
export const squared = (base: Expr) => make({ kind: 'pow', base, exp: num(2), superscript: true });
export const frac = (numerator: Expr, den: Expr) => make({ kind: 'frac', num: numerator, den });
export const transpose = (arg: Expr) => make({ kind: 'transpose', arg });
export const index = (base: Expr, at: readonly number[]) => make({ kind: 'index', base, at: Object.freeze([...at]) });
export const group = (inner: Expr) => make({ kind: 'group', inner });
export const iverson = (inner: Expr) => make({ kind: 'iverson', inner });
export const sumOf = (arg: Expr) => make({ kind: 'sum', arg });
export const dims = (shape: readonly number[], grouped = false) => make({ kind: 'dims', dims: Object.freeze([...shape]), grouped });
export const tensor = (values: ArrayLike<number>, shape: readonly number[]) =>
  make({ kind: 'tensor', values: Object.freeze(Array.from(values)), shape: Object.freeze([...shape]) });

/** A line from its parts; a string is prose (an empty one is dropped), and a nested line is spliced in. */
export function line(...parts: (Expr | string)[]): Line {
  const flat: Expr[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      if (p) flat.push(text(p));
    } else if (p.kind === 'line') flat.push(...p.parts);
    else flat.push(p);
  }
  return make({ kind: 'line', parts: Object.freeze(flat) });
}

export const plus = (l: Expr, r: Expr, tight = false) => binary('+', l, r, tight);
export const minus = (l: Expr, r: Expr, tight = false) => binary('-', l, r, tight);
export const times = (l: Expr, r: Expr, tight = false) => binary('·', l, r, tight);
export const over = (l: Expr, r: Expr) => binary('/', l, r);

/** `a = b = c`, left to right, as a step's chain of equalities reads. */
export function equals(first: Expr, ...rest: Expr[]): Expr {
  return rest.reduce<Expr>((chain, next) => binary('=', chain, next), first);
}

/** A line break inside one explanation line (a term and where it adds up at a branch). */
export const BREAK = text('\n');
