import { wireName, type Circuit, type CircuitNode } from '../circuit.ts';
import { parenthesize } from '../number-format.ts';
import { CircuitBuilder } from './builder.ts';

/**
 * σ(a) = 1 / (1 + exp(-1 · a)): every σ gate becomes the lecture's four gates, grouped under the σ gate's id (the
 * last keeps the id, the others are `id/1`, `id/2`, `id/3`), so a step carries over when the view is toggled.
 * A circuit transform: the source is not read again. Works elementwise on tensors too.
 */
export function expandSigmoid(circuit: Circuit): Circuit {
  if (!circuit.nodes.some((n) => n.op === 'sigmoid')) return circuit;
  const b = new CircuitBuilder();
  const map = new Int32Array(circuit.nodes.length);
  circuit.nodes.forEach((node, i) => {
    const args = node.args.map((a) => map[a] as number);
    map[i] = node.op === 'sigmoid' ? expandOne(b, node, args[0] as number, circuit.nodes[node.args[0] as number] as CircuitNode) : b.copy(node, args);
  });
  return b.finish(map[circuit.output] as number, circuit.outputName);
}

function expandOne(b: CircuitBuilder, node: CircuitNode, input: number, inputNode: CircuitNode): number {
  const a = parenthesize(wireName(inputNode));
  // An element of a tensor gate shown as scalars stays in its tensor gate's group, so steps still carry over.
  const group = node.group ?? node.id;
  const inner = { kind: 'gate' as const, span: node.span, group, shape: node.shape, names: [] };
  const negated = b.add({ ...inner, id: `${node.id}/1`, op: 'mulc', c: -1, args: [input], text: `-${a}` });
  const exp = b.add({ ...inner, id: `${node.id}/2`, op: 'exp', args: [negated], text: `exp(-${a})` });
  const plusOne = b.add({ ...inner, id: `${node.id}/3`, op: 'addc', c: 1, args: [exp], text: `1 + exp(-${a})` });
  return b.add({ ...node, op: 'rdivc', c: 1, args: [plusOne], group });
}
