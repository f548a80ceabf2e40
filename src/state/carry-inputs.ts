import type { Engine } from '../core/index.ts';
import { elementSuffix } from '../core/transforms/element-names.ts';

/**
 * Copies input values from the engine of one view to the engine of another view of the same formula, by name: an
 * input of the same name, or the elements `W[0,1]` of a tensor input `W` shown as scalars (and back).
 */
export function carryInputs(from: Engine, to: Engine): void {
  const source = new Map<string, { at: number; length: number; cols: number }>();
  for (const i of from.circuit.inputs) {
    const shape = from.circuit.nodes[i]?.shape ?? [];
    source.set(from.circuit.nodes[i]?.names[0] as string, { at: from.offset[i] as number, length: from.length[i] as number, cols: shape.length === 2 ? (shape[1] as number) : 1 });
  }
  for (const i of to.circuit.inputs) {
    const node = to.circuit.nodes[i];
    const name = node?.names[0] as string;
    const at = to.offset[i] as number;
    const length = to.length[i] as number;
    const same = source.get(name);
    if (same && same.length === length) {
      to.values.set(from.values.subarray(same.at, same.at + length), at);
      continue;
    }
    // A tensor input gathered from its elements shown as scalars.
    for (let k = 0; k < length; k++) {
      const element = source.get(`${name}${elementSuffix(node?.shape ?? [], k)}`);
      if (element) to.values[at + k] = from.values[element.at] as number;
    }
    // An element shown as a scalar, picked from its tensor.
    const picked = /^(\w+)\[(\d+)(?:,(\d+))?\]$/.exec(name);
    const tensor = picked ? source.get(picked[1] as string) : undefined;
    if (picked && tensor) {
      const flat = picked[3] === undefined ? Number(picked[2]) : Number(picked[2]) * tensor.cols + Number(picked[3]);
      if (flat < tensor.length) to.values[at] = from.values[tensor.at + flat] as number;
    }
  }
}
