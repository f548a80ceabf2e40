import type { BinaryOp, Expr } from './expr.ts';

/**
 * How tightly an expression binds, for the parentheses both renderers add around a compound operand. Leaves never
 * get them here: where a name or a number is parenthesised (`(-4)`, `(x + y)`), the explanation asked for it with
 * `parens`, exactly where the app always wrote `parenthesize`.
 */
export const RELATION = 0;
export const SUM = 1;
export const PRODUCT = 2;
export const SIGNED = 3;
export const POWER = 4;
export const ATOM = 5;

const OPERATOR_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '=': RELATION, '≥': RELATION, '>': RELATION, '≤': RELATION, '<': RELATION, '→': RELATION, ',': RELATION,
  '+': SUM, '-': SUM, '−': SUM,
  '·': PRODUCT, '×': PRODUCT, '/': PRODUCT, '⊙': PRODUCT, '@': PRODUCT, ' ': PRODUCT,
};

export function precedence(e: Expr): number {
  switch (e.kind) {
    case 'binary': return OPERATOR_PRECEDENCE[e.op];
    case 'line': return RELATION;
    case 'frac': case 'sum': return PRODUCT;
    case 'neg': return SIGNED;
    case 'pow': case 'transpose': case 'index': return POWER;
    default: return ATOM;
  }
}

/** Operators read left to right: the right operand is wrapped at equal precedence too (`a - (b - c)`), except in chains of relations. */
export function wrapsLeft(e: Extract<Expr, { kind: 'binary' }>): boolean {
  return precedence(e.left) < OPERATOR_PRECEDENCE[e.op];
}

export function wrapsRight(e: Extract<Expr, { kind: 'binary' }>): boolean {
  const p = OPERATOR_PRECEDENCE[e.op];
  const r = precedence(e.right);
  return r < p || (r === p && p !== RELATION);
}

/** Which child of a non-binary node needs parentheses around it. */
export function wrapsChild(parent: Expr, child: Expr, role: 'arg' | 'base' | 'exp' | 'num' | 'den' = 'arg'): boolean {
  const c = precedence(child);
  switch (parent.kind) {
    case 'neg': case 'sum': return c < PRODUCT;
    case 'frac': return role === 'num' ? c < PRODUCT : c <= PRODUCT;
    case 'pow': return role === 'exp' ? c < POWER : c <= POWER;
    case 'transpose': case 'index': return c < ATOM;
    default: return false;
  }
}
