import type { Op } from '../gates.ts';
import type { GateCode, Terms } from './gate-text.ts';
import { SHARED_GATES } from './shared-gates.ts';

/**
 * Every scalar gate in JavaScript, as gates.ts computes it, on plain numbers (a tensor program applies the same text
 * to every element). `exact` spells out gates.ts's NaN conventions; the readable forms agree on every other number.
 */
export function jsGates(exact: boolean): Readonly<Record<Op, GateCode>> {
  const wins = (t: Terms, cmp: string) => `${t.a} ${cmp} ${t.b}${t.aIsLiteral ? '' : ` || Number.isNaN(${t.a})`}`;
  const route = (cmp: string, strict: string, fn: 'max' | 'min'): GateCode => ({
    forward: (t) => (exact ? `(${wins(t, cmp)} ? ${t.a} : ${t.b})` : `Math.${fn}(${t.a}, ${t.b})`),
    local: (i, t) => {
      if (exact) return i === 0 ? `(${wins(t, cmp)} ? 1 : 0)` : `(${wins(t, cmp)} ? 0 : 1)`;
      return i === 0 ? `(${t.a} ${cmp} ${t.b} ? 1 : 0)` : `(${t.b} ${strict} ${t.a} ? 1 : 0)`;
    },
  });
  const unary = (fn: string, local: GateCode['local']): GateCode => ({ forward: (t) => `Math.${fn}(${t.a})`, local });
  return {
    ...SHARED_GATES,
    div: { forward: (t) => `${t.a} / ${t.b}`, local: (i, t) => (i === 0 ? `1 / ${t.b}` : `-${t.a} / (${t.b} * ${t.b})`) },
    pow: {
      forward: (t) => `${t.a} ** ${t.b}`,
      local: (i, t) => (i === 0 ? `(${t.b} === 0 ? 0 : ${t.b} * ${t.a} ** (${t.b} - 1))` : `${t.out} * Math.log(${t.a})`),
    },
    max: route('>=', '>', 'max'),
    min: route('<=', '<', 'min'),
    divc: { forward: (t) => `${t.a} / ${t.c}`, local: (_i, t) => `1 / ${t.c}` },
    rpowc: { forward: (t) => `${t.c} ** ${t.a}`, local: (_i, t) => `${t.out} * Math.log(${t.c})` },
    exp: unary('exp', (_i, t) => t.out),
    log: unary('log', (_i, t) => `1 / ${t.a}`),
    sqrt: unary('sqrt', (_i, t) => `0.5 / ${t.out}`),
    abs: unary('abs', (_i, t) => `Math.sign(${t.a})`),
    sin: unary('sin', (_i, t) => `Math.cos(${t.a})`),
    cos: unary('cos', (_i, t) => `-Math.sin(${t.a})`),
    tanh: unary('tanh', (_i, t) => `1 - ${t.out} * ${t.out}`),
    sigmoid: { forward: (t) => `1 / (1 + Math.exp(-${t.a}))`, local: (_i, t) => `(1 - ${t.out}) * ${t.out}` },
    relu: {
      forward: (t) => `Math.max(0, ${t.a})`,
      local: (_i, t) => (exact ? `(${t.a} > 0 ? 1 : Number.isNaN(${t.a}) ? NaN : 0)` : `(${t.a} > 0 ? 1 : 0)`),
    },
  };
}
