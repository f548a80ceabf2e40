import type { Engine } from './engine.ts';
import type { Schedule } from './schedule.ts';
import { Tape } from './tape.ts';

export const GRAD_NONE = 0;
export const GRAD_PARTIAL = 1;
export const GRAD_COMPLETE = 2;

/** What is known on every wire at one step: values computed so far, and gradients summed so far. */
export interface Snapshot {
  readonly step: number;
  readonly hasValue: Uint8Array;
  /** GRAD_NONE, GRAD_PARTIAL (some of a fanned-out wire's branches have reported) or GRAD_COMPLETE. */
  readonly gradState: Uint8Array;
  /**
   * The gradient accumulated so far (0 where none), laid out as the engine's `grads` (node i at `offset[i]`);
   * equals the engine's gradient once complete.
   */
  readonly grad: Float64Array;
}

/** O(nodes + edges); cheap enough to redo on every step even at 10^5 gates. */
export function snapshotAt(engine: Engine, schedule: Schedule, step: number): Snapshot {
  const s = schedule.clamp(step);
  const { circuit } = engine;
  const n = engine.size;
  const hasValue = new Uint8Array(n);
  const gradState = new Uint8Array(n);
  const grad = new Float64Array(engine.grads.length);
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) hasValue[i] = (schedule.valueStep[i] as number) <= s ? 1 : 0;
  const tape = engine instanceof Tape ? engine : undefined;
  const { offset } = engine;
  for (let g = 0; g < n; g++) {
    const done = schedule.backwardStep[g] as number;
    if (done < 0) continue;
    const args = circuit.nodes[g]?.args ?? [];
    for (let j = 0; j < args.length; j++) {
      const a = args[j] as number;
      if (done > s) pending[a] = (pending[a] as number) + 1;
      else {
        gradState[a] = GRAD_PARTIAL;
        // The scalar tape keeps every local gradient, so its contributions cost a multiply; a tensor's is a VJP.
        if (tape) grad[a] = (grad[a] as number) + (tape.locals[2 * g + j] as number) * (tape.grads[g] as number);
      }
    }
  }
  if (!tape) tensorContributions(engine, schedule, s, gradState, pending, grad);
  if (s >= schedule.seedStep) {
    grad[offset[circuit.output] as number] = 1;
    gradState[circuit.output] = GRAD_PARTIAL;
  }
  for (let i = 0; i < n; i++) {
    if (gradState[i] === GRAD_PARTIAL && pending[i] === 0) gradState[i] = GRAD_COMPLETE;
    else if (s === schedule.last && !circuit.live[i]) gradState[i] = GRAD_COMPLETE;
  }
  return { step: s, hasValue, gradState, grad };
}

/**
 * A tensor wire whose every branch has reported carries the engine's final gradient; only a wire still waiting for
 * some branches needs the contributions of the others summed afresh.
 */
function tensorContributions(engine: Engine, schedule: Schedule, s: number, gradState: Uint8Array, pending: Int32Array, grad: Float64Array): void {
  const { circuit, offset, length, grads } = engine;
  for (let i = 0; i < engine.size; i++) {
    if (gradState[i] !== GRAD_PARTIAL) continue;
    const o = offset[i] as number;
    if (pending[i] === 0) {
      grad.set(grads.subarray(o, o + (length[i] as number)), o);
      continue;
    }
    // A gate that reads the wire twice (x * x) is listed twice among its consumers: visit it once, both arguments.
    for (const g of new Set(circuit.consumers[i] ?? [])) {
      const done = schedule.backwardStep[g] as number;
      if (done < 0 || done > s) continue;
      (circuit.nodes[g]?.args ?? []).forEach((a, j) => {
        if (a !== i) return;
        const c = engine.contribution(g, j);
        for (let k = 0; k < c.length; k++) grad[o + k] = (grad[o + k] as number) + (c[k] as number);
      });
    }
  }
}
