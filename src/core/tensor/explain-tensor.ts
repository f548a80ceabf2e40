import { outputSymbol, type CircuitNode } from '../circuit.ts';
import { gateLabel } from '../gate-label.ts';
import { gate, type Op } from '../gates.ts';
import {
  binary, call, dims, equals, group, index, line, num, over, parens, partial, sumOf, sym, tensor, text, times, toText, transpose,
  type Expr, type Line,
} from '../math/index.ts';
import { termLine, type TermMath } from '../explanation.ts';
import { gateFormula } from '../gate-formula.ts';
import type { Schedule } from '../schedule.ts';
import { WRITTEN_TENSOR_LIMIT } from './format-tensor.ts';
import { isTensorOp, TENSOR_OPS } from './ops.ts';
import { describeShape, sameShape, sizeOf, type Shape } from './shape.ts';
import type { TensorTape } from './tensor-tape.ts';

/** One input of a tensor gate during its backward step, in matrix form with shapes. */
export interface TensorBackwardTerm {
  readonly node: number;
  readonly name: string;
  readonly shape: Shape;
  /** `∂f/∂q · xᵀ`, the right-hand side of `∂f/∂W = …`, as text. */
  readonly formula: string;
  /** `(2×1 · 1×2 = 2×2)` */
  readonly shapes: string;
  /** The contribution written out when small. */
  readonly numbers?: string;
  /** How many branches of this wire have reported, counting this one, out of how many. */
  readonly received: number;
  readonly branches: number;
  /** `∂f/∂W = ∂f/∂q · xᵀ   (2×1 · 1×2 = 2×2) = [[…]]`, and where it adds up: the text of `termLine(math)`. */
  readonly text: string;
  /** The same as maths; every string above is its `toText`. */
  readonly math: TermMath & { readonly formula: Expr; readonly shapes: Expr; readonly numbers?: Expr };
}

const d = (of: string, wrt: string) => partial(sym(of), sym(wrt));
/** A vector in a matrix product is a row on the left and a column on the right. */
const asRow = (s: Shape): Shape => (s.length === 1 ? [1, s[0] as number] : s.length === 0 ? [1, 1] : s);
const asCol = (s: Shape): Shape => (s.length === 1 ? [s[0] as number, 1] : s.length === 0 ? [1, 1] : s);
const tr = (s: Shape): Shape => [...s].reverse();
const written = (s: Shape) => (s.length === 0 ? text('scalar') : dims(s));

/** The tensor as maths when small enough to read, else undefined. */
export function smallTensorExpr(values: ArrayLike<number>, shape: Shape): Expr | undefined {
  return sizeOf(shape) <= WRITTEN_TENSOR_LIMIT ? tensor(values, shape) : undefined;
}

/** The forward line of a tensor gate: `q = W @ x  (2×2 @ 2 → 2)` and its numbers when small. */
export function tensorForwardLines(engine: TensorTape, node: number, names: (i: number) => string): Line[] {
  const g = engine.circuit.nodes[node] as CircuitNode;
  const out = names(node);
  const argShapes: Expr[] = g.args.map((a) => written((engine.circuit.nodes[a] as CircuitNode).shape));
  const label = gateLabel(engine.circuit, node);
  const inputs = argShapes.reduce((l, r) => binary(label === '@' ? '@' : ',', l, r));
  const numbers = smallTensorExpr(engine.value(node), g.shape);
  return [
    line(gateFormula(engine.circuit, node, names), '   (', binary('→', inputs, written(g.shape)), ')'),
    numbers ? line(equals(sym(out), numbers)) : line(sym(out), ` is a ${describeShape(g.shape)}: hover or click its wire to see every number.`),
  ];
}

export function tensorFormula(g: CircuitNode, args: Expr[], label: string): Expr {
  const [a = sym(''), b = sym('')] = args;
  switch (g.op) {
    case 'matmul': return binary('@', parens(a), parens(b));
    case 'transpose': return transpose(parens(a));
    case 'index': return index(parens(a), (label.match(/\d+/g) ?? []).map(Number));
    default: {
      const axis = g.c >= 0 && (g.op === 'sum' || g.op === 'mean') ? [binary('=', text('axis'), num(g.c), true)] : [];
      return call(label.replace(/\(\d\)$/, ''), a, ...axis);
    }
  }
}

