import type { Expr, Program } from './ast.ts';

/** Writes an expression as an S-expression, e.g. `-x^2` → `(neg (^ x 2))`. Iterative, so deep trees are fine. */
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
    }
  }
  return out.join('');
}

export function programToSExpr(program: Program): string {
  return program.statements
    .map((s) => (s.target ? `(${s.declaresInput ? 'input' : '='} ${s.target.name} ${toSExpr(s.expr)})` : toSExpr(s.expr)))
    .join(' ');
}
