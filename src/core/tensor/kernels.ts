/**
 * Dense row-major matrix products on flat Float64Arrays at offsets, the three forms backpropagation needs, plus
 * C = A · B for the forward pass. Each form computes, for every output element, `s = 0; s += a·b for p = 0, 1, …, k-1;
 * c += s`, so a small product gives the same bits as its "as scalars" circuit (whose adds run left to right).
 *
 * NOTE: every fast path below keeps that order exactly: loops are reordered over the output (rows, columns) only,
 * never over p, and a running sum lives in a zeroed row or buffer until it is added to `c` once. Large products run
 * in WebAssembly SIMD (simd-kernel.ts), whose f64x2 mul and add round exactly as scalar JS does (no fused ops).
 */
import { simdMatmul } from './simd-kernel.ts';

export { useSimd } from './simd-kernel.ts';

/** Below this many multiply-adds the JS loops win: copying into WebAssembly memory costs more than it saves. */
const SIMD_WORK = 20_000;
/** Below this, one dot product per output element: for tiny matrices loop overhead matters more than cache lines. */
const DOT_WORK = 512;
/** A running row of sums for `C += …`, grown once to the widest row seen (so forward and backward allocate nothing after that). */
let row = new Float64Array(256);
const rowOf = (n: number) => (row.length >= n ? row : (row = new Float64Array(n)));

/**
 * C[m×n] (+)= A'·B' with A'[i,p] = a[ao + i·ai + p·ap] and B'[p,j] = b[bo + p·bp + j·bj], one dot product per
 * element: the plain order itself. Cache-friendly when both operands' p strides are 1 (the NT form).
 */
function dots(a: Float64Array, ao: number, ai: number, ap: number, b: Float64Array, bo: number, bp: number, bj: number, c: Float64Array, co: number, m: number, k: number, n: number, add: boolean): void {
  for (let i = 0; i < m; i++) {
    const ar = ao + i * ai;
    const ci = co + i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, x = ar, y = bo + j * bj; p < k; p++, x += ap, y += bp) s += (a[x] as number) * (b[y] as number);
      c[ci + j] = add ? (c[ci + j] as number) + s : s;
    }
  }
}

/**
 * The same product in i-p-j order for B' rows that are contiguous (bj = 1): two rows of A' times four rows of B' at
 * a time, streaming B' and C contiguously, so each load of B' and each load and store of a running sum serves two or
 * four multiply-adds. The sums (((s + x0·y0) + x1·y1) + …) still add one p at a time, in ascending order. They live in
 * zeroed rows (or, when overwriting, in C itself) and are added to C once.
 */
function rowsTimes(a: Float64Array, ao: number, ai: number, ap: number, b: Float64Array, bo: number, bp: number, c: Float64Array, co: number, m: number, k: number, n: number, add: boolean): void {
  const s = add ? rowOf(2 * n) : c;
  const pairs = m & ~1;
  for (let i = 0; i < pairs; i += 2) {
    const r0 = add ? 0 : co + i * n, r1 = r0 + n;
    const a0 = ao + i * ai, a1 = a0 + ai;
    for (let j = 0; j < n; j++) s[r0 + j] = s[r1 + j] = 0; // not fill(): a builtin call costs more than a short row
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const q = p * ap;
      const x0 = a[a0 + q] as number, x1 = a[a0 + q + ap] as number, x2 = a[a0 + q + 2 * ap] as number, x3 = a[a0 + q + 3 * ap] as number;
      const y0 = a[a1 + q] as number, y1 = a[a1 + q + ap] as number, y2 = a[a1 + q + 2 * ap] as number, y3 = a[a1 + q + 3 * ap] as number;
      const b0 = bo + p * bp, b1 = b0 + bp, b2 = b1 + bp, b3 = b2 + bp;
      for (let j = 0; j < n; j++) {
        const u0 = b[b0 + j] as number, u1 = b[b1 + j] as number, u2 = b[b2 + j] as number, u3 = b[b3 + j] as number;
        s[r0 + j] = (s[r0 + j] as number) + x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        s[r1 + j] = (s[r1 + j] as number) + y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
      }
    }
    for (; p < k; p++) {
      const x = a[a0 + p * ap] as number, y = a[a1 + p * ap] as number, br = bo + p * bp;
      for (let j = 0; j < n; j++) {
        const u = b[br + j] as number;
        s[r0 + j] = (s[r0 + j] as number) + x * u;
        s[r1 + j] = (s[r1 + j] as number) + y * u;
      }
    }
    if (add) for (let j = 0, ci = co + i * n; j < 2 * n; j++) c[ci + j] = (c[ci + j] as number) + (s[j] as number);
  }
  // An odd last row: plain dot products.
  if (pairs < m) dots(a, ao + pairs * ai, ai, ap, b, bo, bp, 1, c, co + pairs * n, 1, k, n, add);
}

