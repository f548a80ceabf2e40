import { outputSymbol, wireName, type CircuitNode } from '../circuit.ts';
import type { Engine } from '../engine.ts';
import { explainStep, type BackwardTerm } from '../explain.ts';
import { formatFull, parenthesize } from '../number-format.ts';
import type { Schedule } from '../schedule.ts';
import { GRAD_PARTIAL, snapshotAt } from '../snapshot.ts';
import { shapeTag, sizeOf, type Shape } from '../tensor/shape.ts';
import type { QuizKind } from './guess.ts';

/** Wires whose labels are drawn as `?` until the question is answered, by node index. */
export interface QuizHides {
  readonly value: readonly number[];
  readonly grad: readonly number[];
  /** Tensor wires whose shape tag would give a shape question away. */
  readonly tag: readonly number[];
}

/**
 * The question a step asks: a forward step, the value (or on a tensor wire the shape) of the gate's output; the seed,
 * ∂f/∂f; a backward step, the gradient on the gate's first input that is not a constant (on a tensor wire, the size
 * of that input's local Jacobian). The gate's other inputs are hidden with it and shown with its answer.
 */
export interface Question {
  /** The step's phase and gate, e.g. `forward:q`: stable while the circuit is the same, whatever the view. */
  readonly key: string;
  readonly step: number;
  readonly kind: QuizKind;
  /** The wire asked about, by node index, and its name as drawn. */
  readonly node: number;
  readonly wire: string;
  /** What is asked, as written before the answer: `q`, `∂f/∂x`, `the shape of q`, `the size of ∂h/∂x`. */
  readonly asked: string;
  readonly answer: number | Shape;
  readonly answerText: string;
  /** One line from the step's explanation: why the answer is what it is. */
  readonly reason: string;
  readonly hides: QuizHides;
}

const d = (of: string, wrt: string) => `∂${parenthesize(of)}/∂${parenthesize(wrt)}`;
const firstLine = (text: string) => text.split('\n')[0] ?? '';

/** The question of step `k`, or null where there is none (step 0; a gate whose inputs are all constants). */
export function questionAt(engine: Engine, schedule: Schedule, k: number): Question | null {
  const step = schedule.clamp(k);
  const { circuit } = engine;
  const e = explainStep(engine, schedule, step);
  if (e.phase === 'start') return null;
  const node = e.node;
  const gate = circuit.nodes[node] as CircuitNode;
  const names = (i: number) => wireName(circuit.nodes[i] as CircuitNode);
  const out = names(node);
  const f = outputSymbol(circuit);
  const base = { key: `${e.phase === 'tensor-backward' ? 'backward' : e.phase}:${gate.id}`, step };

  if (e.phase === 'forward') {
    const reason = e.lines[0] ?? '';
    if (gate.shape.length > 0) {
      return { ...base, kind: 'shape', node, wire: out, asked: `the shape of ${out}`, answer: gate.shape, answerText: shapeTag(gate.shape), reason, hides: { value: [node], grad: [], tag: [node] } };
    }
    const value = engine.value(node)[0] as number;
    return { ...base, kind: 'value', node, wire: out, asked: out, answer: value, answerText: formatFull(value), reason, hides: { value: [node], grad: [], tag: [] } };
  }
  if (e.phase === 'seed') {
    return { ...base, kind: 'grad', node, wire: out, asked: d(f, f), answer: 1, answerText: '1', reason: e.lines[1] ?? e.lines[0] ?? '', hides: { value: [], grad: [node], tag: [] } };
  }

  const asked = gate.args.find((a) => circuit.nodes[a]?.kind !== 'const');
  if (asked === undefined) return null;
  const name = names(asked);
  const hides = { value: [], grad: [...new Set(gate.args)], tag: [] };
  const snapshot = snapshotAt(engine, schedule, step);
  const after = snapshot.grad[engine.offset[asked] as number] as number;
  // A wire that fans out shows the sum of the branches seen so far: that is what is asked.
  const gradAsked = `${d(f, name)}${snapshot.gradState[asked] === GRAD_PARTIAL ? ' so far' : ''}`;
  if (e.phase === 'backward') {
    const reason = scalarReason(e.terms.filter((t) => t.node === asked), e.upstream, after, out, name);
    return { ...base, kind: 'grad', node: asked, wire: name, asked: gradAsked, answer: after, answerText: formatFull(after), reason, hides };
  }
  const term = e.terms.find((t) => t.node === asked);
  const line = firstLine(term?.text ?? '');
  const argShape = (circuit.nodes[asked] as CircuitNode).shape;
  if (argShape.length === 0) {
    return { ...base, kind: 'grad', node: asked, wire: name, asked: gradAsked, answer: after, answerText: formatFull(after), reason: line, hides };
  }
  const [rows, cols] = [sizeOf(gate.shape), sizeOf(argShape)];
  const reason = `one row per number of ${out} (${rows}), one column per number of ${name} (${cols}); the backward pass never forms it: ${line}`;
  return { ...base, kind: 'jacobian', node: asked, wire: name, asked: `the size of ${d(out, name)}`, answer: [rows, cols], answerText: `${rows}×${cols}`, reason, hides };
}

/** `local × upstream = -4 · 1 = -4   (local: ∂f/∂q = z)`, and the sum where the wire already had a share. */
function scalarReason(terms: readonly BackwardTerm[], upstream: number, after: number, out: string, name: string): string {
  const first = terms[0];
  if (!first) return '';
  const up = upstream < 0 ? `(${formatFull(upstream)})` : formatFull(upstream);
  const share = terms.reduce((s, t) => s + t.downstream, 0);
  let reason = `local × upstream = ${terms.map((t) => `${formatFull(t.local)} · ${up}`).join(' + ')} = ${formatFull(share)}`;
  if (first.localFormula !== formatFull(first.local)) reason += `   (local: ${d(out, name)} = ${first.localFormula})`;
  // The wire's other branches have already sent theirs: the label shows the sum so far.
  if (first.received > 1) reason += `; added to the ${formatFull(first.before)} already there: ${formatFull(after)}`;
  return reason;
}
