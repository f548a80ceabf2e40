import { formatFull, gate, gateLabel, GATES, shapeTag, smallTensor, wireName, type CircuitNode, type Op, type Shape } from '../core/index.ts';
import type { Model } from '../state/model.ts';
import { GATE_CODE, type CodeTerms } from './gate-code.ts';

export interface CodeLine {
  readonly code: string;
  /** Today's numbers, as a comment after the code. */
  readonly comment?: string;
  readonly part: 'class' | 'forward' | 'backward';
}

export interface GateCodeView {
  readonly lines: readonly CodeLine[];
  /** The part the current step runs. */
  readonly running: 'forward' | 'backward';
  readonly gateName: string;
}

const NAMEABLE = /^[\p{L}_][\p{L}\p{N}_₀-₉]*(\[\d+(, ?\d+)?\])?$/u;
const nameOr = (node: CircuitNode, fallback: string) => {
  const name = wireName(node);
  return NAMEABLE.test(name) ? name : fallback;
};
/** Four significant digits, as the tensor explanations write numbers. */
const short = (v: number) => smallTensor([v], []) as string;
/** A negative number inside code is parenthesised, so `1 / (1 + exp(-(-1)))` never reads as `--1`. */
const literal = (v: number, format = formatFull) => (v < 0 ? `(${format(v)})` : format(v));
/** A tensor written out when small, else its shape. */
const tensor = (values: ArrayLike<number>, shape: Shape) => smallTensor(values, shape) ?? shapeTag(shape);

/**
 * The current gate's forward() and backward() as the lecture writes them, with the wires' names and, as comments, the
 * numbers the circuit has now: its inputs and output forward, the upstream gradient and each input's share backward.
 * Null when the step computes no gate (the start, or an output that is an input).
 */
export function gateCode(model: Model, step: number, numbers = true): GateCodeView | null {
  const { circuit, tape, schedule } = model;
  const { phase, node: g } = schedule.step(step);
  const node = circuit.nodes[g];
  const code = node?.op ? GATE_CODE.get(node.op) : undefined;
  if (phase === 'start' || !node || node.kind !== 'gate' || !node.op || !code) return null;
  const args = node.args.map((j) => circuit.nodes[j] as CircuitNode);
  const names = args.map((a, i) => (a.kind === 'const' && a.shape.length === 0 ? literal(a.c) : nameOr(a, i === 0 ? 'x' : 'y')));
  const out = nameOr(node, 'out');
  const d = `d${out}`;
  const scalar = node.shape.length === 0 && args.every((a) => a.shape.length === 0) && GATES.has(node.op as Op);
  const terms = (a: string, b: string, o: string): CodeTerms =>
    ({ a, b, c: literal(node.c), out: o, label: gateLabel(circuit, g), ranks: args.map((x) => x.shape.length) });
  const value = (i: number) => tape.value(i)[0] as number;
  const numberTerms = terms(literal(value(node.args[0] ?? g), short), literal(value(node.args[1] ?? g), short), literal(value(g), short));

  const lines: CodeLine[] = [{ code: `class ${code.className}:`, part: 'class' }];
  const inputs = names.filter((_, i) => args[i]?.kind !== 'const');
  lines.push({ code: `    def forward(self, ${inputs.join(', ')}):`, part: 'forward' });
  lines.push({ code: `        ${out} = ${code.forward(terms(names[0] ?? 'x', names[1] ?? 'y', out))}`, part: 'forward',
    ...(numbers ? { comment: scalar ? `${code.forward(numberTerms)} = ${short(value(g))}` : `= ${tensor(tape.value(g), node.shape)}` } : {}) });
  const kept: string[] = [];
  for (const k of code.keep) {
    const i = k === 'a' ? 0 : 1;
    const name = k === 'out' ? out : args[i]?.kind === 'const' ? undefined : names[i];
    if (name !== undefined && !kept.includes(name)) kept.push(name);
  }
  if (kept.length) lines.push({ code: `        ${kept.map((k) => `self.${k}`).join(', ')} = ${kept.join(', ')}`, part: 'forward', comment: 'kept for backward' });
  lines.push({ code: `        return ${out}`, part: 'forward' });

  const backwardNumbers = numbers && phase === 'backward';
  const upstream = tape.grad(g);
  lines.push({ code: `    def backward(self, ${d}):`, part: 'backward',
    ...(phase !== 'backward' ? { comment: phase === 'forward' ? 'runs in the backward pass' : 'runs next' } : backwardNumbers ? { comment: `${d} = ${tensor(upstream, node.shape)}` } : {}) });
  const self = (name: string | undefined) => (name !== undefined && kept.includes(name) ? `self.${name}` : name ?? '');
  const keptTerms = terms(self(names[0]), self(names[1]), self(out));
  const grads: string[] = [];
  args.forEach((arg, i) => {
    if (arg.kind === 'const') return;
    const grad = `d${names[i]}`;
    const op = grads.includes(grad) ? '+=' : '=';
    let comment: string | undefined;
    if (backwardNumbers) {
      const share = tape.contribution(g, i);
      if (scalar) {
        const v = (k: number) => value(node.args[k] ?? g);
        const local = gate(node.op as Op).local(i, v(0), v(1), node.c, value(g));
        comment = `${short(local)} · ${short(upstream[0] as number)} = ${short(share[0] as number)}`;
      } else comment = `= ${tensor(share, arg.shape)}`;
    }
    lines.push({ code: `        ${grad} ${op} ${code.backward(i, keptTerms, d)}`, part: 'backward', ...(comment ? { comment } : {}) });
    if (code.then) lines.push({ code: `        ${code.then(grad, keptTerms, d)}`, part: 'backward' });
    if (!grads.includes(grad)) grads.push(grad);
  });
  lines.push({ code: `        return ${grads.join(', ') || 'None'}`, part: 'backward' });
  return { lines, running: phase === 'backward' ? 'backward' : 'forward', gateName: code.className };
}
