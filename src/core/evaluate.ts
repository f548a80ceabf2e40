import { compileSource } from './compile.ts';
import { Tape } from './tape.ts';

export interface NamedValue {
  readonly name: string;
  readonly value: number;
}

export type EvaluateResult =
  | { ok: true; output: NamedValue; inputs: (NamedValue & { grad: number })[] }
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
    const tape = new Tape(circuit);
    return {
      ok: true,
      output: { name: circuit.outputName, value: tape.outputValue },
      inputs: circuit.inputs.map((i) => ({
        name: circuit.nodes[i]?.names[0] as string,
        value: tape.values[i] as number,
        grad: tape.grads[i] as number,
      })),
    };
  } catch (e) {
    // NOTE: only reachable through a bug or memory exhaustion; still an answer, never an exception.
    return { ok: false, error: { message: `internal error: ${e instanceof Error ? e.message : String(e)}`, line: 1, column: 1 } };
  }
}
