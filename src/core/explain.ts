import { outputSymbol, wireName, type CircuitNode } from './circuit.ts';
import { gateFormula } from './gate-formula.ts';
import { gate, type Op, type Terms } from './gates.ts';
import { equals, group, line, num, partial, plus, sym, times, toText, type Expr } from './math/index.ts';
import { formatFull } from './number-format.ts';
import type { Schedule } from './schedule.ts';
import type { Engine } from './engine.ts';
import { Tape } from './tape.ts';
import { explained, termLine, type BackwardTerm, type StepExplanation } from './explanation.ts';
import { explainTensorStep } from './tensor/explain-tensor-step.ts';
import type { TensorTape } from './tensor/tensor-tape.ts';

export type { BackwardTerm, StepExplanation } from './explanation.ts';

const d = (of: string, wrt: string) => partial(sym(of), sym(wrt));
/** A negative factor in a product is written in parentheses: `1 · (-4)`. */
const factor = (v: number) => (v < 0 ? group(num(v)) : num(v));

/** Built on demand for the step being shown, from the engine's current numbers. */
export function explainStep(engine: Engine, schedule: Schedule, k: number): StepExplanation {
  if (!(engine instanceof Tape)) return explainTensorStep(engine as TensorTape, schedule, k);
  const tape = engine;
  const { circuit } = tape;
  const { phase, node } = schedule.step(k);
  const f = outputSymbol(circuit);
  const names = (i: number) => wireName(circuit.nodes[i] as CircuitNode);
  if (phase === 'start') {
    const inputs = circuit.inputs.flatMap((i, n) => [...(n ? [', '] : []), equals(sym(names(i)), num(tape.values[i] as number))]);
    return explained({ phase, title: 'Inputs' }, [
      inputs.length ? line('The inputs are ', ...inputs, '.') : line('This circuit has no inputs.'), line('Step forward to compute each gate in turn.'),
    ]);
  }
  const g = circuit.nodes[node] as CircuitNode;
  const out = names(node);
  if (phase === 'seed') {
    return explained({ phase, node, title: 'Backward pass begins' }, [
      line(equals(d(f, f), num(1))), line('The gradient of ', sym(f), ' with respect to itself is 1: this seeds the backward pass.'),
    ]);
  }
  const spec = gate(g.op as Op);
  const argNames = g.args.map(names);
  const arg = (j: number, of: (i: number) => Expr) => (g.args[j] === undefined ? sym('') : of(g.args[j] as number));
  const symbols: Terms = { a: sym(argNames[0] ?? ''), b: sym(argNames[1] ?? ''), c: num(g.c), out: sym(out) };
  const value = (i: number) => num(tape.values[i] as number);
  const numbers: Terms = { a: arg(0, value), b: arg(1, value), c: num(g.c), out: value(node) };
  const label = spec.label(g.c);
  if (phase === 'forward') {
    const head = gateFormula(circuit, node, names);
    return explained({ phase, node, reads: g.args, title: `Forward: the ${label} gate` }, [line(equals(head, spec.formula(numbers), value(node)))]);
  }
  const upstream = tape.grads[node] as number;
  const terms = g.args.map((a, j) => backwardTerm(tape, schedule, node, j, a, { f, out, upstream, symbols, names }));
  return explained({ phase, node, reads: g.args, title: `Backward: the ${label} gate`, upstream, terms, pattern: spec.pattern }, [
    line('Upstream: ', equals(d(f, out), num(upstream))), ...terms.map((t) => termLine(t.math)),
  ]);
}

interface Context {
  f: string; out: string; upstream: number; symbols: Terms; names: (i: number) => string;
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
  let branches = 0;
  // A gate that reads the wire twice is listed twice, one after the other (lists are built in node order): its
  // occurrence tells which argument each entry is. One pass, no map: an input read by 125,000 gates is explained at once.
  let occurrence = 0;
  for (let i = 0; i < consumers.length; i++) {
    const c = consumers[i] as number;
    if (circuit.live[c]) branches++;
    occurrence = i > 0 && consumers[i - 1] === c ? occurrence + 1 : 0;
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
  const localShown = toText(localFormula) === formatFull(local) ? [localFormula] : [localFormula, num(local)];
  const chain = line(
    equals(d(ctx.f, name), times(d(ctx.f, ctx.out), d(ctx.out, name)), times(num(ctx.upstream), factor(local)), num(downstream)),
    '   (local: ', equals(d(ctx.out, name), ...localShown), ')',
  );
  const after = before + downstream;
  const branch = branches > 1
    ? line(sym(name), ` feeds ${branches} branches, so gradients add: `, equals(plus(num(before), factor(downstream)), num(after)), ` (${received} of ${branches} received)`)
    : undefined;
  const math = { local: localFormula, chain, ...(branch ? { branch } : {}) };
  return { node: a, name, local, localFormula: toText(localFormula), downstream, before, after, received, branches, text: toText(termLine(math)), math };
}

function nthIndex(args: readonly number[], value: number, n: number): number {
  let seen = 0;
  for (let i = 0; i < args.length; i++) if (args[i] === value && seen++ === n) return i;
  return -1;
}
