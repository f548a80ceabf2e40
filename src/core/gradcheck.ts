import { wireName, type CircuitNode } from './circuit.ts';
import type { Engine } from './engine.ts';
import { gateLabel } from './gate-label.ts';
import { gate, type Op } from './gates.ts';
import { elementwiseLocal } from './tensor/elementwise.ts';
import { TensorTape } from './tensor/tensor-tape.ts';

export interface GradCheckRow {
  readonly input: number;
  /** The element of a tensor input whose check came out worst (0 for a scalar). */
  readonly element: number;
  readonly analytic: number;
  readonly numerical: number;
  /** |a - n| / max(|a|, |n|), as the lecture recommends; 0 when both are 0. */
  readonly relativeError: number;
  /** How many of the input's elements were checked, of how many. */
  readonly checked: number;
  readonly total: number;
  /**
   * Set when a gate with a corner (relu, abs, max, min) switched branch between x − h and x + h: the centred
   * difference then straddles the corner, so a large relative error says nothing about the analytic gradient.
   */
  readonly kink?: string;
}

/** Gates whose derivative jumps at a point: relu and abs at 0, max and min at a tie. */
const KINKED: ReadonlySet<string> = new Set(['relu', 'abs', 'max', 'min']);

/** Which branch every kinked gate takes, element by element: its local gradient for the first argument. */
function branches(engine: Engine): Float64Array[] {
  const out: Float64Array[] = [];
  const { nodes } = engine.circuit;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as CircuitNode;
    if (node.kind !== 'gate' || !KINKED.has(node.op as string)) continue;
    const plan = engine instanceof TensorTape ? engine.plan(i) : undefined;
    if (plan) out.push(elementwiseLocal(plan, engine.values, 0));
    else {
      const [a = 0, b] = node.args;
      const v = engine.values;
      out.push(Float64Array.of(gate(node.op as Op).local(0, v[a] as number, b === undefined ? 0 : (v[b] as number), node.c, v[i] as number)));
    }
  }
  return out;
}

/** The first kinked gate whose branch differs between two signatures, described for the reader. */
function kinkBetween(engine: Engine, before: Float64Array[], after: Float64Array[]): string | undefined {
  const { circuit } = engine;
  let k = 0;
  for (let i = 0; i < circuit.nodes.length; i++) {
    const node = circuit.nodes[i] as CircuitNode;
    if (node.kind !== 'gate' || !KINKED.has(node.op as string)) continue;
    const [x, y] = [before[k] as Float64Array, after[k] as Float64Array];
    k++;
    if (x.some((v, e) => !Object.is(v, y[e]))) {
      const what = node.op === 'max' || node.op === 'min' ? 'ties' : 'is at its corner';
      return `the ${gateLabel(circuit, i)} gate computing ${wireName(node)} ${what} here: within h it takes a different branch on each side`;
    }
  }
  return undefined;
}

/** The lecture's step: small enough for accuracy, large enough to stay clear of round-off. */
export const GRADCHECK_H = 1e-5;
/** A big tensor is checked at this many elements spread over it, as one does in practice. */
export const GRADCHECK_SAMPLES = 24;

export function relativeError(a: number, n: number): number {
  if (a === n) return 0;
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
}

/** Centred differences (f(x+h) - f(x-h)) / 2h for one element of one input, leaving the engine's values as they were. */
export function numericalGradient(engine: Engine, input: number, h = GRADCHECK_H, element = 0): number {
  return centred(engine, input, h, element).slope;
}

function centred(engine: Engine, input: number, h: number, element: number, watchKinks = false): { slope: number; kink?: string } {
  const at = (engine.offset[input] as number) + element;
  const x = engine.values[at] as number;
  engine.values[at] = x + h;
  engine.forward();
  const plus = engine.outputValue;
  const above = watchKinks ? branches(engine) : [];
  engine.values[at] = x - h;
  engine.forward();
  const minus = engine.outputValue;
  const kink = watchKinks ? kinkBetween(engine, branches(engine), above) : undefined;
  engine.values[at] = x;
  engine.forward();
  return { slope: (plus - minus) / (2 * h), ...(kink ? { kink } : {}) };
}

