import { outputSymbol, wireName, type CircuitNode } from '../circuit.ts';
import { explained, termLine, type StepExplanation } from '../explanation.ts';
import { gateLabel } from '../gate-label.ts';
import { equals, line, num, partial, sym, text, type Line } from '../math/index.ts';
import type { Schedule } from '../schedule.ts';
import { smallTensorExpr, tensorBackwardTerms, tensorForwardLines, tensorPattern } from './explain-tensor.ts';
import { describeShape } from './shape.ts';
import type { TensorTape } from './tensor-tape.ts';

/** The steps of a circuit with vectors and matrices: forward with shapes, backward in matrix form. */
export function explainTensorStep(engine: TensorTape, schedule: Schedule, k: number): StepExplanation {
  const { circuit } = engine;
  const { phase, node } = schedule.step(k);
  const f = outputSymbol(circuit);
  const names = (i: number) => wireName(circuit.nodes[i] as CircuitNode);
  const shown = (i: number) => {
    const { shape } = circuit.nodes[i] as CircuitNode;
    return equals(sym(names(i)), smallTensorExpr(engine.value(i), shape) ?? text(`a ${describeShape(shape)}`));
  };
  if (phase === 'start') {
    const inputs = circuit.inputs.flatMap((i, n) => [...(n ? [', '] : []), shown(i)]);
    return explained({ phase, title: 'Inputs' }, [
      inputs.length ? line('The inputs are ', ...inputs, '.') : line('This circuit has no inputs.'), line('Step forward to compute each gate in turn.'),
    ]);
  }
  if (phase === 'seed') {
    return explained({ phase, node, title: 'Backward pass begins' }, [
      line(equals(partial(sym(f), sym(f)), num(1))),
      line('The gradient of ', sym(f), ' with respect to itself is 1: this seeds the backward pass. Every gradient below has the shape of its variable.'),
    ]);
  }
  const g = circuit.nodes[node] as CircuitNode;
  const label = gateLabel(circuit, node);
  if (phase === 'forward') return explained({ phase, node, reads: g.args, title: `Forward: the ${label} gate` }, tensorForwardLines(engine, node, names));
  const terms = tensorBackwardTerms(engine, schedule, node, names);
  const pattern = tensorPattern(g.op as NonNullable<CircuitNode['op']>);
  return explained({ phase: 'tensor-backward', node, reads: g.args, title: `Backward: the ${label} gate`, terms, pattern }, [
    upstreamLine(engine, node, f, names(node)), ...terms.map((t) => termLine(t.math)),
  ]);
}

/** `Upstream: ∂f/∂q (2-vector) = [0.44, 0.52]`, the numbers left out when there are too many. */
function upstreamLine(engine: TensorTape, node: number, f: string, out: string): Line {
  const { shape } = engine.circuit.nodes[node] as CircuitNode;
  const up = smallTensorExpr(engine.grad(node), shape);
  const d = partial(sym(f), sym(out));
  if (!shape.length) return line('Upstream: ', up ? equals(d, up) : d);
  return line('Upstream: ', d, ` (${describeShape(shape)})`, ...(up ? [' = ', up] : []));
}
