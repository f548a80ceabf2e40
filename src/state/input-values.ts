import { setInputInSource } from '../core/index.ts';
import type { Model } from './model.ts';

/** Input values changed by a drag or a typed number and not yet written into the source, by input name. */
export type PendingValues = Readonly<Record<string, number>>;

export const NO_PENDING: PendingValues = Object.freeze({});

/**
 * A scalar input of the formula as written (`written`, in the compiled circuit) and the same input in the circuit
 * shown (`shown`): only such inputs are set by value; a tensor's numbers are edited in the formula.
 */
export function findScalarInput(model: Model, name: string): { written: number; shown: number } | undefined {
  const find = (c: Model['circuit']) => c.inputs.find((i) => c.nodes[i]?.names[0] === name && c.nodes[i]?.shape.length === 0);
  const written = find(model.compiled);
  const shown = find(model.circuit);
  return written === undefined || shown === undefined ? undefined : { written, shown };
}

/**
 * The model with one input changed and every value and gradient recomputed, on a fork of its engine: what was
 * published before is never mutated, and nothing is compiled or laid out again.
 */
export function withInput(model: Model, shown: number, value: number): Model {
  const tape = model.tape.clone();
  tape.setInput(shown, value);
  tape.run();
  return { ...model, tape };
}

/** The source with every pending value written in: the one rewrite an edit makes once it is committed. */
export function sourceWithValues(source: string, model: Model, pending: PendingValues): string {
  const values = compiledValues(model);
  let next = source;
  for (const [name, value] of Object.entries(pending)) {
    const input = findScalarInput(model, name);
    if (input) next = setInputInSource(next, model.compiled, values, input.written, value);
  }
  return next;
}

/** The current values of the compiled circuit's scalar inputs, by node index, whichever view is shown. */
function compiledValues(model: Model): Float64Array {
  const values = new Float64Array(model.compiled.nodes.length);
  const shown = new Map(model.circuit.inputs.map((i) => [model.circuit.nodes[i]?.names[0], i]));
  for (const i of model.compiled.inputs) {
    const j = shown.get(model.compiled.nodes[i]?.names[0]);
    if (j !== undefined) values[i] = model.tape.values[model.tape.offset[j] as number] as number;
  }
  return values;
}
