import type { Circuit, CircuitNode } from './circuit.ts';
import { gateLabel } from './gate-label.ts';
import { gate, type Op } from './gates.ts';
import { equals, num, sym, toText, type Expr } from './math/index.ts';
import { isTensorOp } from './tensor/ops.ts';
import { tensorFormula } from './tensor/explain-tensor.ts';

/**
 * What a gate computes, in its wires' names, as the explanations write it: `q = x + y`, `f₃ = exp(f₂)`, `q = W @ x`
 * (just `f₁` where the formula is nothing but the wire's own name).
 */
export function gateFormula(circuit: Circuit, node: number, names: (i: number) => string): Expr {
  const g = circuit.nodes[node] as CircuitNode;
  const out = names(node);
  const args = g.args.map((a) => sym(names(a)));
  const formula = isTensorOp(g.op as string)
    ? tensorFormula(g, args, gateLabel(circuit, node))
    : gate(g.op as Op).formula({ a: args[0] ?? sym(''), b: args[1] ?? sym(''), c: num(g.c), out: sym(out) });
  return toText(formula) === out ? formula : equals(sym(out), formula);
}
