/** A value's shape: `[]` a scalar, `[n]` a vector, `[r, c]` a matrix. No higher rank. */
export type Shape = readonly number[];

export const SCALAR: Shape = [];

export const isScalar = (s: Shape) => s.length === 0;

export function sizeOf(s: Shape): number {
  return s.length === 0 ? 1 : s.length === 1 ? (s[0] as number) : (s[0] as number) * (s[1] as number);
}

/** `scalar`, `3-vector`, `2×3 matrix`: how shapes are written in messages. */
export function describeShape(s: Shape): string {
  if (s.length === 0) return 'scalar';
  if (s.length === 1) return `${s[0]}-vector`;
  return `${s[0]}×${s[1]} matrix`;
}

/** `4×3`, `4`, or empty for a scalar: the tag drawn on a tensor wire. */
export function shapeTag(s: Shape): string {
  return s.join('×');
}

export const sameShape = (a: Shape, b: Shape) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Rows and columns of a shape seen as a matrix: a vector is one row, a scalar 1×1. */
export function asMatrix(s: Shape): [rows: number, cols: number] {
  if (s.length === 0) return [1, 1];
  if (s.length === 1) return [1, s[0] as number];
  return [s[0] as number, s[1] as number];
}

/** NumPy's broadcasting for rank ≤ 2, or undefined when the shapes do not broadcast. */
export function broadcastShapes(a: Shape, b: Shape): Shape | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    const da = a[a.length - rank + k] ?? 1;
    const db = b[b.length - rank + k] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * Strides to read an operand of shape `s` at each (row, col) of a result of shape `out`: 0 along a stretched axis.
 * Both are seen as matrices aligned at the right, as NumPy aligns trailing axes.
 */
export function broadcastStrides(s: Shape, out: Shape): [rowStride: number, colStride: number] {
  const [, outCols] = asMatrix(out);
  const rows = s.length === 2 ? (s[0] as number) : 1;
  const cols = s.length === 0 ? 1 : (s[s.length - 1] as number);
  const colStride = cols === 1 && outCols !== 1 ? 0 : cols === 1 ? 0 : 1;
  const rowStride = rows === 1 ? 0 : cols;
  return [rowStride, colStride];
}

/** NumPy's matmul for rank 1 and 2: `[r,k]@[k,c]`, `[r,k]@[k]`, `[k]@[k,c]`, `[k]@[k]` → scalar. */
export function matmulShape(a: Shape, b: Shape): Shape | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const k1 = a[a.length - 1] as number;
  const k2 = (b.length === 1 ? b[0] : b[0]) as number;
  if (k1 !== k2) return undefined;
  const out: number[] = [];
  if (a.length === 2) out.push(a[0] as number);
  if (b.length === 2) out.push(b[1] as number);
  return out;
}

/** The shape after reducing `s` along `axis` (-1: every axis, to a scalar). */
export function reducedShape(s: Shape, axis: number): Shape {
  if (axis < 0 || s.length <= 1) return SCALAR;
  return [s[1 - axis] as number];
}

export function transposedShape(s: Shape): Shape {
  return s.length === 2 ? [s[1] as number, s[0] as number] : s;
}
