import type { Tape } from './tape.ts';

export interface GradCheckRow {
  readonly input: number;
  readonly analytic: number;
  readonly numerical: number;
  /** |a - n| / max(|a|, |n|), as the lecture recommends; 0 when both are 0. */
  readonly relativeError: number;
}

/** The lecture's step: small enough for accuracy, large enough to stay clear of round-off. */
export const GRADCHECK_H = 1e-5;

export function relativeError(a: number, n: number): number {
  if (a === n) return 0;
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
}

/** Centred differences (f(x+h) - f(x-h)) / 2h for one input, leaving the tape's values as they were. */
export function numericalGradient(tape: Tape, input: number, h = GRADCHECK_H): number {
  const x = tape.values[input] as number;
  tape.setInput(input, x + h);
  tape.forward();
  const plus = tape.outputValue;
  tape.setInput(input, x - h);
  tape.forward();
  const minus = tape.outputValue;
  tape.setInput(input, x);
  tape.forward();
  return (plus - minus) / (2 * h);
}

/** Every input's analytic gradient beside its numerical one. Costs two forward passes per input. */
export function gradientCheck(tape: Tape, h = GRADCHECK_H): GradCheckRow[] {
  return tape.circuit.inputs.map((input) => {
    const analytic = tape.grads[input] as number;
    const numerical = numericalGradient(tape, input, h);
    return { input, analytic, numerical, relativeError: relativeError(analytic, numerical) };
  });
}
