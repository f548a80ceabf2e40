import type { Circuit } from './circuit.ts';

/**
 * What the views and checks need of a running circuit, whichever engine runs it. Values and gradients sit in flat
 * buffers: node i's elements are `values[offset[i] .. offset[i] + length[i])`, row by row. For the scalar engine the
 * offset of node i is i, so a scalar circuit reads exactly as before.
 */
export interface Engine {
  readonly circuit: Circuit;
  /** Number of nodes. */
  readonly size: number;
  readonly values: Float64Array;
  readonly grads: Float64Array;
  readonly offset: Int32Array;
  readonly length: Int32Array;
  setInput(index: number, value: number | ArrayLike<number>): void;
  forward(): void;
  backward(): void;
  run(): void;
  readonly outputValue: number;
  /** A view of node i's values (no copy). */
  value(i: number): Float64Array;
  grad(i: number): Float64Array;
  /** What gate `g`'s backward step adds to the gradient of its argument `j`: upstream times local, computed afresh. */
  contribution(g: number, j: number): Float64Array;
  /**
   * An independent engine with the same circuit and a copy of every current value and gradient (the structure, which
   * never changes, is shared): for checks that must not disturb this one, and for publishing a new state per edit.
   */
  clone(): Engine;
}
