import { wireName, type Circuit, type CircuitNode } from '../circuit.ts';
import { parenthesize } from '../number-format.ts';
import { replaceGates, type CircuitBuilder } from './builder.ts';

/**
 * σ(a) = 1 / (1 + exp(-1 · a)): every σ gate becomes the lecture's four gates, grouped under the σ gate's id (the
 * last keeps the id, the others are `id/1`, `id/2`, `id/3`), so a step carries over when the view is toggled.
 * A circuit transform: the source is not read again. Works elementwise on tensors too.
 */
export function expandSigmoid(circuit: Circuit): Circuit {
  return replaceGates(circuit, 'sigmoid', expandOne);
}

function expandOne(b: CircuitBuilder, node: CircuitNode, input: number, inputNode: CircuitNode): number {
  const a = parenthesize(wireName(inputNode));
  // An element of a tensor gate shown as scalars stays in its tensor gate's group, so steps still carry over.
  const group = node.group ?? node.id;
  const inner = { kind: 'gate' as const, span: node.span, group, composite: 'sigmoid' as const, shape: node.shape, names: [] };
  const negated = b.add({ ...inner, id: `${node.id}/1`, op: 'mulc', c: -1, args: [input], text: `-${a}` });
  const exp = b.add({ ...inner, id: `${node.id}/2`, op: 'exp', args: [negated], text: `exp(-${a})` });
  const plusOne = b.add({ ...inner, id: `${node.id}/3`, op: 'addc', c: 1, args: [exp], text: `1 + exp(-${a})` });
  return b.add({ ...node, op: 'rdivc', c: 1, args: [plusOne], group, composite: 'sigmoid' });
}
