/**
 * Dense row-major matrix products on flat Float64Arrays at offsets, the three forms backpropagation needs.
 * Every form computes C[m×n] += op(A) · op(B) with the inner dimension k, summing over k in ascending order
 * (so a small product gives the same bits as its "as scalars" circuit, whose adds run left to right).
 */

/** C[m×n] += A[m×k] · B[k×n] */
export function matmulAdd(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ci = co + i * n;
    const ai = ao + i * k;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[ai + p] as number) * (b[bo + p * n + j] as number);
      c[ci + j] = (c[ci + j] as number) + s;
    }
  }
}

/** C[m×n] += A[m×k] · B[n×k]ᵀ */
export function matmulAddNT(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ci = co + i * n;
    const ai = ao + i * k;
    for (let j = 0; j < n; j++) {
      const bj = bo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[ai + p] as number) * (b[bj + p] as number);
      c[ci + j] = (c[ci + j] as number) + s;
    }
  }
}

/** C[m×n] += A[k×m]ᵀ · B[k×n] */
export function matmulAddTN(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ci = co + i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[ao + p * m + i] as number) * (b[bo + p * n + j] as number);
      c[ci + j] = (c[ci + j] as number) + s;
    }
  }
}
