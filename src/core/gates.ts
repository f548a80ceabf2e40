import {
  binary, call, frac, iverson, minus, neg, num, over, parens, plus, pow, squared, times, type Expr,
} from './math/index.ts';
import { formatConstant } from './number-format.ts';

/** Every gate the compiler can emit. Ops ending in `c` fold a constant `c` into the gate, as the slides draw `+1` and `*-1`. */
export type Op =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'max' | 'min'
  | 'neg' | 'addc' | 'subc' | 'rsubc' | 'mulc' | 'divc' | 'rdivc' | 'powc' | 'rpowc'
  | 'exp' | 'log' | 'sqrt' | 'abs' | 'sin' | 'cos' | 'tanh' | 'sigmoid' | 'relu';

/** What to write into a formula (names, or numbers): the inputs `a`, `b`, the constant `c` and the output `out`. */
export interface Terms {
  readonly a: Expr;
  readonly b: Expr;
  readonly c: Expr;
  readonly out: Expr;
}

export interface GateSpec {
  readonly op: Op;
  readonly arity: 1 | 2;
  /** The text inside the gate's circle. */
  readonly label: (c: number) => string;
  readonly forward: (a: number, b: number, c: number) => number;
  /** d(out)/d(input i), from the inputs, the constant and the output already computed. */
  readonly local: (i: number, a: number, b: number, c: number, out: number) => number;
  /** The forward computation as maths, e.g. `x + y`; `toText` writes it as the panel shows it. */
  readonly formula: (t: Terms) => Expr;
  /** The local gradient of input i as maths, e.g. `y` for the first input of `x * y`. */
  readonly localFormula: (i: number, t: Terms) => Expr;
  /** What the gate does to gradients, in words, for the explanation panel. */
  readonly pattern: string;
}

const k = formatConstant;
/** NOTE: a tie goes to the first argument, and NaN wins, so max/min never hide a NaN. */
const firstWins = (a: number, b: number, better: (a: number, b: number) => boolean) => Number.isNaN(a) || better(a, b) || (a === b);
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
const sign = (a: number) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN);
const ONE = num(1);
const MINUS_ONE = num(-1);
/** d(x^p)/dx = p·x^(p-1), written with the exponent as given (`p` unparenthesised inside `(p-1)`). */
const powerRule = (p: Expr, x: Expr, exponent: Expr) => times(p, pow(x, minus(exponent, ONE, true)), true);

