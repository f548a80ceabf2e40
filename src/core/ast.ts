import type { Span } from './position.ts';
import type { FuncName } from './functions.ts';

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** Every node keeps the span of its defining token and the source range it covers (`start`..`end`, without parentheses around it). */
interface Base {
  readonly span: Span;
  readonly start: number;
  readonly end: number;
}

export type Expr =
  | (Base & { readonly kind: 'number'; readonly value: number })
  | (Base & { readonly kind: 'name'; readonly name: string })
  | (Base & { readonly kind: 'unary'; readonly op: '-' | '+'; readonly arg: Expr })
  | (Base & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr })
  | (Base & { readonly kind: 'call'; readonly func: FuncName; readonly args: readonly Expr[] });

export interface Statement {
  /** The assigned name, if the statement is `name = expr`. */
  readonly target?: { readonly name: string; readonly span: Span };
  readonly expr: Expr;
  /** `name = -?NUMBER`: declares an input rather than an intermediate. */
  readonly declaresInput: boolean;
}

export interface Program {
  readonly statements: readonly Statement[];
}
