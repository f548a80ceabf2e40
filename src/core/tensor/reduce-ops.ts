import type { Backward, Forward } from './plan.ts';

/** The input of a reduction seen as a matrix (a vector is one row): its rows and its columns, read without an array. */
const rowsOf = (p: { aShape: readonly number[] }) => (p.aShape.length === 2 ? (p.aShape[0] as number) : 1);
const colsOf = (p: { aShape: readonly number[] }) => (p.aShape.length === 2 ? (p.aShape[1] as number) : (p.aShape[0] ?? 1));

/** How many elements each output element of a reduction sums: the mean divides by it. */
export function reductionCount(p: { aShape: readonly number[]; c: number }): number {
  if (p.c < 0 || p.aShape.length <= 1) return rowsOf(p) * colsOf(p);
  return p.c === 0 ? rowsOf(p) : colsOf(p);
}

/** `sum(a)` over everything, or along axis 0 (down the columns) or 1 (along the rows); `scale` makes it a mean. */
function reduceForward(scale: boolean): Forward {
  return (p, v) => {
    const r = rowsOf(p);
    const c = colsOf(p);
    const { a, out } = p;
    const k = scale ? 1 / reductionCount(p) : 1;
    if (p.c < 0 || p.aShape.length <= 1) {
      let s = 0;
      for (let i = 0; i < r * c; i++) s += v[a + i] as number;
      v[out] = scale ? s * k : s;
    } else if (p.c === 0) {
      for (let j = 0; j < c; j++) {
        let s = 0;
        for (let i = 0; i < r; i++) s += v[a + i * c + j] as number;
        v[out + j] = scale ? s * k : s;
      }
    } else {
      for (let i = 0; i < r; i++) {
        let s = 0;
        for (let j = 0; j < c; j++) s += v[a + i * c + j] as number;
        v[out + i] = scale ? s * k : s;
      }
    }
  };
}

/**
 * Each input element receives the upstream gradient of the output element it was summed into (scaled for a mean).
 * One loop per axis, so the inner loops index nothing but the input.
 */
function reduceBackward(scale: boolean): Backward {
  return (p, _v, g, _j, target, t) => {
    const r = rowsOf(p);
    const c = colsOf(p);
    const k = scale ? 1 / reductionCount(p) : 1;
    const { out } = p;
    if (p.c < 0 || p.aShape.length <= 1) {
      const up = scale ? (g[out] as number) * k : (g[out] as number);
      for (let i = 0; i < r * c; i++) target[t + i] = (target[t + i] as number) + up;
    } else if (p.c === 0) {
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < c; j++) target[t + i * c + j] = (target[t + i * c + j] as number) + (scale ? (g[out + j] as number) * k : (g[out + j] as number));
      }
    } else {
      for (let i = 0; i < r; i++) {
        const up = scale ? (g[out + i] as number) * k : (g[out + i] as number);
        for (let j = 0; j < c; j++) target[t + i * c + j] = (target[t + i * c + j] as number) + up;
      }
    }
  };
}

export const sumForward = reduceForward(false);
export const sumBackward = reduceBackward(false);
export const meanForward = reduceForward(true);
export const meanBackward = reduceBackward(true);
