import type { Engine } from '../engine.ts';

/**
 * Plain gradient descent on a compiled circuit: the parameters are input nodes, updated in place in the engine's value
 * buffer from the gradients of its last backward pass. Inputs that are data (a training set, its labels) should be
 * marked with `setWantsGrad(input, false)` first: their gradients are never needed, and skipping them saves work.
 */

/** `values -= lr · grads` over every element of each parameter node, as NumPy's `syn -= lr * grad`. */
export function sgdStep(engine: Engine, params: readonly number[], lr: number): void {
  const { values, grads, offset, length } = engine;
  for (let q = 0; q < params.length; q++) {
    const node = params[q] as number;
    const start = offset[node] as number;
    const end = start + (length[node] as number);
    for (let i = start; i < end; i++) values[i] = (values[i] as number) - lr * (grads[i] as number);
  }
}

/**
 * `iterations` rounds of forward, backward and sgdStep. `onLoss(i, loss)` sees the loss of round i's forward pass,
 * computed with the parameters after i updates. Returns the last round's loss.
 * NOTE: afterwards the engine still holds the last forward pass's values (those before the last update), as the
 * lecture's loop leaves `l2`; call `engine.forward()` for the loss after every update.
 */
export function train(engine: Engine, params: readonly number[], lr: number, iterations: number, onLoss?: (iteration: number, loss: number) => void): number {
  const { nodes } = engine.circuit;
  for (const p of params) if (nodes[p]?.kind !== 'input') throw new Error(`node ${p} is not an input, so it cannot be trained`);
  for (let i = 0; i < iterations; i++) {
    engine.run();
    if (onLoss) onLoss(i, engine.outputValue);
    sgdStep(engine, params, lr);
  }
  // NOTE: read once at the end (an update changes only inputs, never the output): a loss kept in a variable across
  // the loop can be boxed by the JIT, allocating a heap number per round.
  return iterations > 0 ? engine.outputValue : NaN;
}
