import { GATE_LIST, opIndex, type Op } from '../gates.ts';
import type { Backward, Forward, Plan } from './plan.ts';

/**
 * Every scalar gate, applied element by element with NumPy broadcasting: the scalar gate table's own forward and local
 * gradient, so an elementwise tensor gate restates nothing. Its Jacobian is diagonal (or, for a stretched operand,
 * a sum of diagonals), so the backward pass multiplies elementwise and sums over the stretched axes.
 *
 * The most common gates also have a loop of their own (elementwise-fast below), because calling the table's function
 * per element is an indirect call V8 cannot inline. NOTE: each such loop writes the table's formula verbatim, in the
 * same order of operations and of accumulation, and elementwise.test.ts checks bit for bit that both paths agree.
 */
export const elementwiseForwardGeneric: Forward = (p, v) => {
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

export const elementwiseBackwardGeneric: Backward = (p, v, g, j, target, t) => {
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

export const elementwiseForward: Forward = (p, v) => {
  if (!(p.b < 0 ? unaryForward(p, v) : binaryForward(p, v))) elementwiseForwardGeneric(p, v);
};

export const elementwiseBackward: Backward = (p, v, g, j, target, t) => {
  if (!(p.b < 0 ? unaryBackward(p, v, g, target, t) : binaryBackward(p, v, g, j, target, t))) elementwiseBackwardGeneric(p, v, g, j, target, t);
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

// ---- elementwise-fast: specialised loops, each the gate table's formula written out ----

const index = (op: Op) => opIndex.get(op) as number;
const [ADD, SUB, MUL, MAX] = (['add', 'sub', 'mul', 'max'] as const).map(index);
const [RELU, SIGMOID, EXP, LOG, POWC, MULC, NEG, TANH] = (['relu', 'sigmoid', 'exp', 'log', 'powc', 'mulc', 'neg', 'tanh'] as const).map(index);
/** The ops with a loop of their own, for the test that checks them against the table. */
export const FAST_OPS: readonly Op[] = ['add', 'sub', 'mul', 'max', 'relu', 'sigmoid', 'exp', 'log', 'powc', 'mulc', 'neg', 'tanh'];

/** NOTE: as gates.ts's max: a tie goes to the first argument and NaN wins. */
const firstWins = (x: number, y: number) => Number.isNaN(x) || x > y || x === y;

/**
 * NOTE: x^2, the commonest power, multiplies instead of calling pow: pow(x, 2) is x·x and pow(x, 1) is x exactly in
 * V8 (fdlibm special-cases both), so the bits are the table's; elementwise.test.ts checks it on the engine it runs on.
 */
function unaryForward(p: Plan, v: Float64Array): boolean {
  const { out: o, a, len: n, c } = p;
  switch (p.scalarOp) {
    case RELU: for (let i = 0; i < n; i++) { const x = v[a + i] as number; v[o + i] = x > 0 ? x : Number.isNaN(x) ? x : 0; } return true;
    case SIGMOID: for (let i = 0; i < n; i++) v[o + i] = 1 / (1 + Math.exp(-(v[a + i] as number))); return true;
    case EXP: for (let i = 0; i < n; i++) v[o + i] = Math.exp(v[a + i] as number); return true;
    case LOG: for (let i = 0; i < n; i++) v[o + i] = Math.log(v[a + i] as number); return true;
    case POWC:
      if (c === 2) for (let i = 0; i < n; i++) v[o + i] = (v[a + i] as number) * (v[a + i] as number);
      else for (let i = 0; i < n; i++) v[o + i] = (v[a + i] as number) ** c;
      return true;
    case MULC: for (let i = 0; i < n; i++) v[o + i] = (v[a + i] as number) * c; return true;
    case NEG: for (let i = 0; i < n; i++) v[o + i] = -(v[a + i] as number); return true;
    case TANH: for (let i = 0; i < n; i++) v[o + i] = Math.tanh(v[a + i] as number); return true;
    default: return false;
  }
}

/** target += local · g over one argument's own shape (a one-argument gate stretches nothing). */
function unaryBackward(p: Plan, v: Float64Array, g: Float64Array, target: Float64Array, t: number): boolean {
  const { out: o, a, len: n, c } = p;
  switch (p.scalarOp) {
    case RELU: for (let i = 0; i < n; i++) { const x = v[a + i] as number; target[t + i] = (target[t + i] as number) + (x > 0 ? 1 : Number.isNaN(x) ? NaN : 0) * (g[o + i] as number); } return true;
    case SIGMOID: for (let i = 0; i < n; i++) { const y = v[o + i] as number; target[t + i] = (target[t + i] as number) + (1 - y) * y * (g[o + i] as number); } return true;
    case EXP: for (let i = 0; i < n; i++) target[t + i] = (target[t + i] as number) + (v[o + i] as number) * (g[o + i] as number); return true;
    case LOG: for (let i = 0; i < n; i++) target[t + i] = (target[t + i] as number) + (1 / (v[a + i] as number)) * (g[o + i] as number); return true;
    case POWC: // c · x^(c-1), with x^1 = x for the square
      if (c === 2) for (let i = 0; i < n; i++) target[t + i] = (target[t + i] as number) + 2 * (v[a + i] as number) * (g[o + i] as number);
      else for (let i = 0; i < n; i++) target[t + i] = (target[t + i] as number) + (c === 0 ? 0 : c * (v[a + i] as number) ** (c - 1)) * (g[o + i] as number);
      return true;
    case MULC: for (let i = 0; i < n; i++) target[t + i] = (target[t + i] as number) + c * (g[o + i] as number); return true;
    case NEG: for (let i = 0; i < n; i++) target[t + i] = (target[t + i] as number) + -1 * (g[o + i] as number); return true;
    case TANH: for (let i = 0; i < n; i++) { const y = v[o + i] as number; target[t + i] = (target[t + i] as number) + (1 - y * y) * (g[o + i] as number); } return true;
    default: return false;
  }
}

/** An operand that has the output's own shape: its (row, col) stride pattern walks the output's flat index. */
const full = (p: Plan, rs: number, cs: number) => (rs === p.cols || p.rows === 1) && (cs === 1 || p.cols === 1);

function binaryForward(p: Plan, v: Float64Array): boolean {
  const op = p.scalarOp;
  if (op !== ADD && op !== SUB && op !== MUL && op !== MAX) return false;
  // Same-shape operands (the contiguous fast path): one flat row. Otherwise row by row with broadcast strides.
  const flat = full(p, p.ar, p.ac) && full(p, p.br, p.bc);
  const rows = flat ? 1 : p.rows, cols = flat ? p.len : p.cols, ac = flat ? 1 : p.ac, bc = flat ? 1 : p.bc;
  for (let i = 0; i < rows; i++) {
    const o = p.out + i * cols, a = p.a + i * p.ar, b = p.b + i * p.br;
    if (op === ADD) for (let j = 0; j < cols; j++) v[o + j] = (v[a + j * ac] as number) + (v[b + j * bc] as number);
    else if (op === SUB) for (let j = 0; j < cols; j++) v[o + j] = (v[a + j * ac] as number) - (v[b + j * bc] as number);
    else if (op === MUL) for (let j = 0; j < cols; j++) v[o + j] = (v[a + j * ac] as number) * (v[b + j * bc] as number);
    else for (let j = 0; j < cols; j++) { const x = v[a + j * ac] as number, y = v[b + j * bc] as number; v[o + j] = firstWins(x, y) ? x : y; }
  }
  return true;
}

/** NOTE: a stretched operand sums its gradient over the stretched axis in the generic loop's order: rows, then columns. */
function binaryBackward(p: Plan, v: Float64Array, g: Float64Array, j: number, target: Float64Array, t: number): boolean {
  const op = p.scalarOp;
  if (op !== ADD && op !== SUB && op !== MUL && op !== MAX) return false;
  const flat = full(p, p.ar, p.ac) && full(p, p.br, p.bc);
  const rows = flat ? 1 : p.rows, cols = flat ? p.len : p.cols, ac = flat ? 1 : p.ac, bc = flat ? 1 : p.bc;
  const rs = flat ? 0 : j === 0 ? p.ar : p.br, cs = flat ? 1 : j === 0 ? p.ac : p.bc;
  // The other operand, whose value is a mul gate's local gradient.
  const other = j === 0 ? p.b : p.a, os = j === 0 ? p.br : p.ar, oc = j === 0 ? bc : ac;
  for (let i = 0; i < rows; i++) {
    const o = p.out + i * cols, at = t + i * rs, w = other + i * os;
    if (op === ADD || (op === SUB && j === 0)) for (let k = 0; k < cols; k++) target[at + k * cs] = (target[at + k * cs] as number) + (g[o + k] as number);
    else if (op === SUB) for (let k = 0; k < cols; k++) target[at + k * cs] = (target[at + k * cs] as number) + -1 * (g[o + k] as number);
    else if (op === MUL) for (let k = 0; k < cols; k++) target[at + k * cs] = (target[at + k * cs] as number) + (v[w + k * oc] as number) * (g[o + k] as number);
    else {
      const a = p.a + i * p.ar, b = p.b + i * p.br;
      for (let k = 0; k < cols; k++) {
        const wins = firstWins(v[a + k * ac] as number, v[b + k * bc] as number);
        target[at + k * cs] = (target[at + k * cs] as number) + (wins === (j === 0) ? 1 : 0) * (g[o + k] as number);
      }
    }
  }
  return true;
}
