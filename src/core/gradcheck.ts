import type { Engine } from './engine.ts';

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
  const at = (engine.offset[input] as number) + element;
  const x = engine.values[at] as number;
  engine.values[at] = x + h;
  engine.forward();
  const plus = engine.outputValue;
  engine.values[at] = x - h;
  engine.forward();
  const minus = engine.outputValue;
  engine.values[at] = x;
  engine.forward();
  return (plus - minus) / (2 * h);
}

/**
 * Every input's analytic gradient beside its numerical one, on a copy of the engine so the circuit on screen is never
 * touched. Costs two forward passes per element checked.
 */
export function gradientCheck(source: Engine, h = GRADCHECK_H): GradCheckRow[] {
  const engine = source.clone();
  return engine.circuit.inputs.map((input) => {
    const total = engine.length[input] as number;
    const step = Math.max(1, Math.floor(total / GRADCHECK_SAMPLES));
    let worst: GradCheckRow | undefined;
    let checked = 0;
    for (let element = 0; element < total && checked < GRADCHECK_SAMPLES; element += step) {
      checked++;
      const analytic = engine.grads[(engine.offset[input] as number) + element] as number;
      const numerical = numericalGradient(engine, input, h, element);
      const relative = relativeError(analytic, numerical);
      if (!worst || !(relative <= worst.relativeError)) worst = { input, element, analytic, numerical, relativeError: relative, checked, total };
    }
    return { ...(worst as GradCheckRow), checked };
  });
}
