import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';

function errorOf(source: string) {
  const r = compileSource(source);
  if (r.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return r.error;
}

describe('shape errors are positioned where the mistake is', () => {
  it.each([
    ['adding a 2-vector and a 3-vector, at the +', 'a = [1, 2]; b = [1, 2, 3]; f = sum(a + b)', 1, 38, /'\+' cannot combine a 2-vector with a 3-vector: expected equal shapes/],
    ['an elementwise product that does not broadcast, at the *', 'A = [[1, 2], [3, 4]]\nv = [1, 2, 3]\nf = sum(A * v)', 3, 11, /'\*' cannot combine a 2×2 matrix with a 3-vector/],
    ['a matrix product with mismatched inner sizes, at the @', 'W = [[1, 2, 3], [4, 5, 6]]\nx = [1, 2]\nf = sum(W @ x)', 3, 11, /'@' cannot multiply a 2×3 matrix by a 2-vector: expected the inner sizes to match, but found 3 and 2/],
    ['@ on scalars, at the @', 'x = 1; y = 2; f = x @ y', 1, 21, /expected vectors or matrices on both sides but found a scalar on the left/],
    ['dot of mismatched vectors, at dot', 'a = [1, 2]; b = [1, 2, 3]; f = dot(a, b)', 1, 32, /dot cannot multiply a 2-vector by a 3-vector/],
    ['max of shapes that do not broadcast, at max', 'a = [1, 2]; b = [[1, 2, 3]]; f = sum(max(a, b))', 1, 38, /max cannot combine a 2-vector with a 1×3 matrix/],
    ['a bad axis, at the axis', 'A = [[1, 2], [3, 4]]; f = sum(sum(A, 2))', 1, 38, /sum expects the axis 0 \(down the columns\) or 1 \(along the rows\), written as a number, but found '2'/],
    ['an axis that is not a literal, at the axis', 'A = [[1, 2]]; k = 0; f = sum(sum(A, k))', 1, 37, /expects the axis 0 .* but found 'k'/],
    ['axis 1 of a vector, at the axis', 'v = [1, 2]; f = sum(v, 1)', 1, 24, /a 2-vector has only axis 0/],
    ['an index out of range, at the index', 'v = [1, 2, 3]; f = v[3]', 1, 22, /index 3 is out of range for the elements of a 3-vector: expected -3 to 2/],
    ['a negative index out of range, at the index', 'M = [[1, 2], [3, 4]]; f = M[0, -3]', 1, 32, /index -3 is out of range for the columns of a 2×2 matrix/],
    ['a row index out of range, at the index', 'M = [[1, 2], [3, 4]]; f = sum(M[2])', 1, 33, /out of range for the rows/],
    ['indexing a scalar, at the [', 'x = 2; f = x[0]', 1, 13, /cannot index a scalar/],
    ['too many indices for a vector, at the [', 'v = [1, 2]; f = v[0, 1]', 1, 18, /too many indices: a 2-vector expected one index but found 2/],
    ['a generator size that is not a whole number, at the size', 'x = zeros(2.5); f = sum(x)', 1, 11, /zeros expects sizes that are whole numbers ≥ 1, written as numbers, but found '2.5'/],
    ['a generator size of 0, at the size', 'x = ones(3, 0); f = sum(x)', 1, 13, /ones expects sizes that are whole numbers ≥ 1/],
    ['a non-scalar output, at the start of the last statement', 'x = [1, 2]\nf = x * 2', 2, 1, /the output must be a scalar \(a loss\) but 'f' is a 2-vector: expected a scalar, for example sum\(\.\.\.\) of it/],
    ['an array literal as the whole program, at 1:1', '[1,2]', 1, 1, /the output must be a scalar .* is a 2-vector/],
    ['an unnamed non-scalar output, at its first character', 'W = [[1, 2], [3, 4]]\n  W @ [1, 1]', 2, 3, /the output must be a scalar .* is a 2-vector/],
  ])('%s', (_what, source, line, column, message) => {
    const error = errorOf(source);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.message).toMatch(message);
  });

  it('keeps scalar errors where they were', () => {
    expect(errorOf('f = x.y')).toMatchObject({ line: 1, column: 6 });
    expect(errorOf('f = q + 1\nq = 2')).toMatchObject({ line: 1, column: 5 });
  });

  it('a tensor too large to hold is refused, not allocated', () => {
    expect(errorOf('x = zeros(5000, 5000); f = sum(x)').message).toMatch(/too large: expected at most 4,000,000 numbers/);
  });
});
