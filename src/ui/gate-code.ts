import type { GateOp } from '../core/index.ts';

/**
 * What the code of a gate is written from: its inputs' names `a` and `b`, its constant `c` (parenthesised when
 * negative), its output's name, its label (`[1]` for an index) and its inputs' ranks (0 scalar, 1 vector, 2 matrix).
 */
export interface CodeTerms {
  readonly a: string;
  readonly b: string;
  readonly c: string;
  readonly out: string;
  readonly label: string;
  readonly ranks: readonly number[];
}

/** What forward keeps for backward: an input, or its own output. */
export type Kept = 'a' | 'b' | 'out';

/** A gate as the lecture writes one: a class whose forward computes and keeps, and whose backward returns each input's gradient. */
export interface GateCode {
  readonly className: string;
  readonly forward: (t: CodeTerms) => string;
  readonly keep: readonly Kept[];
  /** Input i's gradient: names in `t` are the kept values (`self.x`), `d` the upstream gradient's name. */
  readonly backward: (i: number, t: CodeTerms, d: string) => string;
  /** A statement after the assignment, for a gradient that is built in two steps (`dx = zeros_like(x)`, then one element). */
  readonly then?: (grad: string, t: CodeTerms, d: string) => string;
}

const entry = (className: string, forward: GateCode['forward'], keep: readonly Kept[], backward: GateCode['backward'], then?: GateCode['then']): GateCode =>
  ({ className, forward, keep, backward, ...(then ? { then } : {}) });

/** NOTE: `@` on vectors is NumPy's: a vector times a matrix, a matrix times a vector, or a dot product. */
function matmulBackward(i: number, t: CodeTerms, d: string): string {
  const [ra = 2, rb = 2] = t.ranks;
  if (ra === 1 && rb === 1) return i === 0 ? `${t.b} * ${d}` : `${t.a} * ${d}`;
  if (rb === 1) return i === 0 ? `outer(${d}, ${t.b})` : `${t.a}.T @ ${d}`;
  if (ra === 1) return i === 0 ? `${t.b} @ ${d}` : `outer(${t.a}, ${d})`;
  return i === 0 ? `${d} @ ${t.b}.T` : `${t.a}.T @ ${d}`;
}

/** A reduction's constant is its axis, -1 (written `(-1)`) for all of it. */
const axis = (t: CodeTerms) => (t.c.startsWith('(') ? '' : `, axis=${t.c}`);
/** The upstream gradient of a reduction, shaped to stretch back over what was reduced. */
const spread = (t: CodeTerms, d: string) => `ones_like(${t.a}) * ${d}${t.c === '1' ? '[:, None]' : ''}`;
const count = (t: CodeTerms) => (t.c.startsWith('(') ? `${t.a}.size` : `${t.a}.shape[${t.c}]`);

