import { compileSource } from './compile.ts';
import { createEngine } from './create-engine.ts';
import { toNested, type Nested } from './tensor/nested.ts';
import type { Shape } from './tensor/shape.ts';

export interface NamedValue {
  readonly name: string;
  readonly value: number;
}

/** An input, its shape, and its value and gradient: numbers for a scalar, nested arrays row by row otherwise. */
export interface InputResult {
  readonly name: string;
  readonly shape: Shape;
  readonly value: Nested;
  readonly grad: Nested;
}

export type EvaluateResult =
  | { ok: true; output: NamedValue; inputs: InputResult[] }
  | { ok: false; error: { message: string; line: number; column: number } };

/** Source in, output value and every input's gradient out. Never throws: any failure becomes an error result. */
export function evaluate(source: string): EvaluateResult {
  try {
    if (typeof source !== 'string') return { ok: false, error: { message: 'expected the formula as a string', line: 1, column: 1 } };
    const compiled = compileSource(source);
    if (!compiled.ok) {
      const { message, line, column } = compiled.error;
      return { ok: false, error: { message, line, column } };
    }
    const { circuit } = compiled;
    const engine = createEngine(circuit);
    return {
      ok: true,
      output: { name: circuit.outputName, value: engine.outputValue },
      inputs: circuit.inputs.map((i) => {
        const { shape, names } = circuit.nodes[i] as (typeof circuit.nodes)[number];
        return { name: names[0] as string, shape, value: toNested(engine.value(i), shape), grad: toNested(engine.grad(i), shape) };
      }),
    };
  } catch (e) {
    // NOTE: only reachable through a bug or memory exhaustion; still an answer, never an exception.
    return { ok: false, error: { message: `internal error: ${e instanceof Error ? e.message : String(e)}`, line: 1, column: 1 } };
  }
}
