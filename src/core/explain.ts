import { outputSymbol, wireName, type CircuitNode } from './circuit.ts';
import { gateLabel } from './gate-label.ts';
import { gate, type Op, type Terms } from './gates.ts';
import { formatFull, parenthesize } from './number-format.ts';
import type { Schedule } from './schedule.ts';
import type { Engine } from './engine.ts';
import { Tape } from './tape.ts';
import { tensorBackwardTerms, tensorForwardLines, tensorPattern, type TensorBackwardTerm } from './tensor/explain-tensor.ts';
import { smallTensor } from './tensor/format-tensor.ts';
import { describeShape } from './tensor/shape.ts';
import type { TensorTape } from './tensor/tensor-tape.ts';

/** One input of a gate during its backward step: `downstream = local × upstream`, and where it adds up. */
export interface BackwardTerm {
  readonly node: number;
  readonly name: string;
  readonly local: number;
  readonly localFormula: string;
  readonly downstream: number;
  /** The input's gradient before and after this contribution is added. */
  readonly before: number;
  readonly after: number;
  /** How many branches of this wire have reported, counting this one, out of how many. */
  readonly received: number;
  readonly branches: number;
  readonly text: string;
}

export type StepExplanation =
  | { readonly phase: 'start'; readonly title: string; readonly lines: readonly string[] }
  | { readonly phase: 'forward'; readonly node: number; readonly reads: readonly number[]; readonly title: string; readonly lines: readonly string[] }
  | { readonly phase: 'seed'; readonly node: number; readonly title: string; readonly lines: readonly string[] }
  | {
      readonly phase: 'backward'; readonly node: number; readonly reads: readonly number[]; readonly title: string;
      readonly upstream: number; readonly terms: readonly BackwardTerm[]; readonly pattern: string; readonly lines: readonly string[];
    }
  | {
      readonly phase: 'tensor-backward'; readonly node: number; readonly reads: readonly number[]; readonly title: string;
      readonly terms: readonly TensorBackwardTerm[]; readonly pattern: string; readonly lines: readonly string[];
    };

const num = formatFull;
const d = (of: string, wrt: string) => `∂${parenthesize(of)}/∂${parenthesize(wrt)}`;
const factor = (v: number) => (v < 0 ? `(${num(v)})` : num(v));

/** Built on demand for the step being shown, from the engine's current numbers. */
export function explainStep(engine: Engine, schedule: Schedule, k: number): StepExplanation {
  if (!(engine instanceof Tape)) return explainTensorStep(engine as TensorTape, schedule, k);
  const tape = engine;
  const { circuit } = tape;
  const { phase, node } = schedule.step(k);
  const f = outputSymbol(circuit);
  const names = (i: number) => wireName(circuit.nodes[i] as CircuitNode);
  if (phase === 'start') {
    const inputs = circuit.inputs.map((i) => `${names(i)} = ${num(tape.values[i] as number)}`).join(', ');
    return { phase, title: 'Inputs', lines: [inputs ? `The inputs are ${inputs}.` : 'This circuit has no inputs.', 'Step forward to compute each gate in turn.'] };
  }
  const g = circuit.nodes[node] as CircuitNode;
  const out = names(node);
  if (phase === 'seed') {
    return { phase, node, title: 'Backward pass begins', lines: [`${d(f, f)} = 1`, `The gradient of ${f} with respect to itself is 1: this seeds the backward pass.`] };
  }
  const spec = gate(g.op as Op);
  const argNames = g.args.map(names);
  const argValues = g.args.map((a) => num(tape.values[a] as number));
  const symbols: Terms = { a: argNames[0] ?? '', b: argNames[1] ?? '', c: num(g.c), out };
  const numbers: Terms = { a: argValues[0] ?? '', b: argValues[1] ?? '', c: num(g.c), out: num(tape.values[node] as number) };
  const label = spec.label(g.c);
  if (phase === 'forward') {
    const symbolic = spec.formula(symbols);
    const line = `${symbolic === out ? '' : `${out} = `}${symbolic} = ${spec.formula(numbers)} = ${num(tape.values[node] as number)}`;
    return { phase, node, reads: g.args, title: `Forward: the ${label} gate`, lines: [line] };
  }
  const upstream = tape.grads[node] as number;
  const terms = g.args.map((a, j) => backwardTerm(tape, schedule, node, j, a, { f, out, upstream, symbols, numbers, names }));
  const lines = [`Upstream: ${d(f, out)} = ${num(upstream)}`, ...terms.map((t) => t.text)];
  return { phase, node, reads: g.args, title: `Backward: the ${label} gate`, upstream, terms, pattern: spec.pattern, lines };
}