const table: [GateOp, GateCode][] = [
  ['add', entry('AddGate', (t) => `${t.a} + ${t.b}`, [], (_i, _t, d) => d)],
  ['sub', entry('SubtractGate', (t) => `${t.a} - ${t.b}`, [], (i, _t, d) => (i === 0 ? d : `-${d}`))],
  ['mul', entry('MultiplyGate', (t) => `${t.a} * ${t.b}`, ['a', 'b'], (i, t, d) => `${i === 0 ? t.b : t.a} * ${d}`)],
  ['div', entry('DivideGate', (t) => `${t.a} / ${t.b}`, ['a', 'b'], (i, t, d) => (i === 0 ? `${d} / ${t.b}` : `-${t.a} / ${t.b}**2 * ${d}`))],
  ['pow', entry('PowerGate', (t) => `${t.a} ** ${t.b}`, ['a', 'b', 'out'],
    (i, t, d) => (i === 0 ? `${t.b} * ${t.a} ** (${t.b} - 1) * ${d}` : `${t.out} * log(${t.a}) * ${d}`))],
  ['max', entry('MaxGate', (t) => `max(${t.a}, ${t.b})`, ['a', 'b'], (i, t, d) => (i === 0 ? `(${t.a} >= ${t.b}) * ${d}` : `(${t.b} > ${t.a}) * ${d}`))],
  ['min', entry('MinGate', (t) => `min(${t.a}, ${t.b})`, ['a', 'b'], (i, t, d) => (i === 0 ? `(${t.a} <= ${t.b}) * ${d}` : `(${t.b} < ${t.a}) * ${d}`))],
  ['neg', entry('NegateGate', (t) => `-${t.a}`, [], (_i, _t, d) => `-${d}`)],
  ['addc', entry('AddConstantGate', (t) => `${t.a} + ${t.c}`, [], (_i, _t, d) => d)],
  ['subc', entry('SubtractConstantGate', (t) => `${t.a} - ${t.c}`, [], (_i, _t, d) => d)],
  ['rsubc', entry('SubtractFromConstantGate', (t) => `${t.c} - ${t.a}`, [], (_i, _t, d) => `-${d}`)],
  ['mulc', entry('ScaleGate', (t) => `${t.c} * ${t.a}`, [], (_i, t, d) => `${t.c} * ${d}`)],
  ['divc', entry('DivideByConstantGate', (t) => `${t.a} / ${t.c}`, [], (_i, t, d) => `${d} / ${t.c}`)],
  ['rdivc', entry('ReciprocalGate', (t) => `${t.c} / ${t.a}`, ['a'], (_i, t, d) => `-${t.c} / ${t.a}**2 * ${d}`)],
  ['powc', entry('PowerConstantGate', (t) => `${t.a} ** ${t.c}`, ['a'], (_i, t, d) => `${t.c} * ${t.a} ** (${t.c} - 1) * ${d}`)],
  ['rpowc', entry('ConstantPowerGate', (t) => `${t.c} ** ${t.a}`, ['out'], (_i, t, d) => `${t.out} * log(${t.c}) * ${d}`)],
  ['exp', entry('ExpGate', (t) => `exp(${t.a})`, ['out'], (_i, t, d) => `${t.out} * ${d}`)],
  ['log', entry('LogGate', (t) => `log(${t.a})`, ['a'], (_i, t, d) => `${d} / ${t.a}`)],
  ['sqrt', entry('SqrtGate', (t) => `sqrt(${t.a})`, ['out'], (_i, t, d) => `${d} / (2 * ${t.out})`)],
  ['abs', entry('AbsGate', (t) => `abs(${t.a})`, ['a'], (_i, t, d) => `sign(${t.a}) * ${d}`)],
  ['sin', entry('SinGate', (t) => `sin(${t.a})`, ['a'], (_i, t, d) => `cos(${t.a}) * ${d}`)],
  ['cos', entry('CosGate', (t) => `cos(${t.a})`, ['a'], (_i, t, d) => `-sin(${t.a}) * ${d}`)],
  ['tanh', entry('TanhGate', (t) => `tanh(${t.a})`, ['out'], (_i, t, d) => `(1 - ${t.out}**2) * ${d}`)],
  ['sigmoid', entry('SigmoidGate', (t) => `1 / (1 + exp(-${t.a}))`, ['out'], (_i, t, d) => `(1 - ${t.out}) * ${t.out} * ${d}`)],
  ['relu', entry('ReluGate', (t) => `max(0, ${t.a})`, ['a'], (_i, t, d) => `(${t.a} > 0) * ${d}`)],
  ['matmul', entry('MatMulGate', (t) => `${t.a} @ ${t.b}`, ['a', 'b'], matmulBackward)],
  ['sum', entry('SumGate', (t) => `sum(${t.a}${axis(t)})`, ['a'], (_i, t, d) => spread(t, d))],
  ['mean', entry('MeanGate', (t) => `mean(${t.a}${axis(t)})`, ['a'], (_i, t, d) => `${spread(t, d)} / ${count(t)}`)],
  ['softmax', entry('SoftmaxGate', (t) => `softmax(${t.a})`, ['out'], (_i, t, d) => `${t.out} * (${d} - (${d} * ${t.out}).sum(-1, keepdims=True))`)],
  ['transpose', entry('TransposeGate', (t) => `${t.a}.T`, [], (_i, _t, d) => `${d}.T`)],
  ['index', entry('IndexGate', (t) => `${t.a}${t.label}`, ['a'], (_i, t) => `zeros_like(${t.a})`,
    (grad, t, d) => `${grad}${t.label} = ${d}`)],
];

/** Every gate the compiler emits, scalar and tensor, with its code. */
export const GATE_CODE: ReadonlyMap<GateOp, GateCode> = new Map(table);