const table: GateSpec[] = [
  { op: 'add', arity: 2, label: () => '+', forward: (a, b) => a + b, local: () => 1,
    formula: (t) => plus(t.a, parens(t.b)), localFormula: () => ONE,
    pattern: 'The add gate distributes: each input receives the upstream gradient unchanged.' },
  { op: 'sub', arity: 2, label: () => '−', forward: (a, b) => a - b, local: (i) => (i === 0 ? 1 : -1),
    formula: (t) => minus(t.a, parens(t.b)), localFormula: (i) => (i === 0 ? ONE : MINUS_ONE),
    pattern: 'The subtract gate passes the upstream gradient to its first input and its negative to the second.' },
  { op: 'mul', arity: 2, label: () => '*', forward: (a, b) => a * b, local: (i, a, b) => (i === 0 ? b : a),
    formula: (t) => times(parens(t.a), parens(t.b)), localFormula: (i, t) => (i === 0 ? t.b : t.a),
    pattern: "The mul gate switches: each input receives the upstream gradient times the other input's value." },
  { op: 'div', arity: 2, label: () => '/', forward: (a, b) => a / b, local: (i, a, b) => (i === 0 ? 1 / b : -a / (b * b)),
    formula: (t) => over(parens(t.a), parens(t.b)), localFormula: (i, t) => (i === 0 ? frac(ONE, parens(t.b)) : neg(frac(parens(t.a), squared(parens(t.b))))),
    pattern: 'The divide gate scales the gradient by 1/b for the numerator and by -a/b² for the denominator.' },
  { op: 'pow', arity: 2, label: () => '^', forward: (a, b) => a ** b,
    local: (i, a, b, _c, out) => (i === 0 ? (b === 0 ? 0 : b * a ** (b - 1)) : out * Math.log(a)),
    formula: (t) => pow(parens(t.a), parens(t.b)),
    localFormula: (i, t) => (i === 0 ? powerRule(parens(t.b), parens(t.a), t.b) : times(pow(parens(t.a), parens(t.b)), call('log', t.a), true)),
    pattern: 'The power gate: d(a^b)/da = b·a^(b-1) and d(a^b)/db = a^b·log(a).' },
  { op: 'max', arity: 2, label: () => 'max', forward: (a, b) => (firstWins(a, b, (x, y) => x > y) ? a : b),
    local: (i, a, b) => (firstWins(a, b, (x, y) => x > y) === (i === 0) ? 1 : 0),
    formula: (t) => call('max', t.a, t.b), localFormula: (i, t) => iverson(i === 0 ? binary('≥', t.a, t.b) : binary('>', t.b, t.a)),
    pattern: 'The max gate routes: the larger input receives all of the upstream gradient, the other receives 0.' },
  { op: 'min', arity: 2, label: () => 'min', forward: (a, b) => (firstWins(a, b, (x, y) => x < y) ? a : b),
    local: (i, a, b) => (firstWins(a, b, (x, y) => x < y) === (i === 0) ? 1 : 0),
    formula: (t) => call('min', t.a, t.b), localFormula: (i, t) => iverson(i === 0 ? binary('≤', t.a, t.b) : binary('<', t.b, t.a)),
    pattern: 'The min gate routes: the smaller input receives all of the upstream gradient, the other receives 0.' },
  { op: 'neg', arity: 1, label: () => '-x', forward: (a) => -a, local: () => -1,
    formula: (t) => neg(parens(t.a)), localFormula: () => MINUS_ONE,
    pattern: 'The negate gate flips the sign of the gradient.' },
  { op: 'addc', arity: 1, label: (c) => (c < 0 ? `+(${k(c)})` : `+${k(c)}`), forward: (a, _b, c) => a + c, local: () => 1,
    formula: (t) => plus(t.a, parens(t.c)), localFormula: () => ONE,
    pattern: 'Adding a constant passes the gradient through unchanged.' },
  { op: 'subc', arity: 1, label: (c) => `-${k(c)}`, forward: (a, _b, c) => a - c, local: () => 1,
    formula: (t) => minus(t.a, parens(t.c)), localFormula: () => ONE,
    pattern: 'Subtracting a constant passes the gradient through unchanged.' },
  { op: 'rsubc', arity: 1, label: (c) => `${k(c)}-x`, forward: (a, _b, c) => c - a, local: () => -1,
    formula: (t) => minus(t.c, parens(t.a)), localFormula: () => MINUS_ONE,
    pattern: 'Subtracting from a constant flips the sign of the gradient.' },
  { op: 'mulc', arity: 1, label: (c) => `*${k(c)}`, forward: (a, _b, c) => a * c, local: (_i, _a, _b, c) => c,
    formula: (t) => times(t.c, parens(t.a)), localFormula: (_i, t) => t.c,
    pattern: 'Multiplying by a constant scales the gradient by that constant.' },
  { op: 'divc', arity: 1, label: (c) => `/${k(c)}`, forward: (a, _b, c) => a / c, local: (_i, _a, _b, c) => 1 / c,
    formula: (t) => over(parens(t.a), t.c), localFormula: (_i, t) => frac(ONE, t.c),
    pattern: 'Dividing by a constant scales the gradient by its reciprocal.' },
  { op: 'rdivc', arity: 1, label: (c) => (c === 1 ? '1/x' : `${k(c)}/x`), forward: (a, _b, c) => c / a,
    local: (_i, a, _b, c) => -c / (a * a),
    formula: (t) => over(t.c, parens(t.a)), localFormula: (_i, t) => neg(frac(t.c, squared(parens(t.a)))),
    pattern: 'The reciprocal gate: d(1/x)/dx = -1/x².' },
  { op: 'powc', arity: 1, label: (c) => `^${k(c)}`, forward: (a, _b, c) => a ** c,
    local: (_i, a, _b, c) => (c === 0 ? 0 : c * a ** (c - 1)),
    formula: (t) => pow(parens(t.a), t.c), localFormula: (_i, t) => powerRule(t.c, parens(t.a), t.c),
    pattern: 'The power rule: d(x^c)/dx = c·x^(c-1).' },
  { op: 'rpowc', arity: 1, label: (c) => `${k(c)}^x`, forward: (a, _b, c) => c ** a, local: (_i, _a, _b, c, out) => out * Math.log(c),
    formula: (t) => pow(t.c, parens(t.a)), localFormula: (_i, t) => times(pow(t.c, parens(t.a)), call('log', t.c), true),
    pattern: 'An exponential with constant base: d(c^x)/dx = c^x·log(c).' },
  { op: 'exp', arity: 1, label: () => 'exp', forward: Math.exp, local: (_i, _a, _b, _c, out) => out,
    formula: (t) => call('exp', t.a), localFormula: (_i, t) => call('exp', t.a),
    pattern: "The exp gate's local gradient is its own output, e^x." },
  { op: 'log', arity: 1, label: () => 'log', forward: Math.log, local: (_i, a) => 1 / a,
    formula: (t) => call('log', t.a), localFormula: (_i, t) => frac(ONE, parens(t.a)),
    pattern: 'The log gate scales the gradient by 1/x.' },
  { op: 'sqrt', arity: 1, label: () => '√', forward: Math.sqrt, local: (_i, _a, _b, _c, out) => 0.5 / out,
    formula: (t) => call('sqrt', t.a), localFormula: (_i, t) => frac(ONE, times(num(2), call('sqrt', t.a), true)),
    pattern: 'The square-root gate scales the gradient by 1/(2√x).' },
  { op: 'abs', arity: 1, label: () => 'abs', forward: Math.abs, local: (_i, a) => sign(a),
    formula: (t) => call('abs', t.a), localFormula: (_i, t) => call('sign', t.a),
    pattern: 'The abs gate passes the gradient for positive inputs, flips it for negative ones, and gives 0 at 0.' },
  { op: 'sin', arity: 1, label: () => 'sin', forward: Math.sin, local: (_i, a) => Math.cos(a),
    formula: (t) => call('sin', t.a), localFormula: (_i, t) => call('cos', t.a), pattern: 'd(sin x)/dx = cos x.' },
  { op: 'cos', arity: 1, label: () => 'cos', forward: Math.cos, local: (_i, a) => -Math.sin(a),
    formula: (t) => call('cos', t.a), localFormula: (_i, t) => neg(call('sin', t.a)), pattern: 'd(cos x)/dx = -sin x.' },
  { op: 'tanh', arity: 1, label: () => 'tanh', forward: Math.tanh, local: (_i, _a, _b, _c, out) => 1 - out * out,
    formula: (t) => call('tanh', t.a), localFormula: (_i, t) => minus(ONE, squared(t.out)), pattern: 'd(tanh x)/dx = 1 - tanh²x, from its own output.' },
  { op: 'sigmoid', arity: 1, label: () => 'σ', forward: sigmoid, local: (_i, _a, _b, _c, out) => (1 - out) * out,
    formula: (t) => call('σ', t.a), localFormula: (_i, t) => times(minus(ONE, t.out), t.out, true),
    pattern: 'The sigmoid gate groups *-1, exp, +1 and 1/x into one: its local gradient is (1 - σ)·σ, from its own output.' },
  { op: 'relu', arity: 1, label: () => 'relu', forward: (a) => (a > 0 ? a : Number.isNaN(a) ? a : 0), local: (_i, a) => (a > 0 ? 1 : Number.isNaN(a) ? NaN : 0),
    formula: (t) => call('max', num(0), t.a), localFormula: (_i, t) => iverson(binary('>', t.a, num(0))),
    pattern: 'The relu gate routes: the gradient passes where the input is positive and is 0 elsewhere.' },
];

export const GATES: ReadonlyMap<Op, GateSpec> = new Map(table.map((g) => [g.op, g]));
/** The same table, indexed by a small integer, for the typed-array engine. */
export const GATE_LIST: readonly GateSpec[] = table;
export const opIndex: ReadonlyMap<Op, number> = new Map(table.map((g, i) => [g.op, i]));

export function gate(op: Op): GateSpec {
  const spec = GATES.get(op);
  if (!spec) throw new Error(`no gate '${op}'`);
  return spec;
}
