import { createEngine, describeShape, formatValue, smallTensor, type Circuit } from '../core/index.ts';
import type { TikzLabels } from './tikz.ts';

/** A wire's numbers as the app writes them: two decimals for a scalar, a small tensor in brackets, a large one by its shape. */
function written(values: Float64Array, shape: readonly number[]): string {
  if (!shape.length) return formatValue(values[0] as number);
  return smallTensor(values, shape) ?? describeShape(shape);
}

/** Every wire's value and gradient at the end of the backward pass, for circuitTikz. */
export function finalTikzLabels(circuit: Circuit): TikzLabels {
  const engine = createEngine(circuit);
  return {
    value: circuit.nodes.map((node, i) => written(engine.value(i), node.shape)),
    grad: circuit.nodes.map((node, i) => (node.kind === 'const' ? '' : written(engine.grad(i), node.shape))),
  };
}
