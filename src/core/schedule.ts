import type { Circuit } from './circuit.ts';

export type Phase = 'start' | 'forward' | 'seed' | 'backward';

export interface ScheduledStep {
  readonly phase: Phase;
  /** The node the step computes: the gate (forward, backward) or the output (seed); -1 at the start. */
  readonly node: number;
}

/**
 * The stepping order, fixed by the circuit's shape alone: step 0 shows the inputs; one forward step per gate in
 * topological order; the seed gradient 1 on the output; one backward step per live gate in reverse order.
 * Values may change (an input edit) without touching it: the UI only moves an index.
 */
export class Schedule {
  readonly forwardCount: number;
  readonly backwardCount: number;
  /** The last step's number; steps run from 0 to this. */
  readonly last: number;
  readonly seedStep: number;
  private readonly order: Int32Array;
  /** Step at which each node's value appears (0 for inputs and constants). */
  readonly valueStep: Int32Array;
  /** Step at which each gate passes its gradient back (-1 for dead gates and non-gates). */
  readonly backwardStep: Int32Array;

  constructor(readonly circuit: Circuit) {
    const { nodes, live } = circuit;
    const n = nodes.length;
    // Typed arrays and two passes, no list per gate: at 250,000 nodes this is a few milliseconds of the page's time.
    let gates = 0;
    let liveGates = 0;
    for (let i = 0; i < n; i++) {
      if (nodes[i]?.kind !== 'gate') continue;
      gates++;
      if (live[i]) liveGates++;
    }
    this.forwardCount = gates;
    this.backwardCount = liveGates;
    this.seedStep = gates + 1;
    this.last = this.seedStep + liveGates;
    this.order = new Int32Array(this.last + 1);
    this.order[0] = -1;
    this.valueStep = new Int32Array(n);
    this.backwardStep = new Int32Array(n).fill(-1);
    let forward = 0;
    let backward = this.last;
    for (let g = 0; g < n; g++) {
      if (nodes[g]?.kind !== 'gate') continue;
      this.order[++forward] = g;
      this.valueStep[g] = forward;
      if (!live[g]) continue;
      // The last live gate passes its gradient first, right after the seed.
      this.order[backward] = g;
      this.backwardStep[g] = backward--;
    }
    this.order[this.seedStep] = circuit.output;
  }

  step(k: number): ScheduledStep {
    const step = this.clamp(k);
    const node = this.order[step] as number;
    if (step === 0) return { phase: 'start', node };
    if (step < this.seedStep) return { phase: 'forward', node };
    if (step === this.seedStep) return { phase: 'seed', node };
    return { phase: 'backward', node };
  }

  clamp(k: number): number {
    return Math.max(0, Math.min(this.last, Math.trunc(Number.isFinite(k) ? k : k > 0 ? this.last : 0)));
  }

  /** The step that computes `node` in `phase`, or -1: used to keep the position when the circuit is regrouped. */
  stepOf(phase: 'forward' | 'backward', node: number): number {
    return phase === 'forward' ? (this.circuit.nodes[node]?.kind === 'gate' ? (this.valueStep[node] as number) : -1) : (this.backwardStep[node] ?? -1);
  }
}