/** The elements of an input that are checked: all of a small one, GRADCHECK_SAMPLES spread over a big one. */
function sampled(engine: Engine, input: number): number[] {
  const total = engine.length[input] as number;
  const step = Math.max(1, Math.floor(total / GRADCHECK_SAMPLES));
  const elements: number[] = [];
  for (let element = 0; element < total && elements.length < GRADCHECK_SAMPLES; element += step) elements.push(element);
  return elements;
}

/**
 * Every input's analytic gradient beside its numerical one, on a copy of the engine so the circuit on screen is never
 * touched. Costs two forward passes per element checked.
 */
export function gradientCheck(source: Engine, h = GRADCHECK_H): GradCheckRow[] {
  const engine = source.clone();
  return engine.circuit.inputs.map((input) => {
    const total = engine.length[input] as number;
    let worst: GradCheckRow | undefined;
    let checked = 0;
    for (const element of sampled(engine, input)) {
      checked++;
      const analytic = engine.grads[(engine.offset[input] as number) + element] as number;
      const { slope: numerical, kink } = centred(engine, input, h, element, true);
      const relative = relativeError(analytic, numerical);
      if (!worst || !(relative <= worst.relativeError)) worst = { input, element, analytic, numerical, relativeError: relative, checked, total, ...(kink ? { kink } : {}) };
    }
    return { ...(worst as GradCheckRow), checked };
  });
}

export interface GradCheckTiming {
  /** Forward passes the numerical gradient ran: two per element checked. */
  readonly forwardPasses: number;
  /** Milliseconds for all of them together. */
  readonly numericalMs: number;
  /** The analytic gradient of every input at once: always one backward pass. */
  readonly backwardPasses: 1;
  readonly analyticMs: number;
}

/** A batch long enough to read a browser's coarse clock (0.1 ms steps) to about 10%, short enough to run on every edit. */
const BATCH_MS = 1;
const BATCHES = 3;
const MAX_RUNS = 10_000;
const clock = (globalThis as { performance?: { now(): number } }).performance ?? Date;

/**
 * Milliseconds per run of `work`, the best of a few batches after one untimed: a small circuit's pass takes
 * microseconds, the engine's first runs are the JIT compiler's, and a pause for garbage collection is nobody's.
 */
function msPerRun(work: () => void): number {
  const batch = () => {
    const start = clock.now();
    for (let runs = 1; ; runs++) {
      work();
      const elapsed = clock.now() - start;
      if (elapsed >= BATCH_MS || runs >= MAX_RUNS) return elapsed / runs;
    }
  };
  batch();
  let best = Infinity;
  for (let k = 0; k < BATCHES; k++) best = Math.min(best, batch());
  return best;
}

/**
 * The lecture's point, measured: how long the numerical gradient (two forward passes per element the check reads) and
 * the analytic one (one backward pass) take, on a copy of the engine.
 */
export function gradientCheckTiming(source: Engine, h = GRADCHECK_H): GradCheckTiming {
  const engine = source.clone();
  const at = engine.circuit.inputs.flatMap((input) => sampled(engine, input).map((e) => (engine.offset[input] as number) + e));
  // Kept, so the timed loop does all of a numerical gradient's work.
  const slopes = new Float64Array(at.length);
  const numericalMs = msPerRun(() => {
    for (let k = 0; k < at.length; k++) {
      const i = at[k] as number;
      const x = engine.values[i] as number;
      engine.values[i] = x + h;
      engine.forward();
      const plus = engine.outputValue;
      engine.values[i] = x - h;
      engine.forward();
      slopes[k] = (plus - engine.outputValue) / (2 * h);
      engine.values[i] = x;
    }
  });
  engine.forward();
  const analyticMs = msPerRun(() => engine.backward());
  return { forwardPasses: 2 * at.length, numericalMs, backwardPasses: 1, analyticMs };
}
