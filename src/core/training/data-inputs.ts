import type { Circuit } from '../circuit.ts';

/**
 * Inputs named like data by the usual conventions: `X`, `x`, `y`, `Y`, and names starting with `data`, `label`,
 * `target`, `input` or `feature`, optionally followed by digits or `_…` (`X2`, `x_train`, `labels`, `y_test`).
 */
const DATA_NAME = /^(?:[xy]|data|labels?|targets?|inputs?|features?)(?:\d+|_\w*)?$/i;

export function isDataName(name: string): boolean {
  return DATA_NAME.test(name);
}

/** Whether an input is trained unless the user says otherwise: vectors and matrices that are not named like data. */
export function isParameterByDefault(circuit: Circuit, input: number): boolean {
  const node = circuit.nodes[input];
  return !!node && node.kind === 'input' && node.shape.length > 0 && !isDataName(node.names[0] ?? '');
}
