import type { Circuit } from './circuit.ts';
import type { Engine } from './engine.ts';
import { GATE_LIST, opIndex } from './gates.ts';

const INPUT = -1;
const CONST = -2;
const forwards = GATE_LIST.map((g) => g.forward);
const locals = GATE_LIST.map((g) => g.local);
const arities = GATE_LIST.map((g) => g.arity);

/** A tape's arrays, as a worker that built and ran the tape sends them (see `new Tape(circuit, from)`). */
export type TapeArrays = Pick<Tape, 'op' | 'arg0' | 'arg1' | 'constant' | 'values' | 'grads' | 'locals'>;

/**
 * The engine: the circuit flattened into typed arrays, so that recomputing every value and gradient after an
 * input change is two tight loops with no allocation. Local gradients are kept per (gate, argument) so the
 * explanation can show `local × upstream = downstream` instead of hiding it in a sum.
 */
export class Tape implements Engine {
  readonly size: number;
  readonly op: Int32Array;
  readonly arg0: Int32Array;
  readonly arg1: Int32Array;
  readonly constant: Float64Array;
  readonly values: Float64Array;
  readonly grads: Float64Array;
  /** locals[2i + j]: d(node i)/d(its argument j). */
  readonly locals: Float64Array;

  /**
   * With `from`, a fork: the same circuit's structure shared, its own copy of every value, gradient and local. `from`
   * may be the arrays of a tape of this circuit built elsewhere (a worker): the page then neither flattens nor runs it.
   */
  constructor(readonly circuit: Circuit, from?: TapeArrays) {
    const n = circuit.nodes.length;
    this.size = n;
    if (from) {
      this.op = from.op;
      this.arg0 = from.arg0;
      this.arg1 = from.arg1;
      this.constant = from.constant;
      this.values = from.values.slice();
      this.grads = from.grads.slice();
      this.locals = from.locals.slice();
      return;
    }
    this.op = new Int32Array(n);
    this.arg0 = new Int32Array(n).fill(-1);
    this.arg1 = new Int32Array(n).fill(-1);
    this.constant = new Float64Array(n);
    this.values = new Float64Array(n);
    this.grads = new Float64Array(n);
    this.locals = new Float64Array(2 * n);
    circuit.nodes.forEach((node, i) => {
      this.op[i] = node.kind === 'input' ? INPUT : node.kind === 'const' ? CONST : (opIndex.get(node.op as never) as number);
      this.arg0[i] = node.args[0] ?? -1;
      this.arg1[i] = node.args[1] ?? -1;
      this.constant[i] = node.c;
      this.values[i] = node.c;
    });
    this.run();
  }

  private identity: Int32Array | undefined;
  private ones: Int32Array | undefined;

  /** Node i's value is `values[i]`: the offsets are the identity, built only if a caller asks. */
  get offset(): Int32Array {
    if (!this.identity) {
      // A loop, not Int32Array.from with a mapping function, which takes 30 ms of the page's time at 250,000 nodes.
      this.identity = new Int32Array(this.size);
      for (let i = 0; i < this.size; i++) this.identity[i] = i;
    }
    return this.identity;
  }

  get length(): Int32Array {
    this.ones ??= new Int32Array(this.size).fill(1);
    return this.ones;
  }

  setInput(index: number, value: number | ArrayLike<number>): void {
    if (this.op[index] !== INPUT) throw new Error(`node ${index} is not an input`);
    this.values[index] = typeof value === 'number' ? value : (value[0] as number);
  }

  value(i: number): Float64Array {
    return this.values.subarray(i, i + 1);
  }

  grad(i: number): Float64Array {
    return this.grads.subarray(i, i + 1);
  }

  contribution(g: number, j: number): Float64Array {
    return Float64Array.of((this.locals[2 * g + j] as number) * (this.grads[g] as number));
  }

  /** Costs three array copies, not a rebuild: a slider tick publishes a fork instead of changing what was shown. */
  clone(): Tape {
    return new Tape(this.circuit, this);
  }

  forward(): void {
    const { op, arg0, arg1, constant, values } = this;
    for (let i = 0; i < this.size; i++) {
      const o = op[i] as number;
      if (o < 0) continue;
      const b = arg1[i] as number;
      values[i] = (forwards[o] as (a: number, b: number, c: number) => number)(
        values[arg0[i] as number] as number, b < 0 ? 0 : (values[b] as number), constant[i] as number);
    }
  }

  /** NOTE: only live gates (those that reach the output) pass gradients, so a dead branch's 0 · ∞ cannot become NaN. */
  backward(): void {
    const { op, arg0, arg1, constant, values, grads, locals: local } = this;
    const live = this.circuit.live;
    grads.fill(0);
    local.fill(0);
    grads[this.circuit.output] = 1;
    for (let i = this.size - 1; i >= 0; i--) {
      const o = op[i] as number;
      if (o < 0 || !live[i]) continue;
      const g = grads[i] as number;
      const a0 = arg0[i] as number;
      const a1 = arg1[i] as number;
      const a = values[a0] as number;
      const b = a1 < 0 ? 0 : (values[a1] as number);
      const c = constant[i] as number;
      const out = values[i] as number;
      const fn = locals[o] as (i: number, a: number, b: number, c: number, out: number) => number;
      const l0 = fn(0, a, b, c, out);
      local[2 * i] = l0;
      grads[a0] = (grads[a0] as number) + l0 * g;
      if (arities[o] === 2) {
        const l1 = fn(1, a, b, c, out);
        local[2 * i + 1] = l1;
        grads[a1] = (grads[a1] as number) + l1 * g;
      }
    }
  }

  run(): void {
    this.forward();
    this.backward();
  }

  get outputValue(): number {
    return this.values[this.circuit.output] as number;
  }
}

