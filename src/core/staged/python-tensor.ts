import type { Shape } from '../tensor/shape.ts';
import type { TensorOp } from '../tensor/ops.ts';
import type { TensorCode, TensorTerms } from './gate-text.ts';

const count = (s: Shape, axis: number) => (axis < 0 || s.length < 2 ? s.reduce((n, d) => n * d, 1) : (s[axis] as number));
const axisArg = (t: TensorTerms) => (t.axis < 0 ? '' : `, axis=${t.axis}`);
/** Every element gets the gradient of the total, column (axis 0) or row (axis 1) it was summed into. */
const spread = (t: TensorTerms) => `np.ones_like(${t.a}) * ${t.g}${t.axis === 1 && t.aShape.length === 2 ? '[:, None]' : ''}`;

/** NumPy's matmul rules for vectors: on the left a vector is a row, on the right a column. */
function matmulBackward(i: number, t: TensorTerms): string {
  const aVector = t.aShape.length === 1;
  const bVector = t.bShape.length === 1;
  if (aVector && bVector) return i === 0 ? `${t.g} * ${t.b}` : `${t.g} * ${t.a}`;
  if (i === 0) return bVector ? `np.outer(${t.g}, ${t.b})` : aVector ? `${t.b} @ ${t.g}` : `${t.g} @ ${t.b}.T`;
  return aVector ? `np.outer(${t.a}, ${t.g})` : `${t.a}.T @ ${t.g}`;
}

/** Every gate only tensors have, in NumPy. */
export const PYTHON_TENSOR_OPS: Readonly<Record<TensorOp, TensorCode>> = {
  matmul: { forward: (t) => `${t.a} @ ${t.b}`, backward: matmulBackward },
  sum: { forward: (t) => `np.sum(${t.a}${axisArg(t)})`, backward: (_i, t) => spread(t) },
  mean: {
    forward: (t) => `np.mean(${t.a}${axisArg(t)})`,
    backward: (_i, t) => `${spread(t)} / ${count(t.aShape, t.axis)}.0`,
  },
  softmax: {
    // A scalar's softmax is exp(a - a) / exp(a - a), as the engine computes it: 1, or NaN.
    forward: (t) => (t.aShape.length ? `softmax(${t.a})` : `np.exp(${t.a} - ${t.a}) / np.exp(${t.a} - ${t.a})`),
    backward: (_i, t) => (t.aShape.length ? `${t.out} * (${t.g} - np.sum(${t.g} * ${t.out}, axis=-1, keepdims=True))` : `${t.out} * (${t.g} - ${t.g} * ${t.out})`),
  },
  transpose: { forward: (t) => `${t.a}.T`, backward: (_i, t) => `${t.g}.T` },
  index: { forward: (t) => `${t.a}${t.index}`, backward: (_i, t) => t.g },
};

/** The helper the softmax lines call. */
export const PYTHON_SOFTMAX = [
  'def softmax(a):',
  '    """Along the last axis, its max subtracted first: the same p, and exp cannot overflow."""',
  '    e = np.exp(a - np.max(a, axis=-1, keepdims=True))',
  '    return e / np.sum(e, axis=-1, keepdims=True)',
];

/**
 * A gradient in the broadcast output's shape, summed back to its input's shape over the axes NumPy's broadcasting
 * stretched: a missing leading axis, then axes of size 1.
 */
export function sumToShape(expr: string, from: Shape, to: Shape): string {
  if (from.length === to.length && from.every((d, k) => d === to[k])) return expr;
  if (to.length === 0) return `np.sum(${expr})`;
  let e = expr;
  let shape = from;
  if (shape.length > to.length) {
    e = `np.sum(${e}, axis=0)`;
    shape = shape.slice(1);
  }
  const stretched = to.map((d, k) => (d === 1 && (shape[k] as number) > 1 ? k : -1)).filter((k) => k >= 0);
  if (stretched.length === 0) return e;
  return `np.sum(${e}${stretched.length === to.length ? '' : `, axis=${stretched[0]}`}, keepdims=True)`;
}
