import { outputSymbol, type CircuitNode } from '../circuit.ts';
import { gateLabel } from '../gate-label.ts';
import { gate, type Op } from '../gates.ts';
import { parenthesize } from '../number-format.ts';
import type { Schedule } from '../schedule.ts';
import { smallTensor } from './format-tensor.ts';
import { isTensorOp, TENSOR_OPS } from './ops.ts';
import { describeShape, sameShape, shapeTag, type Shape } from './shape.ts';
import type { TensorTape } from './tensor-tape.ts';

/** One input of a tensor gate during its backward step, in matrix form with shapes. */
export interface TensorBackwardTerm {
  readonly node: number;
  readonly name: string;
  readonly shape: Shape;
  /** `∂f/∂W = ∂f/∂q · xᵀ` */
  readonly formula: string;
  /** `(2×1 · 1×2 = 2×2)` */
  readonly shapes: string;
  /** The contribution written out when small. */
  readonly numbers?: string;
  /** How many branches of this wire have reported, counting this one, out of how many. */
  readonly received: number;
  readonly branches: number;
  readonly text: string;
}

const d = (of: string, wrt: string) => `∂${parenthesize(of)}/∂${parenthesize(wrt)}`;
/** A vector in a matrix product is a row on the left and a column on the right. */
const asRow = (s: Shape) => (s.length === 1 ? `1×${s[0]}` : s.length === 0 ? '1×1' : `${s[0]}×${s[1]}`);
const asCol = (s: Shape) => (s.length === 1 ? `${s[0]}×1` : s.length === 0 ? '1×1' : `${s[0]}×${s[1]}`);
const tr = (s: string) => s.split('×').reverse().join('×');
const written = (s: Shape) => (s.length === 0 ? 'scalar' : shapeTag(s));

/** The forward line of a tensor gate: `q = W @ x  (2×2 @ 2 = 2)` and its numbers when small. */
export function tensorForwardLines(engine: TensorTape, node: number, names: (i: number) => string): string[] {
  const g = engine.circuit.nodes[node] as CircuitNode;
  const out = names(node);
  const args = g.args.map(names);
  const argShapes = g.args.map((a) => (engine.circuit.nodes[a] as CircuitNode).shape);
  const label = gateLabel(engine.circuit, node);
  const formula = isTensorOp(g.op as string) ? tensorFormula(g, args, label) : gate(g.op as Op).formula({ a: args[0] ?? '', b: args[1] ?? '', c: String(g.c), out });
  const lines = [`${formula === out ? '' : `${out} = `}${formula}   (${argShapes.map(written).join(label === '@' ? ' @ ' : ', ')} → ${written(g.shape)})`];
  const numbers = smallTensor(engine.value(node), g.shape);
  lines.push(numbers ? `${out} = ${numbers}` : `${out} is a ${describeShape(g.shape)}: hover or click its wire to see every number.`);
  return lines;
}

function tensorFormula(g: CircuitNode, args: string[], label: string): string {
  const [a = ''] = args;
  switch (g.op) {
    case 'matmul': return `${parenthesize(a)} @ ${parenthesize(args[1] ?? '')}`;
    case 'transpose': return `${parenthesize(a)}ᵀ`;
    case 'index': return `${parenthesize(a)}${label}`;
    default: return `${label.replace(/\(\d\)$/, '')}(${a}${g.c >= 0 && (g.op === 'sum' || g.op === 'mean') ? `, axis=${g.c}` : ''})`;
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
    const numbers = smallTensor(engine.contribution(node, j), arg.shape);
    let text = `${d(f, name)} = ${formula}   ${shapes}${numbers ? ` = ${numbers}` : ''}`;
    if (branches > 1) text += `\n${name} feeds ${branches} branches, so gradients add: this is ${received} of ${branches} (summed elementwise).`;
    return [{ node: a, name, shape: arg.shape, formula, shapes, ...(numbers ? { numbers } : {}), received, branches, text }];
  });
}

interface Ctx { f: string; out: string; names: (i: number) => string }

function vjpFormula(engine: TensorTape, node: number, j: number, ctx: Ctx): { formula: string; shapes: string } {
  const nodes = engine.circuit.nodes;
  const g = nodes[node] as CircuitNode;
  const up = d(ctx.f, ctx.out);
  const argShape = (k: number) => (nodes[g.args[k] as number] as CircuitNode).shape;
  const name = (k: number) => (g.args[k] === undefined ? '' : ctx.names(g.args[k] as number));
  const op = g.op as NonNullable<CircuitNode['op']>;
  if (op === 'matmul') {
    const [a, b] = [argShape(0), argShape(1)];
    const upShape = g.shape.length === 2 ? `${g.shape[0]}×${g.shape[1]}` : a.length === 2 ? `${g.shape[0] ?? 1}×1` : `1×${g.shape[0] ?? 1}`;
    if (j === 0) return { formula: `${up} · ${parenthesize(name(1))}ᵀ`, shapes: `(${upShape} · ${tr(asCol(b))} = ${asRow(a)})` };
    return { formula: `${parenthesize(name(0))}ᵀ · ${up}`, shapes: `(${tr(asRow(a))} · ${upShape} = ${asCol(b)})` };
  }
  const shapeOf = `(${written(argShape(j))})`;
  switch (op) {
    case 'sum': return { formula: `${up}${g.c < 0 ? ' copied to every element' : ` copied along axis ${g.c}`}`, shapes: shapeOf };
    case 'mean': return { formula: `${up} / N, copied to every element averaged`, shapes: shapeOf };
    case 'softmax': return { formula: `${ctx.out} ⊙ (${up} − Σ ${up} ⊙ ${ctx.out})`, shapes: `${shapeOf}, the Jacobian diag(p) − p pᵀ applied row by row` };
    case 'transpose': return { formula: `(${up})ᵀ`, shapes: shapeOf };
    case 'index': return { formula: `${up} at ${gateLabel(engine.circuit, node)}, 0 elsewhere`, shapes: shapeOf };
    default: {
      const local = gate(op as Op).localFormula(j, { a: name(0), b: name(1), c: String(g.c), out: ctx.out });
      const stretched = !sameShape(argShape(j), g.shape);
      return {
        formula: `${up} ⊙ ${parenthesize(local)}${stretched ? ', summed over the stretched axis' : ''}`,
        shapes: `(${written(argShape(j))}; the Jacobian diag(${local}) is ${jacobianSize(g.shape, argShape(j))}, never formed)`,
      };
    }
  }
}

function jacobianSize(out: Shape, arg: Shape): string {
  const n = (s: Shape) => s.reduce((p, x) => p * x, 1);
  return `${n(out).toLocaleString('en-US')}×${n(arg).toLocaleString('en-US')}`;
}

export function tensorPattern(op: NonNullable<CircuitNode['op']>): string {
  return isTensorOp(op) ? (TENSOR_OPS.get(op)?.pattern ?? '') : `Elementwise: ${gate(op as Op).pattern} The local Jacobian is diagonal, so the backward pass multiplies elementwise.`;
}

