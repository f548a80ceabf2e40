import type { Circuit } from './circuit.ts';
import { compileSource } from './compile.ts';
import { createEngine } from './create-engine.ts';
import type { Engine } from './engine.ts';
import type { InputResult } from './evaluate.ts';
import { toNested } from './tensor/nested.ts';
import { TensorTape } from './tensor/tensor-tape.ts';
import { sgdStep } from './tensor/train.ts';

export interface DescendOptions {
  /** The step size: every parameter moves by `−learningRate · gradient` per step. */
  readonly learningRate: number;
  /** How many updates; the result has `steps + 1` losses. */
  readonly steps: number;
  /** Names of the inputs to update; every input when absent. */
  readonly parameters?: readonly string[];
}

export type DescendResult =
  | { ok: true; losses: number[]; inputs: InputResult[] }
  | { ok: false; error: { message: string; line: number; column: number } };

/** The most updates one call makes: a million losses are 8 MB, and more is a typo rather than a plan. */
export const MAX_DESCEND_STEPS = 1_000_000;

const refuse = (message: string): DescendResult => ({ ok: false, error: { message, line: 1, column: 1 } });

/** Why these options cannot run, or undefined when they can. */
export function descendOptionsProblem(options: DescendOptions | undefined): string | undefined {
  if (typeof options !== 'object' || options === null) return 'expected options { learningRate, steps, parameters? }';
  const { learningRate, steps, parameters } = options;
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate < 0) {
    return `expected a learning rate that is a finite number ≥ 0 but found ${String(learningRate)}`;
  }
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0 || steps > MAX_DESCEND_STEPS) {
    return `expected a whole number of steps from 0 to ${MAX_DESCEND_STEPS.toLocaleString('en-US')} but found ${String(steps)}`;
  }
  if (parameters !== undefined && (!Array.isArray(parameters) || parameters.some((p) => typeof p !== 'string'))) {
    return 'expected parameters to be a list of input names';
  }
  return undefined;
}

/** The input nodes named, or the first name that is not an input of this circuit. */
export function parameterNodes(circuit: Circuit, names: readonly string[] | undefined): { ok: true; nodes: number[] } | { ok: false; message: string } {
  if (names === undefined) return { ok: true, nodes: [...circuit.inputs] };
  const byName = new Map(circuit.inputs.map((i) => [circuit.nodes[i]?.names[0] as string, i]));
  const nodes = new Set<number>();
  for (const name of names) {
    const node = byName.get(name);
    if (node === undefined) {
      const known = [...byName.keys()].map((n) => `'${n}'`).join(', ') || 'none';
      return { ok: false, message: `'${name}' is not an input of this formula, so it cannot be a parameter: expected one of ${known}` };
    }
    nodes.add(node);
  }
  return { ok: true, nodes: [...nodes] };
}

/**
 * Plain gradient descent on a formula's output: `steps` rounds of `p -= learningRate · ∂output/∂p` for each
 * parameter, each after a forward and backward pass. Never throws; a rate that diverges gives non-finite losses.
 */
export function descend(source: string, options: DescendOptions): DescendResult {
  try {
    if (typeof source !== 'string') return refuse('expected the formula as a string');
    const problem = descendOptionsProblem(options);
    if (problem) return refuse(problem);
    const compiled = compileSource(source);
    if (!compiled.ok) {
      const { message, line, column } = compiled.error;
      return { ok: false, error: { message, line, column } };
    }
    const { circuit } = compiled;
    const params = parameterNodes(circuit, options.parameters);
    if (!params.ok) return refuse(params.message);
    const engine = createEngine(circuit);
    const losses = run(engine, params.nodes, options.learningRate, options.steps);
    return { ok: true, losses, inputs: inputsOf(engine) };
  } catch (e) {
    return refuse(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function run(engine: Engine, params: readonly number[], lr: number, steps: number): number[] {
  const { circuit } = engine;
  // Inputs that are not trained need no gradient during the run (a data set's can be large); all get one at the end.
  const tensor = engine instanceof TensorTape ? engine : undefined;
  for (const i of circuit.inputs) tensor?.setWantsGrad(i, params.includes(i));
  engine.run();
  const losses = [engine.outputValue];
  for (let s = 0; s < steps; s++) {
    sgdStep(engine, params, lr);
    engine.run();
    losses.push(engine.outputValue);
  }
  if (tensor) {
    for (const i of circuit.inputs) tensor.setWantsGrad(i, true);
    tensor.run();
  }
  return losses;
}

function inputsOf(engine: Engine): InputResult[] {
  const { circuit } = engine;
  return circuit.inputs.map((i) => {
    const { shape, names } = circuit.nodes[i] as Circuit['nodes'][number];
    return { name: names[0] as string, shape, value: toNested(engine.value(i), shape), grad: toNested(engine.grad(i), shape) };
  });
}
