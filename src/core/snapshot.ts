import type { Schedule } from './schedule.ts';
import type { Tape } from './tape.ts';

export const GRAD_NONE = 0;
export const GRAD_PARTIAL = 1;
export const GRAD_COMPLETE = 2;

/** What is known on every wire at one step: values computed so far, and gradients summed so far. */
export interface Snapshot {
  readonly step: number;
  readonly hasValue: Uint8Array;
  /** GRAD_NONE, GRAD_PARTIAL (some of a fanned-out wire's branches have reported) or GRAD_COMPLETE. */
  readonly gradState: Uint8Array;
  /** The gradient accumulated so far (0 where none); equals the tape's gradient once complete. */
  readonly grad: Float64Array;
}

/** O(nodes + edges); cheap enough to redo on every step even at 10^5 gates. */
export function snapshotAt(tape: Tape, schedule: Schedule, step: number): Snapshot {
  const s = schedule.clamp(step);
  const { circuit } = tape;
  const n = tape.size;
  const hasValue = new Uint8Array(n);
  const gradState = new Uint8Array(n);
  const grad = new Float64Array(n);
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) hasValue[i] = (schedule.valueStep[i] as number) <= s ? 1 : 0;
  for (let g = 0; g < n; g++) {
    const done = schedule.backwardStep[g] as number;
    if (done < 0) continue;
    const args = circuit.nodes[g]?.args ?? [];
    for (let j = 0; j < args.length; j++) {
      const a = args[j] as number;
      if (done <= s) {
        grad[a] = (grad[a] as number) + (tape.locals[2 * g + j] as number) * (tape.grads[g] as number);
        gradState[a] = GRAD_PARTIAL;
      } else pending[a] = (pending[a] as number) + 1;
    }
  }
  if (s >= schedule.seedStep) {
    grad[circuit.output] = 1;
    gradState[circuit.output] = GRAD_PARTIAL;
  }
  for (let i = 0; i < n; i++) {
    if (gradState[i] === GRAD_PARTIAL && pending[i] === 0) gradState[i] = GRAD_COMPLETE;
    else if (s === schedule.last && !circuit.live[i]) gradState[i] = GRAD_COMPLETE;
  }
  return { step: s, hasValue, gradState, grad };
}
