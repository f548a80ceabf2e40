import { wireName, type CircuitNode } from '../circuit.ts';
import { gate, type Op } from '../gates.ts';
import { num, sym, toText } from '../math/index.ts';
import { isTensorOp } from './ops.ts';
import { describeShape, sameShape, sizeOf } from './shape.ts';
import type { TensorTape } from './tensor-tape.ts';

export type JacobianStructure = 'diagonal' | 'stretched diagonal' | 'weights' | 'block' | 'row of ones' | 'dense' | 'permutation' | 'selection';

/** A gate's local Jacobian for one input: what it is, how big, and (when small) the matrix itself. */
export interface JacobianInfo {
  /** Output elements × input elements. */
  readonly rows: number;
  readonly cols: number;
  readonly structure: JacobianStructure;
  /** The structure in words, e.g. `diagonal: diag([x > 0])`. */
  readonly description: string;
  /** How many of its entries can be non-zero, of rows × cols. */
  readonly nonZeros: number;
  /** Row-major, only when rows × cols ≤ JACOBIAN_MATRIX_LIMIT. */
  readonly matrix?: Float64Array;
}

/** Jacobians up to this many entries are formed (for showing only, never for computing). */
export const JACOBIAN_MATRIX_LIMIT = 256;

/** Describes gate g's Jacobian for argument j; forms it, row by row from unit upstream vectors, only when small. */
export function jacobianOf(engine: TensorTape, g: number, j: number): JacobianInfo {
  const { circuit } = engine;
  const node = circuit.nodes[g] as CircuitNode;
  const arg = circuit.nodes[node.args[j] as number] as CircuitNode;
  const rows = sizeOf(node.shape);
  const cols = sizeOf(arg.shape);
  const { structure, description, nonZeros } = describe(node, arg, j, circuit.nodes);
  const info: JacobianInfo = { rows, cols, structure, description, nonZeros };
  if (rows * cols > JACOBIAN_MATRIX_LIMIT) return info;
  const matrix = new Float64Array(rows * cols);
  const unit = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    unit.fill(0);
    unit[r] = 1;
    matrix.set(engine.vjpWith(g, j, unit), r * cols);
  }
  return { ...info, matrix };
}

function describe(node: CircuitNode, arg: CircuitNode, j: number, nodes: readonly CircuitNode[]): Pick<JacobianInfo, 'structure' | 'description' | 'nonZeros'> {
  const rows = sizeOf(node.shape);
  const cols = sizeOf(arg.shape);
  const op = node.op as NonNullable<CircuitNode['op']>;
  if (!isTensorOp(op)) {
    const name = (k: number) => sym(node.args[k] === undefined ? '' : wireName(nodes[node.args[k] as number] as CircuitNode));
    const local = toText(gate(op as Op).localFormula(j, { a: name(0), b: name(1), c: num(node.c), out: sym(wireName(node)) }));
    if (sameShape(node.shape, arg.shape)) return { structure: 'diagonal', description: `diagonal: diag(${local}), one local gradient per element`, nonZeros: rows };
    return { structure: 'stretched diagonal', description: `a ${describeShape(arg.shape)} stretched to a ${describeShape(node.shape)}: each of its elements feeds several outputs, so the VJP sums ${local} · upstream over the stretched axis`, nonZeros: rows };
  }
  switch (op) {
    case 'matmul': {
      const other = nodes[node.args[1 - j] as number] as CircuitNode;
      if (j === 1) {
        return other.shape.length === 2 && arg.shape.length === 1
          ? { structure: 'weights', description: 'the matrix itself: ∂q/∂x = W, so the VJP is Wᵀ · ∂L/∂q', nonZeros: rows * cols }
          : { structure: 'block', description: 'Aᵀ repeated along a block diagonal (A ⊗ I): the VJP is Aᵀ · ∂L/∂q', nonZeros: rows * (other.shape.length === 2 ? (other.shape[1] as number) : 1) };
      }
      const inner = other.shape.length === 0 ? 1 : (other.shape[0] as number);
      return { structure: 'block', description: 'block diagonal (I ⊗ Bᵀ): each row of the output depends only on the same row of this input, so the VJP is ∂L/∂q · Bᵀ', nonZeros: rows * inner };
    }
    case 'sum': return { structure: 'row of ones', description: node.c < 0 ? 'a row of ones: every element adds into the one output' : `ones, one per element summed along axis ${node.c}`, nonZeros: cols };
    case 'mean': return { structure: 'row of ones', description: 'a row of 1/N: every element counts equally', nonZeros: cols };
    case 'softmax': return { structure: 'dense', description: 'dense within each row: diag(p) − p pᵀ, since every probability depends on every score', nonZeros: rows * (node.shape[node.shape.length - 1] ?? 1) };
    case 'transpose': return { structure: 'permutation', description: 'a permutation: each number moves to its transposed place', nonZeros: rows };
    case 'index': return { structure: 'selection', description: 'rows of the identity picking the indexed elements; every other element gets 0', nonZeros: rows };
  }
}
