import { GATE_LIST } from '../gates.ts';
import type { Backward, Forward } from './plan.ts';

/**
 * Every scalar gate, applied element by element with NumPy broadcasting: the scalar gate table's own forward and local
 * gradient, so an elementwise tensor gate restates nothing. Its Jacobian is diagonal (or, for a stretched operand,
 * a sum of diagonals), so the backward pass multiplies elementwise and sums over the stretched axes.
 */
export const elementwiseForward: Forward = (p, v) => {
  const { forward } = GATE_LIST[p.scalarOp] as (typeof GATE_LIST)[number];
  const { rows, cols, out, a, b, ar, ac, br, bc, c } = p;
  // A one-argument gate keeps its argument's shape, so nothing is stretched.
  if (b < 0) {
    for (let i = 0; i < p.len; i++) v[out + i] = forward(v[a + i] as number, 0, c);
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      v[out + i * cols + j] = forward(v[a + i * ar + j * ac] as number, v[b + i * br + j * bc] as number, c);
    }
  }
};

export const elementwiseBackward: Backward = (p, v, g, j, target, t) => {
  const { local } = GATE_LIST[p.scalarOp] as (typeof GATE_LIST)[number];
  const { rows, cols, out, a, b, ar, ac, br, bc, c } = p;
  const rs = j === 0 ? ar : br;
  const cs = j === 0 ? ac : bc;
  for (let i = 0; i < rows; i++) {
    for (let col = 0; col < cols; col++) {
      const o = out + i * cols + col;
      const x = v[a + i * ar + col * ac] as number;
      const y = b < 0 ? 0 : (v[b + i * br + col * bc] as number);
      const at = t + i * rs + col * cs;
      target[at] = (target[at] as number) + local(j, x, y, c, v[o] as number) * (g[o] as number);
    }
  }
};

/** The local gradient of one output element with respect to the same element of argument `j`: the Jacobian's diagonal. */
export function elementwiseLocal(p: { scalarOp: number; rows: number; cols: number; out: number; a: number; b: number; ar: number; ac: number; br: number; bc: number; c: number }, v: Float64Array, j: number): Float64Array {
  const { local } = GATE_LIST[p.scalarOp] as (typeof GATE_LIST)[number];
  const { rows, cols, out, a, b, ar, ac, br, bc, c } = p;
  const result = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let col = 0; col < cols; col++) {
      const o = i * cols + col;
      const x = v[a + i * ar + col * ac] as number;
      const y = b < 0 ? 0 : (v[b + i * br + col * bc] as number);
      result[o] = local(j, x, y, c, v[out + o] as number);
    }
  }
  return result;
}
