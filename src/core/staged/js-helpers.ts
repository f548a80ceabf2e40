/**
 * The helper functions a JavaScript tensor program starts with: tensors are nested arrays as NumPy prints them (a
 * vector `[x0, x1]`, a matrix a list of rows), scalars plain numbers. Each sums in the order the app's engine sums.
 */
const HELPERS: Readonly<Record<string, { readonly uses: readonly string[]; readonly code: readonly string[] }>> = {
  shapeOf: { uses: [], code: [
    "const shapeOf = (a) => (typeof a === 'number' ? [] : typeof a[0] === 'number' ? [a.length] : [a.length, a[0].length]);",
  ] },
  zeros: { uses: [], code: [
    'const zeros = (shape) => (shape.length === 1 ? new Array(shape[0]).fill(0) : Array.from({ length: shape[0] }, () => new Array(shape[1]).fill(0)));',
  ] },
  each: { uses: ['shapeOf'], code: [
    '/** f applied element by element, broadcasting as NumPy does: sizes of 1 and missing leading axes stretch. */',
    'function each(f, ...args) {',
    '  const shapes = args.map(shapeOf);',
    '  const rank = Math.max(...shapes.map((s) => s.length));',
    '  const size = (k) => Math.max(...shapes.map((s) => s[s.length - rank + k] ?? 1));',
    '  const at = (a, s, i, j) => (s.length === 0 ? a : s.length === 1 ? a[s[0] === 1 ? 0 : j] : a[s[0] === 1 ? 0 : i][s[1] === 1 ? 0 : j]);',
    '  const element = (i, j) => f(...args.map((a, k) => at(a, shapes[k], i, j)));',
    '  if (rank === 0) return f(...args);',
    '  if (rank === 1) return Array.from({ length: size(0) }, (_, j) => element(0, j));',
    '  return Array.from({ length: size(0) }, (_, i) => Array.from({ length: size(1) }, (_, j) => element(i, j)));',
    '}',
  ] },
  add: { uses: ['each'], code: ['const add = (a, b) => each((x, y) => x + y, a, b);'] },
  sum: { uses: [], code: [
    "/** The total, or the sums down the columns (axis 0) or along the rows (axis 1); a vector's axis 0 is its total. */",
    'function sum(a, axis = -1) {',
    "  if (typeof a === 'number') return a;",
    "  if (typeof a[0] === 'number' || axis < 0) return a.flat().reduce((s, v) => s + v, 0);",
    '  return axis === 0 ? a[0].map((_, j) => a.reduce((s, row) => s + row[j], 0)) : a.map((row) => row.reduce((s, v) => s + v, 0));',
    '}',
  ] },
  mean: { uses: ['each', 'sum'], code: [
    'function mean(a, axis = -1) {',
    "  const n = typeof a[0] === 'number' || axis < 0 ? a.flat().length : axis === 0 ? a.length : a[0].length;",
    '  return each((s) => s / n, sum(a, axis));',
    '}',
  ] },
  spread: { uses: [], code: [
    '/** The gradient of a sum: each element of a `shape` tensor gets the gradient of the total, column or row it went into. */',
    'function spread(g, shape, axis) {',
    '  if (shape.length === 1) return new Array(shape[0]).fill(g);',
    '  return Array.from({ length: shape[0] }, (_, i) => Array.from({ length: shape[1] }, (_, j) => (axis === 0 ? g[j] : axis === 1 ? g[i] : g)));',
    '}',
  ] },
  sumTo: { uses: ['shapeOf', 'sum'], code: [
    '/** A broadcast gradient summed back to its input\'s shape, over the axes broadcasting stretched. */',
    'function sumTo(g, shape) {',
    '  if (shape.length === 0) return sum(g);',
    '  let out = shapeOf(g).length > shape.length ? sum(g, 0) : g;',
    '  const s = shapeOf(out);',
    '  if (shape.length === 1) return shape[0] === 1 && s[0] > 1 ? [sum(out)] : out;',
    '  if (shape[0] === 1 && s[0] > 1) out = [sum(out, 0)];',
    '  if (shape[1] === 1 && s[1] > 1) out = sum(out, 1).map((v) => [v]);',
    '  return out;',
    '}',
  ] },
  transpose: { uses: [], code: ['const transpose = (m) => m[0].map((_, j) => m.map((row) => row[j]));'] },
  outer: { uses: [], code: ['const outer = (u, v) => u.map((x) => v.map((y) => x * y));'] },
  matmul: { uses: [], code: [
    '/** NumPy\'s matmul for vectors and matrices: a vector is a row on the left, a column on the right. */',
    'function matmul(a, b) {',
    "  const rows = typeof a[0] === 'number' ? [a] : a;",
    "  const bVector = typeof b[0] === 'number';",
    '  const cols = bVector ? 1 : b[0].length;',
    '  const product = rows.map((row) => Array.from({ length: cols }, (_, j) => row.reduce((s, v, k) => s + v * (bVector ? b[k] : b[k][j]), 0)));',
    '  const c = bVector ? product.map((row) => row[0]) : product;',
    "  return typeof a[0] === 'number' ? c[0] : c;",
    '}',
  ] },
  softmax: { uses: [], code: [
    '/** Along the last axis, its max subtracted first: the same p, and exp cannot overflow. */',
    'function softmax(a) {',
    "  if (typeof a[0] !== 'number') return a.map(softmax);",
    '  const max = Math.max(...a);',
    '  const e = a.map((v) => Math.exp(v - max));',
    '  const total = e.reduce((s, v) => s + v, 0);',
    '  return e.map((v) => v / total);',
    '}',
  ] },
  softmaxBackward: { uses: [], code: [
    '/** The vector-Jacobian product of softmax, row by row: p ⊙ (g − g·p). */',
    'function softmaxBackward(p, g) {',
    "  if (typeof p[0] !== 'number') return p.map((row, i) => softmaxBackward(row, g[i]));",
    '  const dot = p.reduce((s, v, j) => s + g[j] * v, 0);',
    '  return p.map((v, j) => v * (g[j] - dot));',
    '}',
  ] },
  asJson: { uses: [], code: [
    '/** JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity" and "-Infinity". */',
    'const asJson = (v) => (Array.isArray(v) ? v.map(asJson) : Number.isFinite(v) ? v : String(v));',
  ] },
};

export const JS_HELPER_NAMES: readonly string[] = Object.keys(HELPERS);

/** The code of the helpers a program calls (found by name), with those they call, in a fixed order. */
export function jsHelpers(program: string): string[] {
  const wanted = new Set<string>();
  const want = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const used of HELPERS[name]?.uses ?? []) want(used);
  };
  for (const name of JS_HELPER_NAMES) if (new RegExp(`(?<![\\w.$])${name}\\(`).test(program)) want(name);
  return JS_HELPER_NAMES.filter((name) => wanted.has(name)).flatMap((name) => [...(HELPERS[name]?.code ?? []), '']);
}
