import { assemble, type Circuit, type CircuitNode } from '../circuit.ts';
import type { Span } from '../position.ts';
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
      text: fields.text ?? '', span: fields.span, group: fields.group, shape: fields.shape ?? SCALAR, init: fields.init,
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

export const spanOf = (node: CircuitNode): Span => node.span;