/** Every input's share of a tensor gate's backward step, with where it adds up at a branch. */
export function tensorBackwardTerms(engine: TensorTape, schedule: Schedule, node: number, names: (i: number) => string): TensorBackwardTerm[] {
  const { circuit } = engine;
  const g = circuit.nodes[node] as CircuitNode;
  const f = outputSymbol(circuit);
  const out = names(node);
  const myStep = schedule.backwardStep[node] as number;
  // A constant such as the 0 of max(0, x) needs no gradient: only wires that lead back to inputs are explained.
  return g.args.flatMap((a, j) => {
    const arg = circuit.nodes[a] as CircuitNode;
    if (arg.kind === 'const') return [];
    const name = names(a);
    const { formula, shapes } = vjpFormula(engine, node, j, { f, out, names });
    const consumers = [...new Set(circuit.consumers[a] ?? [])].filter((c) => circuit.live[c]);
    const branches = (circuit.consumers[a] ?? []).filter((c) => circuit.live[c]).length;
    const received = consumers.reduce((n, c) => {
      const step = schedule.backwardStep[c] as number;
      const positions = (circuit.nodes[c]?.args ?? []).map((x, k) => [x, k] as const).filter(([x]) => x === a);
      return n + positions.filter(([, k]) => step < myStep || (c === node && k <= j)).length;
    }, 0);
    const numbers = smallTensorExpr(engine.contribution(node, j), arg.shape);
    const chain = line(equals(d(f, name), formula), '   ', shapes, ...(numbers ? [' = ', numbers] : []));
    const branch = branches > 1
      ? line(sym(name), ` feeds ${branches} branches, so gradients add: this is ${received} of ${branches} (summed elementwise).`)
      : undefined;
    const math = { formula, shapes, ...(numbers ? { numbers } : {}), chain, ...(branch ? { branch } : {}) };
    return [{
      node: a, name, shape: arg.shape, formula: toText(formula), shapes: toText(shapes), ...(numbers ? { numbers: toText(numbers) } : {}),
      received, branches, text: toText(termLine(math)), math,
    }];
  });
}

interface Ctx { f: string; out: string; names: (i: number) => string }

function vjpFormula(engine: TensorTape, node: number, j: number, ctx: Ctx): { formula: Expr; shapes: Expr } {
  const nodes = engine.circuit.nodes;
  const g = nodes[node] as CircuitNode;
  const up = d(ctx.f, ctx.out);
  const out = sym(ctx.out);
  const argShape = (k: number) => (nodes[g.args[k] as number] as CircuitNode).shape;
  const name = (k: number) => sym(g.args[k] === undefined ? '' : ctx.names(g.args[k] as number));
  const op = g.op as NonNullable<CircuitNode['op']>;
  if (op === 'matmul') {
    const [a, b] = [argShape(0), argShape(1)];
    const upShape = g.shape.length === 2 ? g.shape : a.length === 2 ? [g.shape[0] ?? 1, 1] : [1, g.shape[0] ?? 1];
    const product = (l: Shape, r: Shape, result: Shape) => group(equals(times(dims(l), dims(r)), dims(result)));
    if (j === 0) return { formula: times(up, transpose(parens(name(1)))), shapes: product(upShape, tr(asCol(b)), asRow(a)) };
    return { formula: times(transpose(parens(name(0))), up), shapes: product(tr(asRow(a)), upShape, asCol(b)) };
  }
  const shapeOf = group(written(argShape(j)));
  switch (op) {
    case 'sum': return { formula: line(up, g.c < 0 ? ' copied to every element' : ` copied along axis ${g.c}`), shapes: shapeOf };
    case 'mean': return { formula: line(over(up, sym('N')), ', copied to every element averaged'), shapes: shapeOf };
    case 'softmax': {
      const p = sym('p');
      return {
        formula: binary('⊙', out, group(binary('−', up, sumOf(binary('⊙', up, out))))),
        shapes: line(shapeOf, ', the Jacobian ', binary('−', call('diag', p), binary(' ', p, transpose(p))), ' applied row by row'),
      };
    }
    case 'transpose': return { formula: transpose(group(up)), shapes: shapeOf };
    case 'index': return { formula: line(up, ` at ${gateLabel(engine.circuit, node)}, 0 elsewhere`), shapes: shapeOf };
    default: {
      const local = gate(op as Op).localFormula(j, { a: name(0), b: name(1), c: num(g.c), out });
      const stretched = !sameShape(argShape(j), g.shape);
      return {
        formula: line(binary('⊙', up, parens(local)), stretched ? ', summed over the stretched axis' : ''),
        shapes: group(line(written(argShape(j)), '; the Jacobian ', call('diag', local), ' is ', dims([sizeOf(g.shape), sizeOf(argShape(j))], true), ', never formed')),
      };
    }
  }
}

export function tensorPattern(op: NonNullable<CircuitNode['op']>): string {
  return isTensorOp(op) ? (TENSOR_OPS.get(op)?.pattern ?? '') : `Elementwise: ${gate(op as Op).pattern} The local Jacobian is diagonal, so the backward pass multiplies elementwise.`;
}
