import type { TensorOp } from '../tensor/ops.ts';
import type { TensorCode, TensorTerms } from './gate-text.ts';

const shapeText = (s: readonly number[]) => `[${s.join(', ')}]`;
const count = (s: readonly number[], axis: number) => (axis < 0 || s.length < 2 ? s.reduce((n, d) => n * d, 1) : (s[axis] as number));
const axisArg = (t: TensorTerms) => (t.axis < 0 ? '' : `, ${t.axis}`);

/** NumPy's matmul rules for vectors, with the helpers: on the left a vector is a row, on the right a column. */
function matmulBackward(i: number, t: TensorTerms): string {
  const aVector = t.aShape.length === 1;
  const bVector = t.bShape.length === 1;
  if (aVector && bVector) return i === 0 ? `each((${t.b}) => ${t.g} * ${t.b}, ${t.b})` : `each((${t.a}) => ${t.g} * ${t.a}, ${t.a})`;
  if (i === 0) return bVector ? `outer(${t.g}, ${t.b})` : aVector ? `matmul(${t.b}, ${t.g})` : `matmul(${t.g}, transpose(${t.b}))`;
  return aVector ? `outer(${t.a}, ${t.g})` : `matmul(transpose(${t.a}), ${t.g})`;
}

/** Every gate only tensors have, with the helper functions of js-helpers.ts. */
export const JS_TENSOR_OPS: Readonly<Record<TensorOp, TensorCode>> = {
  matmul: { forward: (t) => `matmul(${t.a}, ${t.b})`, backward: matmulBackward },
  sum: { forward: (t) => `sum(${t.a}${axisArg(t)})`, backward: (_i, t) => `spread(${t.g}, ${shapeText(t.aShape)}, ${t.axis})` },
  mean: {
    forward: (t) => `mean(${t.a}${axisArg(t)})`,
    backward: (_i, t) => `each((g) => g / ${count(t.aShape, t.axis)}, spread(${t.g}, ${shapeText(t.aShape)}, ${t.axis}))`,
  },
  softmax: {
    // A scalar's softmax is exp(a - a) / exp(a - a), as the engine computes it: 1, or NaN.
    forward: (t) => (t.aShape.length ? `softmax(${t.a})` : `Math.exp(${t.a} - ${t.a}) / Math.exp(${t.a} - ${t.a})`),
    backward: (_i, t) => (t.aShape.length ? `softmaxBackward(${t.out}, ${t.g})` : `${t.out} * (${t.g} - ${t.g} * ${t.out})`),
  },
  transpose: { forward: (t) => `transpose(${t.a})`, backward: (_i, t) => `transpose(${t.g})` },
  index: { forward: (t) => `${t.a}${t.index}`, backward: (_i, t) => t.g },
};

export { shapeText };
