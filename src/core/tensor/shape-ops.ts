import { matmulAddNT, matmulAddTN, matmulSet } from './kernels.ts';
import type { Backward, Forward } from './plan.ts';

/** C = A · B, with vectors taken as a row (on the left) or a column (on the right), as matmul does. */
export const matmulForward: Forward = (p, v) => {
  matmulSet(v, p.a, v, p.b, v, p.out, p.m, p.k, p.n);
};

/** ∂L/∂A = ∂L/∂C · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂C. */
export const matmulBackward: Backward = (p, v, g, j, target, t) => {
  if (j === 0) matmulAddNT(g, p.out, v, p.b, target, t, p.m, p.n, p.k);
  else matmulAddTN(v, p.a, g, p.out, target, t, p.k, p.m, p.n);
};

/** Swaps a matrix's axes; the gradient swaps them back. */
export const transposeForward: Forward = (p, v) => {
  const { rows, cols, a, out } = p; // the output is cols×rows of the input's rows×cols, so input is cols×rows here
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) v[out + i * cols + j] = v[a + j * rows + i] as number;
};

export const transposeBackward: Backward = (p, _v, g, _j, target, t) => {
  const { rows, cols, out } = p;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) target[t + j * rows + i] = (target[t + j * rows + i] as number) + (g[out + i * cols + j] as number);
};

/** Picks a contiguous run (an element or a row) starting at flat offset `c`; the gradient goes back to those elements only. */
export const indexForward: Forward = (p, v) => {
  for (let i = 0; i < p.len; i++) v[p.out + i] = v[p.a + p.c + i] as number;
};

export const indexBackward: Backward = (p, _v, g, _j, target, t) => {
  for (let i = 0; i < p.len; i++) target[t + p.c + i] = (target[t + p.c + i] as number) + (g[p.out + i] as number);
};

/**
 * softmax along the last axis. NOTE: each row's maximum is subtracted before exp, which changes nothing
 * mathematically and keeps softmax([1000, 1001, 999]) finite.
 */
export const softmaxForward: Forward = (p, v) => {
  const { rows, cols, a, out } = p;
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, v[a + i * cols + j] as number);
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp((v[a + i * cols + j] as number) - max);
      v[out + i * cols + j] = e;
      s += e;
    }
    for (let j = 0; j < cols; j++) v[out + i * cols + j] = (v[out + i * cols + j] as number) / s;
  }
};

/** ∂L/∂x = p ⊙ (∂L/∂p − Σ ∂L/∂p ⊙ p), row by row: the softmax Jacobian diag(p) − p pᵀ applied without forming it. */
export const softmaxBackward: Backward = (p, v, g, _j, target, t) => {
  const { rows, cols, out } = p;
  for (let i = 0; i < rows; i++) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += (g[out + i * cols + j] as number) * (v[out + i * cols + j] as number);
    for (let j = 0; j < cols; j++) {
      const o = out + i * cols + j;
      target[t + i * cols + j] = (target[t + i * cols + j] as number) + (v[o] as number) * ((g[o] as number) - dot);
    }
  }
};
