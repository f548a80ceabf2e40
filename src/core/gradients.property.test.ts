import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import { compiled } from './fixtures/circuits.ts';
import { formulas, points, type Formula, type Point } from './fixtures/formulas.ts';
import { evaluate } from './evaluate.ts';
import { Tape } from './tape.ts';

const INPUTS = ['a', 'b', 'c'] as const;
const H = 1e-5;
const RUNS = 400;

/** The formula as the last statement, not assigned: `f = 0.5` would declare f an input. */
const sourceOf = (f: Formula, p: Point) => `a = ${p.a}; b = ${p.b}; c = ${p.c}\n${f.text}`;

/** Centred difference of the JavaScript oracle along one input. */
function slope(f: Formula, p: Point, input: keyof Point, h: number): number {
  return (f.at({ ...p, [input]: p[input] + h }) - f.at({ ...p, [input]: p[input] - h })) / (2 * h);
}

/** NOTE: Richardson's combination of h and h/2 cancels the h² error term, which fast-oscillating formulas make large. */
function numericalSlope(f: Formula, p: Point, input: keyof Point): number {
  return (4 * slope(f, p, input, H / 2) - slope(f, p, input, H)) / 3;
}

/**
 * Agreement up to the finite difference's own error: its truncation error relative to the slope, plus the
 * round-off of differencing values as large as the largest intermediate (`scale`), divided by h.
 */
function agree(x: number, y: number, scale: number): boolean {
  return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y)) + 1e-9 * scale;
}

/** The largest finite magnitude on any wire: differences of big intermediates lose digits to round-off. */
function largestValue(source: string): number {
  return new Tape(compiled(source)).values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 1);
}

describe('random formulas of the language', () => {
  it('parse with the precedence the oracle assumes and compute the same value', () => {
    fc.assert(fc.property(formulas, points, (f, p) => {
      const result = evaluate(sourceOf(f, p));
      if (!result.ok) throw new Error(`${f.text}: ${result.error.message}`);
      const expected = f.at(p);
      expect(Math.abs(result.output.value - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      expect(result.inputs.map((i) => [i.name, i.value])).toEqual(INPUTS.map((name) => [name, p[name]]));
    }), { numRuns: RUNS });
  });

  it('have analytic gradients that match centred finite differences, kinks aside', () => {
    let compared = 0;
    let inconclusive = 0;
    fc.assert(fc.property(formulas, points, (f, p) => {
      const source = sourceOf(f, p);
      const result = evaluate(source);
      if (!result.ok) throw new Error(`${f.text}: ${result.error.message}`);
      const scale = largestValue(source);
      result.inputs.forEach(({ grad }, i) => {
        const input = INPUTS[i] as keyof Point;
        // Near a kink of abs, relu, max or min the difference quotient depends on h: no verdict there.
        if (!f.smooth && !agree(slope(f, p, input, H), slope(f, p, input, H / 10), scale)) {
          inconclusive++;
          return;
        }
        compared++;
        const numerical = numericalSlope(f, p, input);
        expect(agree(grad as number, numerical, scale), `${source}\n∂f/∂${input}: analytic ${String(grad)}, numerical ${numerical}`).toBe(true);
      });
    }), { numRuns: RUNS });
    expect(inconclusive).toBeLessThan(compared / 10);
  });

  it('give the same output and gradients with sigmoid grouped or expanded', () => {
    fc.assert(fc.property(formulas, points, (f, p) => {
      const source = sourceOf(f, p);
      const grouped = new Tape(compiled(source));
      const expanded = new Tape(compiled(source, { expandSigmoid: true }));
      const close = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
      expect(close(expanded.outputValue, grouped.outputValue)).toBe(true);
      grouped.circuit.inputs.forEach((input, i) => {
        const other = expanded.circuit.inputs[i] as number;
        expect(close(expanded.grads[other] as number, grouped.grads[input] as number), source).toBe(true);
      });
    }), { numRuns: RUNS });
  });
});