/**
 * `dots` for each form with its strides fixed: tiny products (the lecture's 4×3·3×4) are dominated by loop overhead,
 * and a loop compiled for one access pattern runs measurably faster than the strided one. NN and TN work out two
 * columns at once: two independent sums hide the latency of `s +=` (each is still its own ascending-p sum).
 */
function dotsNN(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number, add: boolean): void {
  for (let i = 0; i < m; i++) {
    const ar = ao + i * k, ci = co + i * n;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      let s0 = 0;
      let s1 = 0;
      for (let p = 0, y = bo + j; p < k; p++, y += n) {
        const w = a[ar + p] as number;
        s0 += w * (b[y] as number);
        s1 += w * (b[y + 1] as number);
      }
      c[ci + j] = add ? (c[ci + j] as number) + s0 : s0;
      c[ci + j + 1] = add ? (c[ci + j + 1] as number) + s1 : s1;
    }
    if (j < n) {
      let s = 0;
      for (let p = 0, y = bo + j; p < k; p++, y += n) s += (a[ar + p] as number) * (b[y] as number);
      c[ci + j] = add ? (c[ci + j] as number) + s : s;
    }
  }
}
function dotsTN(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ci = co + i * n;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      let s0 = 0;
      let s1 = 0;
      for (let p = 0, x = ao + i, y = bo + j; p < k; p++, x += m, y += n) {
        const w = a[x] as number;
        s0 += w * (b[y] as number);
        s1 += w * (b[y + 1] as number);
      }
      c[ci + j] = (c[ci + j] as number) + s0;
      c[ci + j + 1] = (c[ci + j + 1] as number) + s1;
    }
    if (j < n) {
      let s = 0;
      for (let p = 0, x = ao + i, y = bo + j; p < k; p++, x += m, y += n) s += (a[x] as number) * (b[y] as number);
      c[ci + j] = (c[ci + j] as number) + s;
    }
  }
}
function dotsNT(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ar = ao + i * k, ci = co + i * n;
    for (let j = 0; j < n; j++) {
      const bj = bo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[ar + p] as number) * (b[bj + p] as number);
      c[ci + j] = (c[ci + j] as number) + s;
    }
  }
}

/** C (+)= A'·B' for B' rows contiguous and at least DOT_WORK multiply-adds: i-p-j rows, or the SIMD kernel. */
function product(a: Float64Array, ao: number, ai: number, ap: number, b: Float64Array, bo: number, bp: number, c: Float64Array, co: number, m: number, k: number, n: number, add: boolean): void {
  if (m * k * n < SIMD_WORK || !simdMatmul(a, ao, ai, ap, b, bo, bp, 1, c, co, m, k, n, add)) rowsTimes(a, ao, ai, ap, b, bo, bp, c, co, m, k, n, add);
}

/** C[m×n] = A[m×k] · B[k×n], bit for bit what zeroing C then matmulAdd gives. */
export function matmulSet(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  if (m * k * n < DOT_WORK) dotsNN(a, ao, b, bo, c, co, m, k, n, false);
  else product(a, ao, k, 1, b, bo, n, c, co, m, k, n, false);
}

/** C[m×n] += A[m×k] · B[k×n] */
export function matmulAdd(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  if (m * k * n < DOT_WORK) dotsNN(a, ao, b, bo, c, co, m, k, n, true);
  else product(a, ao, k, 1, b, bo, n, c, co, m, k, n, true);
}

/** C[m×n] += A[k×m]ᵀ · B[k×n] */
export function matmulAddTN(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  if (m * k * n < DOT_WORK) dotsTN(a, ao, b, bo, c, co, m, k, n);
  else product(a, ao, 1, m, b, bo, n, c, co, m, k, n, true);
}

/** C[m×n] += A[m×k] · B[n×k]ᵀ: every element is a dot product of two contiguous rows, already cache-friendly. */
export function matmulAddNT(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  if (m * k * n < SIMD_WORK || !simdMatmul(a, ao, k, 1, b, bo, 1, k, c, co, m, k, n, true)) dotsNT(a, ao, b, bo, c, co, m, k, n);
}
