import type { Circuit } from './circuit.ts';
import type { Engine } from './engine.ts';
import { Tape } from './tape.ts';
import { TensorTape } from './tensor/tensor-tape.ts';

/** Scalar circuits keep the typed-array tape and its speed; circuits with vectors or matrices get the tensor engine. */
export function createEngine(circuit: Circuit): Engine {
  return circuit.tensor ? new TensorTape(circuit) : new Tape(circuit);
}
