import type { Shape } from './shape.ts';

/**
 * Everything one tensor gate needs to run, worked out once when the engine is built: offsets into the flat value and
 * gradient buffers, the shapes, broadcast strides and matrix sizes. Every field is a number or a shape so that the
 * engine's loops see one object layout.
 */
export interface Plan {
  readonly node: number;
  /** Offset and length of the gate's own output. */
  readonly out: number;
  readonly len: number;
  /** The output seen as a matrix. */
  readonly rows: number;
  readonly cols: number;
  /** Offsets of the arguments (b is -1 for a one-argument gate). */
  readonly a: number;
  readonly b: number;
  readonly aShape: Shape;
  readonly bShape: Shape;
  readonly outShape: Shape;
  /** Broadcast strides of each argument over the output's (row, col). */
  readonly ar: number;
  readonly ac: number;
  readonly br: number;
  readonly bc: number;
  /** The folded constant, the reduction axis, or an index's flat offset. */
  readonly c: number;
  /** Index into the scalar gate table for an elementwise gate, else -1. */
  readonly scalarOp: number;
  /** matmul: C[m×n] = A[m×k] · B[k×n]. */
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

/** Runs a gate forward, writing its output into `v` at `p.out`. */
export type Forward = (p: Plan, v: Float64Array) => void;

/**
 * A vector-Jacobian product: adds upstream gradient `g` (at `p.out`) times the gate's local Jacobian for argument `j`
 * into `target` at `t`. The Jacobian itself is never formed.
 */
export type Backward = (p: Plan, v: Float64Array, g: Float64Array, j: number, target: Float64Array, t: number) => void;
