import type { Op } from '../gates.ts';
import type { GateCode, Terms } from './gate-text.ts';

/** The gates Python and JavaScript write the same way: arithmetic on wires and constants. */
export const SHARED_GATES = {
  add: { forward: (t) => `${t.a} + ${t.b}`, local: () => '1' },
  sub: { forward: (t) => `${t.a} - ${t.b}`, local: (i) => (i === 0 ? '1' : '-1') },
  mul: { forward: (t) => `${t.a} * ${t.b}`, local: (i, t) => (i === 0 ? t.b : t.a) },
  neg: { forward: (t) => `-${t.a}`, local: () => '-1' },
  addc: { forward: (t) => `${t.a} + ${t.c}`, local: () => '1' },
  subc: { forward: (t) => `${t.a} - ${t.c}`, local: () => '1' },
  rsubc: { forward: (t) => `${t.c} - ${t.a}`, local: () => '-1' },
  mulc: { forward: (t) => `${t.c} * ${t.a}`, local: (_i, t) => t.c },
  rdivc: { forward: (t) => `${t.c} / ${t.a}`, local: (_i, t) => `${t.lit(-t.cValue)} / (${t.a} * ${t.a})` },
  powc: { forward: (t) => `${t.a} ** ${t.c}`, local: (_i, t) => powerRule(t) },
} as const satisfies Partial<Record<Op, GateCode>>;

/** c·a^(c-1) with c - 1 worked out (the same double the engine computes); `a^1 = a` and `a^0 = 1` exactly. */
export function powerRule(t: Terms): string {
  if (t.cValue === 0) return t.lit(0);
  if (t.cValue === 1) return '1';
  if (t.cValue === 2) return `${t.c} * ${t.a}`;
  return `${t.c} * ${t.a} ** ${t.lit(t.cValue - 1)}`;
}
