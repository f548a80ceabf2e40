import type { Span } from './position.ts';
import type { FuncName } from './functions.ts';

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '@';

/** Every node keeps the span of its defining token and the source range it covers (`start`..`end`, without parentheses around it). */
interface Base {
  readonly span: Span;
  readonly start: number;
  readonly end: number;
}

/** One literal index of `v[i]` or `M[i, j]`: its value (negative counts from the end) and where it is written. */
export interface IndexLiteral {
  readonly value: number;
  readonly span: Span;
}

export type Expr =
  | (Base & { readonly kind: 'number'; readonly value: number })
  | (Base & { readonly kind: 'name'; readonly name: string })
  | (Base & { readonly kind: 'unary'; readonly op: '-' | '+'; readonly arg: Expr })
  | (Base & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr })
  | (Base & { readonly kind: 'call'; readonly func: FuncName; readonly args: readonly Expr[] })
  /** `[1, 2]` (shape [2]) or `[[1, 2], [3, 4]]` (shape [2, 2]); values row by row. The span is the opening `[`. */
  | (Base & { readonly kind: 'array'; readonly shape: readonly number[]; readonly values: readonly number[] })
  /** `v[i]`, `M[i]`, `M[i, j]`. The span is the `[`. */
  | (Base & { readonly kind: 'index'; readonly arg: Expr; readonly indices: readonly IndexLiteral[] })
  /** `a.T`. The span is the `.`. */
  | (Base & { readonly kind: 'transpose'; readonly arg: Expr });

export interface Statement {
  /** The assigned name, if the statement is `name = expr`. */
  readonly target?: { readonly name: string; readonly span: Span };
  readonly expr: Expr;
  /**
   * Declares an input rather than an intermediate: `name = -?NUMBER`, `name = <array>`, or
   * `name = zeros(..) | ones(..) | randn(..) | rand(..)`.
   */
  readonly declaresInput: boolean;
}

export interface Program {
  readonly statements: readonly Statement[];
}
