import { wireName, type Circuit, type CircuitNode } from '../circuit.ts';
import { parenthesize } from '../number-format.ts';
import { replaceGates, type CircuitBuilder } from './builder.ts';

/**
 * softmax(x) = exp(x) / Σ exp(x): every softmax gate becomes an `exp`, a `sum` along the last axis (kept as a column
 * for a matrix, so it stretches over each row) and a `/`, grouped under the softmax gate's id. NOTE: written out this
 * way it does not subtract the row's maximum first, so scores in the hundreds overflow to ∞ and NaN here, while the
 * softmax gate itself stays finite.
 */
export function expandSoftmax(circuit: Circuit): Circuit {
  return replaceGates(circuit, 'softmax', expandOne);
}

function expandOne(b: CircuitBuilder, node: CircuitNode, input: number, inputNode: CircuitNode): number {
  const a = parenthesize(wireName(inputNode));
  const group = node.group ?? node.id;
  const inner = { kind: 'gate' as const, span: node.span, group, composite: 'softmax' as const, names: [] };
  const exp = b.add({ ...inner, id: `${node.id}/1`, op: 'exp', args: [input], text: `exp(${a})`, shape: node.shape });
  const matrix = node.shape.length === 2;
  const sumShape = node.shape.length === 0 ? [] : matrix ? [node.shape[0] as number, 1] : [];
  const total = node.shape.length === 0
    ? exp
    : b.add({ ...inner, id: `${node.id}/2`, op: 'sum', c: matrix ? 1 : -1, args: [exp], text: `Σ exp(${a})`, shape: sumShape });
  return b.add({ ...node, op: 'div', c: 0, args: [exp, total], group, composite: 'softmax' });
}
