import type { Expr, Program } from './ast.ts';
import { assertUnreachable } from './position.ts';

/**
 * Writes an expression as an S-expression, e.g. `-x^2` → `(neg (^ x 2))`, `M[0, 1]` → `(index M 0 1)`, `M.T` → `(T M)`,
 * `[[1, 2], [3, 4]]` → `[[1 2] [3 4]]`. Iterative, so deep trees are fine.
 */
export function toSExpr(root: Expr): string {
  const out: string[] = [];
  const stack: (Expr | string)[] = [root];
  while (stack.length) {
    const item = stack.pop() as Expr | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    switch (item.kind) {
      case 'number': out.push(String(item.value)); break;
      case 'name': out.push(item.name); break;
      case 'unary': stack.push(')', item.arg, ' ', item.op === '-' ? '(neg' : '(pos'); break;
      case 'binary': stack.push(')', item.right, ' ', item.left, ' ', `(${item.op}`); break;
      case 'call': {
        stack.push(')');
        for (let i = item.args.length - 1; i >= 0; i--) stack.push(item.args[i] as Expr, ' ');
        stack.push(`(${item.func}`);
        break;
      }
      case 'array': out.push(arrayText(item.shape, item.values)); break;
      case 'index': stack.push(`${item.indices.map((i) => ` ${i.value}`).join('')})`, item.arg, '(index '); break;
      case 'transpose': stack.push(')', item.arg, '(T '); break;
      default: assertUnreachable(item);
    }
  }
  return out.join('');
}

function arrayText(shape: readonly number[], values: readonly number[]): string {
  const row = (from: number, to: number) => `[${values.slice(from, to).join(' ')}]`;
  if (shape.length === 1) return row(0, values.length);
  const columns = shape[1] ?? 0;
  const rows = Array.from({ length: shape[0] ?? 0 }, (_, r) => row(r * columns, (r + 1) * columns));
  return `[${rows.join(' ')}]`;
}

export function programToSExpr(program: Program): string {
  return program.statements
    .map((s) => (s.target ? `(${s.declaresInput ? 'input' : '='} ${s.target.name} ${toSExpr(s.expr)})` : toSExpr(s.expr)))
    .join(' ');
}