interface Context {
  f: string; out: string; upstream: number; symbols: Terms; numbers: Terms; names: (i: number) => string;
}

function backwardTerm(tape: Tape, schedule: Schedule, node: number, j: number, a: number, ctx: Context): BackwardTerm {
  const { circuit } = tape;
  const spec = gate(circuit.nodes[node]?.op as Op);
  const local = tape.locals[2 * node + j] as number;
  const downstream = local * ctx.upstream;
  const name = ctx.names(a);
  const myStep = schedule.backwardStep[node] as number;
  // Earlier contributions to this wire come from consumers that stepped back before this one (or earlier arguments of this one).
  let before = 0;
  let received = 0;
  const consumers = circuit.consumers[a] ?? [];
  const branches = consumers.filter((c) => circuit.live[c]).length;
  const seen = new Map<number, number>();
  for (const c of consumers) {
    const occurrence = seen.get(c) ?? 0;
    seen.set(c, occurrence + 1);
    const step = schedule.backwardStep[c] as number;
    if (step < 0) continue;
    const argPos = nthIndex(circuit.nodes[c]?.args ?? [], a, occurrence);
    if (step < myStep || (c === node && argPos < j)) {
      before += (tape.locals[2 * c + argPos] as number) * (tape.grads[c] as number);
      received++;
    }
  }
  received++;
  const localFormula = spec.localFormula(j, ctx.symbols);
  const localShown = localFormula === num(local) ? '' : ` = ${num(local)}`;
  let text = `${d(ctx.f, name)} = ${d(ctx.f, ctx.out)} · ${d(ctx.out, name)} = ${num(ctx.upstream)} · ${factor(local)} = ${num(downstream)}` +
    `   (local: ${d(ctx.out, name)} = ${localFormula}${localShown})`;
  const after = before + downstream;
  if (branches > 1) {
    text += `\n${name} feeds ${branches} branches, so gradients add: ${num(before)} + ${factor(downstream)} = ${num(after)} (${received} of ${branches} received)`;
  }
  return { node: a, name, local, localFormula, downstream, before, after, received, branches, text };
}

function nthIndex(args: readonly number[], value: number, n: number): number {
  let seen = 0;
  for (let i = 0; i < args.length; i++) if (args[i] === value && seen++ === n) return i;
  return -1;
}

/** The same steps for a circuit with vectors and matrices: forward with shapes, backward in matrix form. */
function explainTensorStep(engine: TensorTape, schedule: Schedule, k: number): StepExplanation {
  const { circuit } = engine;
  const { phase, node } = schedule.step(k);
  const f = outputSymbol(circuit);
  const names = (i: number) => wireName(circuit.nodes[i] as CircuitNode);
  const shown = (i: number) => {
    const { shape } = circuit.nodes[i] as CircuitNode;
    return `${names(i)} = ${smallTensor(engine.value(i), shape) ?? `a ${describeShape(shape)}`}`;
  };
  if (phase === 'start') {
    const inputs = circuit.inputs.map(shown).join(', ');
    return { phase, title: 'Inputs', lines: [inputs ? `The inputs are ${inputs}.` : 'This circuit has no inputs.', 'Step forward to compute each gate in turn.'] };
  }
  if (phase === 'seed') {
    return { phase, node, title: 'Backward pass begins', lines: [`${d(f, f)} = 1`, `The gradient of ${f} with respect to itself is 1: this seeds the backward pass. Every gradient below has the shape of its variable.`] };
  }
  const g = circuit.nodes[node] as CircuitNode;
  const label = gateLabel(circuit, node);
  if (phase === 'forward') return { phase, node, reads: g.args, title: `Forward: the ${label} gate`, lines: tensorForwardLines(engine, node, names) };
  const up = smallTensor(engine.grad(node), g.shape);
  const upstream = `Upstream: ${d(f, names(node))}${g.shape.length ? ` (${describeShape(g.shape)})` : ''}${up ? ` = ${up}` : ''}`;
  const terms = tensorBackwardTerms(engine, schedule, node, names);
  const pattern = tensorPattern(g.op as NonNullable<CircuitNode['op']>);
  return { phase: 'tensor-backward', node, reads: g.args, title: `Backward: the ${label} gate`, terms, pattern, lines: [upstream, ...terms.map((t) => t.text)] };
}
