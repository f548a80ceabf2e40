import type { Circuit, CircuitNode } from '../circuit.ts';
import type { Engine } from '../engine.ts';
import { opIndex, type Op } from '../gates.ts';
import { kernelsOf } from './ops.ts';
import type { Backward, Forward, Plan } from './plan.ts';
import { asMatrix, broadcastStrides, sizeOf, type Shape } from './shape.ts';

const NO_SHAPE: Shape = [];

/**
 * The engine for circuits with vectors and matrices on their wires. Every value and gradient lives in two flat
 * buffers allocated once; each gate's plan (offsets, strides, sizes) is worked out once, so recomputing the whole
 * circuit after an input change allocates nothing. Backward passes are vector-Jacobian products.
 */
export class TensorTape implements Engine {
  readonly size: number;
  readonly values: Float64Array;
  readonly grads: Float64Array;
  readonly offset: Int32Array;
  readonly length: Int32Array;
  /** 1 where a gradient must be computed: live nodes that depend on some input whose gradient is wanted. */
  readonly needsGrad: Uint8Array;
  private readonly wantGrad: Uint8Array;
  private readonly plans: Plan[];
  private readonly forwards: Forward[];
  private readonly backwards: Backward[];
  /** For each node, the index of its gate's plan, or -1: explanations and checks look plans up by node. */
  private readonly planIndex: Int32Array;

