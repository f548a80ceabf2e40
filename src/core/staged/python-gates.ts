import type { Op } from '../gates.ts';
import type { GateCode, Terms } from './gate-text.ts';
import { SHARED_GATES } from './shared-gates.ts';

/**
 * Every scalar gate in Python, as gates.ts computes it. `numpy` writes NumPy (elementwise on arrays, with broadcasting,
 * and IEEE NaN and ±∞ on np.float64 scalars); otherwise plain floats and `math`. `exact` spells out what gates.ts does
 * with a NaN (max and min route to a NaN first argument, relu passes NaN on); without it the readable forms are used,
 * which agree with gates.ts on every number that is not NaN, ties included (`max`: `a >= b` goes to `a`).
 */
export function pythonGates(numpy: boolean, exact: boolean): Readonly<Record<Op, GateCode>> {
  const ns = numpy ? 'np' : 'math';
  const one = (t: Terms) => t.lit(1);
  /** The first argument wins: bigger (or smaller) or equal, or NaN. */
  const wins = (t: Terms, cmp: string) => `(${t.a} ${cmp} ${t.b})${t.aIsLiteral ? '' : ` | np.isnan(${t.a})`}`;
  const route = (cmp: string, strict: string, fn: 'max' | 'min'): GateCode => ({
    forward: (t) => (!numpy ? `${fn}(${t.a}, ${t.b})` : exact ? `np.where(${wins(t, cmp)}, ${t.a}, ${t.b})` : `np.${fn}imum(${t.a}, ${t.b})`),
    local: (i, t) => {
      if (exact) return i === 0 ? `np.where(${wins(t, cmp)}, 1.0, 0.0)` : `np.where(${wins(t, cmp)}, 0.0, 1.0)`;
      const test = i === 0 ? `${t.a} ${cmp} ${t.b}` : `${t.b} ${strict} ${t.a}`;
      return numpy ? `(${test})` : `float(${test})`;
    },
  });
  const unary = (fn: string, local: GateCode['local']): GateCode => ({ forward: (t) => `${ns}.${fn}(${t.a})`, local });
  return {
    ...SHARED_GATES,
    div: { forward: (t) => `${t.a} / ${t.b}`, local: (i, t) => (i === 0 ? `${one(t)} / ${t.b}` : `-${t.a} / (${t.b} * ${t.b})`) },
    pow: {
      forward: (t) => `${t.a} ** ${t.b}`,
      local: (i, t) => {
        if (i === 1) return `${t.out} * ${ns}.log(${t.a})`;
        const rule = `${t.b} * ${t.a} ** (${t.b} - 1.0)`;
        return numpy ? `np.where(${t.b} == 0, 0.0, ${rule})` : `(0.0 if ${t.b} == 0 else ${rule})`;
      },
    },
    max: route('>=', '>', 'max'),
    min: route('<=', '<', 'min'),
    divc: { forward: (t) => `${t.a} / ${t.c}`, local: (_i, t) => `${one(t)} / ${t.c}` },
    rpowc: { forward: (t) => `${t.c} ** ${t.a}`, local: (_i, t) => `${t.out} * ${ns}.log(${t.c})` },
    exp: unary('exp', (_i, t) => t.out),
    log: unary('log', (_i, t) => `${one(t)} / ${t.a}`),
    sqrt: unary('sqrt', (_i, t) => `${t.lit(0.5)} / ${t.out}`),
    abs: numpy ? unary('abs', (_i, t) => `np.sign(${t.a})`) : { forward: (t) => `abs(${t.a})`, local: (_i, t) => `(${t.a} > 0) - (${t.a} < 0)` },
    sin: unary('sin', (_i, t) => `${ns}.cos(${t.a})`),
    cos: unary('cos', (_i, t) => `-${ns}.sin(${t.a})`),
    tanh: unary('tanh', (_i, t) => `${one(t)} - ${t.out} * ${t.out}`),
    sigmoid: { forward: (t) => `${one(t)} / (${one(t)} + ${ns}.exp(-${t.a}))`, local: (_i, t) => `(${one(t)} - ${t.out}) * ${t.out}` },
    relu: {
      forward: (t) => (numpy ? `np.maximum(0.0, ${t.a})` : `max(0.0, ${t.a})`),
      local: (_i, t) => (!numpy ? `float(${t.a} > 0)` : exact ? `np.where(np.isnan(${t.a}), np.nan, ${t.a} > 0)` : `(${t.a} > 0)`),
    },
  };
}
