import type { Circuit, CircuitNode } from '../circuit.ts';
import { createEngine } from '../create-engine.ts';
import { nameWires, type WireIdentifiers } from './identifiers.ts';

/** One line of the backward pass: gate `gate` passes its gradient back to its argument number `arg`. */
export interface BackwardLine {
  readonly gate: number;
  readonly arg: number;
}

/** What a staged program says, whatever its language: the wires' names, and the backward pass line by line. */
export interface StagePlan extends WireIdentifiers {
  readonly circuit: Circuit;
  /** Some wire is a vector or matrix. */
  readonly tensor: boolean;
  /**
   * Some value or gradient is NaN or ±∞: the program then spells out the app's conventions for NaN (which plain code
   * would route differently at max, min and relu), and Python computes with NumPy, because Python floats raise
   * there instead (ZeroDivisionError, `math.log(-1)`), where the app gives NaN or ±∞.
   */
  readonly exact: boolean;
  /** 1 where a gradient is computed: live wires that depend on an input, as the engines decide. */
  readonly needsGrad: Uint8Array;
  /** 1 where a gradient starts at 0 and its contributions are added with `+=`: a wire that branches, or is indexed. */
  readonly accumulates: Uint8Array;
  /** Inputs no gradient reaches: their gradient is written as 0. */
  readonly unreached: readonly number[];
  /** In the order they run: gates from the output back, each gate's arguments in order. */
  readonly backward: readonly BackwardLine[];
}

export function stagePlan(circuit: Circuit, reserved: ReadonlySet<string>): StagePlan {
  const { nodes, live, output } = circuit;
  const needsGrad = new Uint8Array(nodes.length);
  nodes.forEach((node, i) => {
    const needs = node.kind === 'input' || node.args.some((a) => needsGrad[a]);
    needsGrad[i] = needs && live[i] ? 1 : 0;
  });
  const backward: BackwardLine[] = [];
  const count = new Int32Array(nodes.length);
  const accumulates = new Uint8Array(nodes.length);
  for (let g = nodes.length - 1; g >= 0; g--) {
    const node = nodes[g] as CircuitNode;
    if (node.kind !== 'gate' || !needsGrad[g]) continue;
    node.args.forEach((a, arg) => {
      if (!needsGrad[a]) return;
      backward.push({ gate: g, arg });
      count[a] = (count[a] as number) + 1;
      // An index gate writes into a few elements of its argument's gradient, which must exist first.
      if (count[a] > 1 || node.op === 'index') accumulates[a] = 1;
    });
  }
  const unreached = circuit.inputs.filter((i) => i !== output && count[i] === 0);
  return { circuit, ...nameWires(circuit, reserved), tensor: circuit.tensor, exact: !finiteEverywhere(circuit), needsGrad, accumulates, unreached, backward };
}

/**
 * Every value and gradient finite, and no σ whose exp(-a) overflows (the app's σ is then 0, but Python's math.exp
 * raises OverflowError).
 */
function finiteEverywhere(circuit: Circuit): boolean {
  const engine = createEngine(circuit);
  const finite = (buffer: ArrayLike<number>) => {
    for (let k = 0; k < buffer.length; k++) if (!Number.isFinite(buffer[k] as number)) return false;
    return true;
  };
  if (!finite(engine.values) || !finite(engine.grads)) return false;
  return circuit.nodes.every((node) => node.op !== 'sigmoid' || engine.value(node.args[0] as number).every((a) => Number.isFinite(Math.exp(-a))));
}
