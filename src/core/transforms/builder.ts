import { assemble, type Circuit, type CircuitNode } from '../circuit.ts';
import { SCALAR } from '../tensor/shape.ts';

export type NodeFields = Partial<CircuitNode> & Pick<CircuitNode, 'id' | 'kind' | 'span'>;

const NONE: readonly never[] = [];

/**
 * Builds the node list of a transformed circuit in topological order. Every node gets every field, in one order, so
 * the engines' loops meet one object layout.
 */
export class CircuitBuilder {
  readonly nodes: CircuitNode[] = [];
  readonly inputs: number[] = [];

  add(fields: NodeFields): number {
    const node: CircuitNode = {
      id: fields.id, kind: fields.kind, op: fields.op, c: fields.c ?? 0, args: fields.args ?? NONE, names: fields.names ?? NONE,
      text: fields.text ?? '', span: fields.span, group: fields.group, composite: fields.composite, shape: fields.shape ?? SCALAR, init: fields.init,
    };
    this.nodes.push(node);
    if (node.kind === 'input') this.inputs.push(this.nodes.length - 1);
    return this.nodes.length - 1;
  }

  /** A copy of `node` reading `args` (already mapped into this circuit). */
  copy(node: CircuitNode, args: readonly number[]): number {
    return this.add({ ...node, args });
  }

  finish(output: number, outputName: string): Circuit {
    return assemble(this.nodes, this.inputs, output, outputName);
  }
}

/**
 * Rewrites every gate of one op with `expand` (given the builder, the gate, its argument already mapped, and the
 * argument's node), copying every other node: how a composite gate is shown as the gates it is made of.
 */
export function replaceGates(
  circuit: Circuit, op: NonNullable<CircuitNode['op']>,
  expand: (b: CircuitBuilder, node: CircuitNode, input: number, inputNode: CircuitNode) => number,
): Circuit {
  if (!circuit.nodes.some((n) => n.op === op)) return circuit;
  const b = new CircuitBuilder();
  const map = new Int32Array(circuit.nodes.length);
  circuit.nodes.forEach((node, i) => {
    const args = node.args.map((a) => map[a] as number);
    map[i] = node.op === op ? expand(b, node, args[0] as number, circuit.nodes[node.args[0] as number] as CircuitNode) : b.copy(node, args);
  });
  return b.finish(map[circuit.output] as number, circuit.outputName);
}
