import { elementwiseBackward, elementwiseForward } from './elementwise.ts';
import type { Backward, Forward } from './plan.ts';
import { meanBackward, meanForward, sumBackward, sumForward } from './reduce-ops.ts';
import {
  indexBackward, indexForward, matmulBackward, matmulForward, softmaxBackward, softmaxForward, transposeBackward, transposeForward,
} from './shape-ops.ts';

/** Gates that only tensors have; every scalar gate also works elementwise on tensors. */
export type TensorOp = 'matmul' | 'sum' | 'mean' | 'softmax' | 'transpose' | 'index';

/** The local Jacobian of a gate for one input, described rather than formed. */
export type JacobianStructure = 'diagonal' | 'broadcast' | 'matrix' | 'dense' | 'selection' | 'ones' | 'permutation' | 'block-diagonal';

export interface TensorOpSpec {
  readonly op: TensorOp;
  readonly arity: 1 | 2;
  readonly forward: Forward;
  readonly backward: Backward;
  /** What the gate does to gradients, in words. */
  readonly pattern: string;
}

const table: TensorOpSpec[] = [
  { op: 'matmul', arity: 2, forward: matmulForward, backward: matmulBackward,
    pattern: 'The matrix product switches, as mul does, with transposes: ∂L/∂W = ∂L/∂q · xᵀ and ∂L/∂x = Wᵀ · ∂L/∂q. Each gradient has the shape of its variable.' },
  { op: 'sum', arity: 1, forward: sumForward, backward: sumBackward,
    pattern: 'The sum gate distributes: every element it added receives the upstream gradient unchanged.' },
  { op: 'mean', arity: 1, forward: meanForward, backward: meanBackward,
    pattern: 'The mean gate distributes the upstream gradient evenly: each element receives it divided by the count.' },
  { op: 'softmax', arity: 1, forward: softmaxForward, backward: softmaxBackward,
    pattern: 'softmax couples every element of a row: its Jacobian is diag(p) − p pᵀ, so ∂L/∂x = p ⊙ (∂L/∂p − (∂L/∂p · p)).' },
  { op: 'transpose', arity: 1, forward: transposeForward, backward: transposeBackward,
    pattern: 'A transpose moves numbers without changing them, so the gradient is transposed back.' },
  { op: 'index', arity: 1, forward: indexForward, backward: indexBackward,
    pattern: 'Indexing routes: the picked elements receive the upstream gradient, every other element receives 0.' },
];

export const TENSOR_OPS: ReadonlyMap<TensorOp, TensorOpSpec> = new Map(table.map((s) => [s.op, s]));

export const isTensorOp = (op: string): op is TensorOp => TENSOR_OPS.has(op as TensorOp);

/** Forward and backward of any gate on tensors: its own, or the scalar gate's applied elementwise. */
export function kernelsOf(op: string): { forward: Forward; backward: Backward } {
  return TENSOR_OPS.get(op as TensorOp) ?? { forward: elementwiseForward, backward: elementwiseBackward };
}
