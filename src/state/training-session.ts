import { createEngine, type Engine } from '../core/index.ts';
import { isParameterByDefault, isDataName, TrainingRun } from '../core/training/index.ts';
import { carryInputs } from './carry-inputs.ts';
import type { Model } from './model.ts';

/**
 * One recorded run of gradient descent on the circuit shown. Replaced (never mutated) whenever what it shows
 * changes, so views subscribed to it redraw; the run inside grows in place.
 */
export interface TrainingSession {
  readonly run: TrainingRun;
  /** The engine last published as the model's: the session belongs to that model until something else replaces it. */
  readonly tape: Engine;
  /** The iteration shown in the circuit, from 0 to `last`. */
  readonly shown: number;
  /** The head's iteration when this session object was made (the run's `last`, kept for subscribers). */
  readonly last: number;
  /** The first iteration whose loss is NaN or ±∞, or -1. */
  readonly divergedAt: number;
}

export interface InputRole {
  readonly node: number;
  readonly name: string;
  readonly shape: readonly number[];
  readonly parameter: boolean;
  /** Named like data (X, y, labels…): what an input that is not trained is called. */
  readonly data: boolean;
}

/** Every input of the circuit shown and whether it is trained: the user's choice, else tensors not named like data. */
export function inputRoles(model: Model, toggles: Readonly<Record<string, boolean>>): InputRole[] {
  const { circuit } = model;
  return circuit.inputs.map((node) => {
    const name = circuit.nodes[node]?.names[0] as string;
    return { node, name, shape: circuit.nodes[node]?.shape ?? [], parameter: toggles[name] ?? isParameterByDefault(circuit, node), data: isDataName(name) };
  });
}

/** The session if it still belongs to the model shown (no edit, new formula or other view has replaced its engine). */
export function liveSession(model: Model | null, session: TrainingSession | null): TrainingSession | null {
  return model && session && session.tape === model.tape ? session : null;
}

/** A new run from the values shown, on a private fork: the published engine is never trained in place. */
export function startSession(model: Model): TrainingSession {
  const run = new TrainingRun(model.tape.clone());
  return { run, tape: model.tape, shown: 0, last: 0, divergedAt: run.divergedAt };
}

/** The circuit shown with the formula's own values, whatever was dragged or trained since. */
export function formulaTape(model: Model): Engine {
  const tape = createEngine(model.circuit);
  if (model.circuit !== model.compiled) carryInputs(createEngine(model.compiled), tape);
  tape.run();
  return tape;
}
