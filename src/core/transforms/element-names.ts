import { wireName, type CircuitNode } from '../circuit.ts';
import { parenthesize } from '../number-format.ts';

/** `x[1]` for an element of a vector, `W[0,1]` of a matrix, as the notes name them. */
export function elementSuffix(shape: readonly number[], flat: number): string {
  if (shape.length === 0) return '';
  if (shape.length === 1) return `[${flat}]`;
  const cols = shape[1] as number;
  return `[${Math.floor(flat / cols)},${flat % cols}]`;
}

export function elementName(node: CircuitNode, flat: number): string {
  const base = wireName(node);
  return `${/^\w+$/.test(base) ? base : parenthesize(base)}${elementSuffix(node.shape, flat)}`;
}
