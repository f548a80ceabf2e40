import { describe, expect, it } from 'vitest';
import { matmulAdd, matmulAddNT, matmulAddTN, matmulSet, useSimd } from './kernels.ts';
import { simdMatmul } from './simd-kernel.ts';

/**
 * Every fast path of the matrix products (dot products, i-p-j rows, the WebAssembly SIMD kernel) against the plain
 * definition, `s = 0; s += a·b for p ascending; c += s`, bit for bit: Object.is tells -0 from 0 and sees NaN.
 */
type Form = 'NN' | 'NT' | 'TN';

function reference(form: Form, a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const x = form === 'TN' ? a[p * m + i] : a[i * k + p];
        const y = form === 'NT' ? b[j * k + p] : b[p * n + j];
        s += (x as number) * (y as number);
      }
      c[i * n + j] = (c[i * n + j] as number) + s;
    }
  }
}

const kernel = { NN: matmulAdd, NT: matmulAddNT, TN: matmulAddTN };

let seed = 7;
const uniform = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
/** Mostly ordinary numbers of mixed sign and scale, with some exact zeros of both signs. */
const sample = (special: boolean) => {
  const u = uniform();
  if (u < 0.05) return u < 0.025 ? 0 : -0;
  if (special && u < 0.07) return [Infinity, -Infinity, NaN][Math.floor(uniform() * 3)] as number;
  return (uniform() - 0.5) * 10 ** Math.floor(uniform() * 6 - 3);
};
const filled = (count: number, special = false) => Float64Array.from({ length: count }, () => sample(special));

function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  let mismatches = 0;
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) mismatches++;
  expect(mismatches).toBe(0);
}

/** C += op(A)·op(B) into a non-zero C by the kernel, against the plain definition, bit for bit. */
function checkProduct(form: 'NN' | 'NT' | 'TN', [m, k, n]: [number, number, number], specials: boolean): void {
  const a = filled(m * k, specials);
  const b = filled(k * n);
  const start = filled(m * n);
  const expected = Float64Array.from(start);
  reference(form, a, b, expected, m, k, n);
  const actual = Float64Array.from(start);
  kernel[form](a, 0, b, 0, actual, 0, m, k, n);
  expectSameBits(actual, expected);
}

// Tiny (dot products), mid-sized (i-p-j rows) and large (SIMD) products, with odd sizes for the padding.
const SIZES: [number, number, number][] = [
  [1, 1, 1], [4, 3, 4], [4, 4, 1], [3, 4, 4], [4, 1, 4], [1, 7, 1], [2, 5, 3],
  [9, 13, 11], [16, 16, 16], [17, 31, 9], [64, 10, 100], [64, 100, 10], [100, 64, 10],
  [33, 65, 17], [64, 784, 100], [1, 200, 101], [101, 200, 1], [45, 3, 200], [5, 999, 7],
];

describe('matrix products agree bit for bit with the plain definition', () => {
  it('runs the WebAssembly SIMD kernel here, so the large sizes below test it', () => {
    const c = new Float64Array(4);
    expect(simdMatmul(new Float64Array([1, 2, 3, 4]), 0, 2, 1, new Float64Array([5, 6, 7, 8]), 0, 2, 1, c, 0, 2, 2, 2, false)).toBe(true);
    expect([...c]).toEqual([19, 22, 43, 50]);
  });

  for (const form of ['NN', 'NT', 'TN'] as const) {
    it(`${form}: C += op(A)·op(B) into a non-zero C, every size`, () => {
      for (const size of SIZES) checkProduct(form, size, false);
    });

    it(`${form}: infinities and NaN land where they should, padding adds nothing`, () => {
      for (const [m, k, n] of [[5, 7, 3], [33, 65, 17], [64, 100, 11]] as [number, number, number][]) {
        const a = filled(m * k, true);
        const b = filled(k * n, true);
        const expected = new Float64Array(m * n);
        reference(form, a, b, expected, m, k, n);
        const actual = new Float64Array(m * n);
        kernel[form](a, 0, b, 0, actual, 0, m, k, n);
        expectSameBits(actual, expected);
      }
    });
  }

  it('works at offsets inside one shared buffer, as the engine calls it', () => {
    const [m, k, n] = [40, 50, 30];
    const v = filled(5 + m * k + 3 + k * n + 2 + m * n);
    const [ao, bo, co] = [5, 5 + m * k + 3, 5 + m * k + 3 + k * n + 2];
    const expected = Float64Array.from(v);
    const c = new Float64Array(m * n);
    reference('NN', v.subarray(ao), v.subarray(bo), c, m, k, n);
    expected.set(c, co);
    matmulSet(v, ao, v, bo, v, co, m, k, n);
    expectSameBits(v, expected);
  });

  it('matmulSet gives exactly what zeroing C and then matmulAdd gives', () => {
    for (const [m, k, n] of SIZES) {
      const a = filled(m * k);
      const b = filled(k * n);
      const added = new Float64Array(m * n);
      matmulAdd(a, 0, b, 0, added, 0, m, k, n);
      const set = filled(m * n);
      matmulSet(a, 0, b, 0, set, 0, m, k, n);
      expectSameBits(set, added);
    }
  });

  it('the JS loops alone (no WebAssembly, as under a strict page policy) give the same bits at every size', () => {
    useSimd(false);
    try {
      for (const form of ['NN', 'NT', 'TN'] as const) for (const size of SIZES) checkProduct(form, size, true);
    } finally {
      useSimd(true);
    }
  });

  it('a product of two scalars is their plain product', () => {
    const c = new Float64Array([0.5]);
    matmulAdd(new Float64Array([0.1]), 0, new Float64Array([0.2]), 0, c, 0, 1, 1, 1);
    expect(c[0]).toBe(0.5 + (0 + 0.1 * 0.2));
  });
});
