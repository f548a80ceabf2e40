import type { Circuit, CircuitNode } from './circuit.ts';
import { gate, type Op } from './gates.ts';
import { isTensorOp } from './tensor/ops.ts';

/** The text inside a gate's circle or box: `+`, `*-1`, `@`, `sum`, `[0, 1]`. */
export function gateLabel(circuit: Circuit, i: number): string {
  const node = circuit.nodes[i] as CircuitNode;
  const op = node.op as NonNullable<CircuitNode['op']>;
  if (!isTensorOp(op)) return gate(op as Op).label(node.c);
  switch (op) {
    case 'matmul': return '@';
    case 'sum': case 'mean': return node.c < 0 ? op : `${op}(${node.c})`;
    case 'softmax': return 'softmax';
    case 'transpose': return 'ᵀ';
    case 'index': return indexText(circuit, node);
  }
}

/** `[2]`, `[1]` (a row) or `[0, 1]`, from the flat offset the compiler kept. */
function indexText(circuit: Circuit, node: CircuitNode): string {
  const from = (circuit.nodes[node.args[0] as number] as CircuitNode).shape;
  if (from.length < 2) return `[${node.c}]`;
  const cols = from[1] as number;
  const row = Math.floor(node.c / cols);
  return node.shape.length === 1 ? `[${row}]` : `[${row}, ${node.c % cols}]`;
}
