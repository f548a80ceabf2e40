import { circuitOverview, compileSource, createEngine, runToEnd, Schedule, Tape, type Circuit, type Engine, type SourceError } from '../core/index.ts';
import type { TapeArrays } from '../core/tape.ts';
import { asScalars, MAX_AS_SCALARS_GATES } from '../core/transforms/as-scalars.ts';
import { expandSigmoid } from '../core/transforms/expand-sigmoid.ts';
import { expandSoftmax } from '../core/transforms/expand-softmax.ts';
import { carryInputs } from './carry-inputs.ts';
import { shapeKey } from '../core/shape-key.ts';
import { unpackCircuit, type PackedResult } from '../worker/circuit-transfer.ts';

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
  return runToEnd(buildSteps(source, options));
}

/**
 * buildModel in steps: each `yield` is a place where the page may take its turn (see run-in-slices.ts), so that a big
 * source holds the page for the compile and then only for one slice at a time.
 */
export function* buildSteps(source: string, options: ViewOptions): Generator<void, BuildResult> {
  buildStats.compiles++;
  const compiled = compileSource(source);
  if (!compiled.ok) return compiled;
  yield;
  return { ok: true, model: yield* presentSteps(source, compiled.circuit, options) };
}

/** buildModel for a circuit a worker compiled and packed: unpacked, then shown, in slices (the share unpacked is yielded). */
export function* unpackedSteps(packed: PackedResult, source: string, options: () => ViewOptions): Generator<number | void, BuildResult> {
  if (!packed.ok) return packed;
  const circuit = yield* unpackCircuit(packed.circuit, source);
  yield 1;
  return { ok: true, model: yield* presentSteps(source, circuit, options(), undefined, packed) };
}

/** The compiled circuit under a view, with input values carried over from the model shown before, if any. */
export function present(source: string, compiled: Circuit, options: ViewOptions, from?: Model): Model {
  return runToEnd(presentSteps(source, compiled, options, from));
}

/**
 * present in steps, as buildSteps: the engine, the step order, the shape key and the overview each take one. `made`:
 * the shape key and the tape a worker made for `compiled`, used when the view shows it untransformed.
 */
export function* presentSteps(
  source: string, compiled: Circuit, options: ViewOptions, from?: Model, made?: { readonly shape: string; readonly tape?: TapeArrays },
): Generator<void, Model> {
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
  const untransformed = circuit === compiled ? made : undefined;
  const tape = untransformed?.tape ? new Tape(circuit, untransformed.tape) : createEngine(circuit);
  if (from) {
    carryInputs(from.tape, tape);
    tape.run();
  }
  yield;
  const schedule = new Schedule(circuit);
  yield;
  const shape = untransformed?.shape ?? shapeKey(circuit);
  yield;
  // Computed once per circuit and kept: the overview of a circuit too big to draw then shows without a long task.
  circuitOverview(circuit);
  return {
    source, compiled, circuit, tape, schedule, shape,
    ...(asScalarsRefused !== undefined ? { asScalarsRefused } : {}),
  };
}

export { MAX_AS_SCALARS_GATES };

