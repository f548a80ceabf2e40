import { compileSource, createEngine, Schedule, type Circuit, type Engine, type SourceError } from '../core/index.ts';
import { asScalars, MAX_AS_SCALARS_GATES } from '../core/transforms/as-scalars.ts';
import { expandSigmoid } from '../core/transforms/expand-sigmoid.ts';
import { expandSoftmax } from '../core/transforms/expand-softmax.ts';
import { carryInputs } from './carry-inputs.ts';

/** How a compiled circuit is shown: each view is a transform of the one compiled circuit, never a new compile. */
export interface ViewOptions {
  /** Draw sigmoid(a) as its four primitive gates (*-1, exp, +1, 1/x) and softmax as exp, sum and /. */
  readonly expandSigmoid?: boolean;
  /** Draw a tensor circuit as the scalar circuit it stands for, one wire per element. */
  readonly asScalars?: boolean;
}

/** A compiled formula ready to show: the circuit, its engine and its step order. */
export interface Model {
  readonly source: string;
  /** The circuit as compiled, before any view's transform: toggling a view starts from it. */
  readonly compiled: Circuit;
  readonly circuit: Circuit;
  /** The engine that computes it: the scalar tape, or the tensor engine when wires carry vectors or matrices. */
  readonly tape: Engine;
  readonly schedule: Schedule;
  /** Same for two models whose circuits have the same shape (ids, gates, wiring); the drawing is reused when it matches. */
  readonly shape: string;
  /** Set when "as scalars" was asked for but the circuit is too large: the gate count it would need. */
  readonly asScalarsRefused?: number;
}

export type BuildResult = { ok: true; model: Model } | { ok: false; error: SourceError };

/** Counts compiles, so tests can check that toggling a view or dragging a value never compiles again. */
export const buildStats = { compiles: 0 };

export function buildModel(source: string, options: ViewOptions): BuildResult {
  buildStats.compiles++;
  const compiled = compileSource(source);
  if (!compiled.ok) return compiled;
  return { ok: true, model: present(source, compiled.circuit, options) };
}

/** The compiled circuit under a view, with input values carried over from the model shown before, if any. */
export function present(source: string, compiled: Circuit, options: ViewOptions, from?: Model): Model {
  let circuit = compiled;
  let asScalarsRefused: number | undefined;
  if (options.asScalars && compiled.tensor) {
    // The compiled circuit's current input values, read from the view shown before; built only if the expansion runs.
    let current: Engine | undefined;
    const valueOf = (i: number, k: number) => {
      if (!current) {
        current = createEngine(compiled);
        if (from) carryInputs(from.tape, current);
      }
      return current.values[(current.offset[i] as number) + k] as number;
    };
    const result = asScalars(compiled, valueOf);
    if (result.ok) circuit = result.circuit;
    else asScalarsRefused = result.gates;
  }
  if (options.expandSigmoid) circuit = expandSoftmax(expandSigmoid(circuit));
  const tape = createEngine(circuit);
  if (from) {
    carryInputs(from.tape, tape);
    tape.run();
  }
  return {
    source, compiled, circuit, tape, schedule: new Schedule(circuit), shape: shapeOf(circuit),
    ...(asScalarsRefused !== undefined ? { asScalarsRefused } : {}),
  };
}

export { MAX_AS_SCALARS_GATES };

function shapeOf(circuit: Circuit): string {
  const parts: string[] = [];
  for (const n of circuit.nodes) parts.push(`${n.id}:${n.kind}:${n.op ?? ''}:${n.kind === 'input' ? '' : n.c}:${n.args.join(',')}:${n.names.join(',')}:${n.shape.join('x')}`);
  return parts.join('|');
}