  /** With `from`, a fork: the plans (which never change) shared, its own copy of every value and gradient. */
  constructor(readonly circuit: Circuit, from?: TensorTape) {
    if (from) {
      this.size = from.size;
      this.offset = from.offset;
      this.length = from.length;
      this.plans = from.plans;
      this.forwards = from.forwards;
      this.backwards = from.backwards;
      this.planIndex = from.planIndex;
      this.values = from.values.slice();
      this.grads = from.grads.slice();
      this.needsGrad = from.needsGrad.slice();
      this.wantGrad = from.wantGrad.slice();
      return;
    }
    this.plans = [];
    this.forwards = [];
    this.backwards = [];
    this.planIndex = new Int32Array(circuit.nodes.length).fill(-1);
    const { nodes } = circuit;
    const n = nodes.length;
    this.size = n;
    this.offset = new Int32Array(n);
    this.length = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.offset[i] = total;
      this.length[i] = sizeOf((nodes[i] as CircuitNode).shape);
      total += this.length[i] as number;
    }
    this.values = new Float64Array(total);
    this.grads = new Float64Array(total);
    this.needsGrad = new Uint8Array(n);
    this.wantGrad = new Uint8Array(n).fill(1);
    nodes.forEach((node, i) => {
      if (node.kind === 'gate') {
        const plan = planOf(circuit, i, this.offset);
        const kernels = kernelsOf(node.op as string);
        this.planIndex[i] = this.plans.length;
        this.plans.push(plan);
        this.forwards.push(kernels.forward);
        this.backwards.push(kernels.backward);
      } else if (node.init) this.values.set(node.init, this.offset[i]);
      else this.values[this.offset[i] as number] = node.c;
    });
    this.updateNeedsGrad();
    this.run();
  }

  /** Say whether an input's gradient is wanted; data such as a training set need none, which saves its backward work. */
  setWantsGrad(input: number, wants: boolean): void {
    this.wantGrad[input] = wants ? 1 : 0;
    this.updateNeedsGrad();
  }

  private updateNeedsGrad(): void {
    const { nodes, live } = this.circuit;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as CircuitNode;
      let needs = 0;
      if (node.kind === 'input') needs = this.wantGrad[i] as number;
      else for (const a of node.args) needs |= this.needsGrad[a] as number;
      this.needsGrad[i] = needs & (live[i] as number);
    }
  }

  setInput(index: number, value: number | ArrayLike<number>): void {
    const node = this.circuit.nodes[index];
    if (node?.kind !== 'input') throw new Error(`node ${index} is not an input`);
    const o = this.offset[index] as number;
    if (typeof value === 'number') this.values[o] = value;
    else {
      if (value.length !== this.length[index]) throw new Error(`input ${node.id} holds ${this.length[index]} numbers, not ${value.length}`);
      for (let k = 0; k < value.length; k++) this.values[o + k] = value[k] as number;
    }
  }

  forward(): void {
    const { plans, forwards, values } = this;
    for (let k = 0; k < plans.length; k++) (forwards[k] as Forward)(plans[k] as Plan, values);
  }

  /** NOTE: only gates that reach the output pass gradients, so a dead branch's 0 · ∞ cannot become NaN. */
  backward(): void {
    const { plans, backwards, values, grads, offset, needsGrad } = this;
    const { nodes, output } = this.circuit;
    grads.fill(0);
    if (!needsGrad[output]) return;
    grads[offset[output] as number] = 1;
    for (let k = plans.length - 1; k >= 0; k--) {
      const p = plans[k] as Plan;
      if (!needsGrad[p.node]) continue;
      const args = (nodes[p.node] as CircuitNode).args;
      for (let j = 0; j < args.length; j++) {
        const a = args[j] as number;
        if (needsGrad[a]) (backwards[k] as Backward)(p, values, grads, j, grads, offset[a] as number);
      }
    }
  }

  run(): void {
    this.forward();
    this.backward();
  }

  get outputValue(): number {
    return this.values[this.offset[this.circuit.output] as number] as number;
  }

  value(i: number): Float64Array {
    const o = this.offset[i] as number;
    return this.values.subarray(o, o + (this.length[i] as number));
  }

  grad(i: number): Float64Array {
    const o = this.offset[i] as number;
    return this.grads.subarray(o, o + (this.length[i] as number));
  }

  /** The plan of a gate, for explanations and the Jacobian lens. */
  plan(g: number): Plan | undefined {
    return this.plans[this.planIndex[g] ?? -1];
  }

  /** NOTE: a dead gate passes nothing back, exactly 0 (not 0 times a local gradient that may be ∞). */
  contribution(g: number, j: number): Float64Array {
    if (this.circuit.live[g]) return this.vjp(g, j, this.grads);
    const arg = this.circuit.nodes[g]?.args[j];
    if (arg === undefined || (this.planIndex[g] ?? -1) < 0) throw new Error(`node ${g} has no argument ${j}`);
    return new Float64Array(this.length[arg] as number);
  }

  /** Gate g's VJP for argument j with a given upstream gradient, into a fresh array: for the Jacobian lens. */
  vjpWith(g: number, j: number, upstream: Float64Array): Float64Array {
    const grads = new Float64Array(this.grads.length);
    grads.set(upstream, this.plan(g)?.out ?? 0);
    return this.vjp(g, j, grads);
  }

  /** Gate g's VJP for argument j, reading the upstream gradient from `grads` at the gate's output. */
  private vjp(g: number, j: number, grads: Float64Array): Float64Array {
    const arg = this.circuit.nodes[g]?.args[j];
    const k = this.planIndex[g] ?? -1;
    if (arg === undefined || k < 0) throw new Error(`node ${g} has no argument ${j}`);
    const out = new Float64Array(this.length[arg] as number);
    (this.backwards[k] as Backward)(this.plans[k] as Plan, this.values, grads, j, out, 0);
    return out;
  }

  clone(): TensorTape {
    return new TensorTape(this.circuit, this);
  }
}

function planOf(circuit: Circuit, i: number, offset: Int32Array): Plan {
  const node = circuit.nodes[i] as CircuitNode;
  const [a, b] = node.args;
  const aShape = a === undefined ? NO_SHAPE : (circuit.nodes[a] as CircuitNode).shape;
  const bShape = b === undefined ? NO_SHAPE : (circuit.nodes[b] as CircuitNode).shape;
  const [rows, cols] = asMatrix(node.shape);
  const [ar, ac] = broadcastStrides(aShape, node.shape);
  const [br, bc] = b === undefined ? [0, 0] : broadcastStrides(bShape, node.shape);
  const m = aShape.length === 2 ? (aShape[0] as number) : 1;
  const k = aShape.length === 0 ? 1 : (aShape[aShape.length - 1] as number);
  const n = bShape.length === 2 ? (bShape[1] as number) : 1;
  return {
    node: i, out: offset[i] as number, len: sizeOf(node.shape), rows, cols,
    a: a === undefined ? -1 : (offset[a] as number), b: b === undefined ? -1 : (offset[b] as number),
    aShape, bShape, outShape: node.shape, ar, ac, br, bc, c: node.c,
    scalarOp: opIndex.get(node.op as Op) ?? -1, m, k, n,
  };
}
