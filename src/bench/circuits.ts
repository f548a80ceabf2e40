import type { LayoutEdge, LayoutNode } from '../layout/index.ts';
import { seededRandom } from './generate-sources.ts';

export interface CircuitGraph {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

const GATE_SIZE = 36;
const INPUT_HEIGHT = 24;
const INPUT_WIDTHS = [32, 48, 64];
const UNARY_GATE_SHARE = 0.3;
// Where a gate takes an operand from: a value computed but not used yet, a recent value used once more (fan-out),
// a fresh input (a weight or constant), or else a recent input used again (like x feeding a layer of neurons).
const FROM_PENDING = 0.55;
const FROM_RECENT_VALUE = 0.15;
const FROM_NEW_INPUT = 0.2;
const RECENT_WINDOW = 8;
// Pending values are used roughly first come, first served, and never pile up, as in a formula a person writes.
const PENDING_WINDOW = 4;
const MAX_PENDING = 12;

/**
 * A random circuit of `gates` gates in topological order, like an expression DAG or an unrolled network: each gate
 * takes one or two operands from recent values or inputs, and every value flows into the last gate, the output.
 */
export function randomCircuit(gates: number, seed = 1): CircuitGraph {
  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const values: number[] = [];
  const inputs: number[] = [];
  const pending: number[] = [];
  const recent = (list: readonly number[]) => list[list.length - 1 - below(Math.min(RECENT_WINDOW, list.length))]!;
  const takePending = () => pending.splice(below(Math.min(PENDING_WINDOW, pending.length)), 1)[0]!;
  const addInput = () => {
    nodes.push({ id: `in${inputs.length}`, width: INPUT_WIDTHS[below(INPUT_WIDTHS.length)]!, height: INPUT_HEIGHT, pinned: true });
    inputs.push(nodes.length - 1);
    values.push(nodes.length - 1);
    return nodes.length - 1;
  };
  pending.push(addInput(), addInput());

  for (let g = 0; g < gates; g++) {
    // NOTE: a gate lowers the pending count by at most one, so from here on every gate must consume two.
    const mustReduce = pending.length >= gates - g;
    const operands: number[] = [];
    for (let arity = mustReduce || random() >= UNARY_GATE_SHARE ? 2 : 1; operands.length < arity; ) {
      const r = random();
      if (pending.length > 0 && (mustReduce || pending.length > MAX_PENDING || r < FROM_PENDING)) operands.push(takePending());
      else if (r < FROM_PENDING + FROM_RECENT_VALUE) operands.push(recent(values));
      else if (r < FROM_PENDING + FROM_RECENT_VALUE + FROM_NEW_INPUT) operands.push(addInput());
      else operands.push(recent(inputs));
    }
    nodes.push({ id: `g${g}`, width: GATE_SIZE, height: GATE_SIZE });
    const gate = nodes.length - 1;
    for (const operand of operands) edges.push({ source: operand, target: gate });
    values.push(gate);
    pending.push(gate);
  }
  return { nodes, edges };
}
