import type { Engine } from '../engine.ts';
import { TensorTape } from '../tensor/tensor-tape.ts';
import { sgdStep } from '../tensor/train.ts';
import { Checkpoints } from './checkpoints.ts';

/** The checkpoints' budget: 16 MiB keeps every iteration of the 11-line network's 60,000 (16 numbers each). */
export const CHECKPOINT_BUDGET_BYTES = 16 * 1024 * 1024;
/** The longest run recorded: its losses alone take 8 MB. */
export const MAX_RUN_ITERATIONS = 1_000_000;

/** The settings that made iterations `start`, `start + 1`, … until the next segment. */
interface Segment {
  readonly start: number;
  readonly lr: number;
  readonly params: readonly number[];
}

/**
 * A recorded run of gradient descent on a private engine (the head), kept at iteration `last`: its values and
 * gradients are those of the parameters after `last` updates. Every loss is kept; parameter values are kept at
 * checkpoints, from which any iteration is reached again exactly by replaying the same updates.
 */
export class TrainingRun {
  readonly head: Engine;
  private losses = new Float64Array(1024);
  private count = 0;
  private readonly checkpoints: Checkpoints;
  /** Inputs trained at some point of the run, in the order they were first trained; only their values change. */
  private readonly tracked: number[] = [];
  /** Each tracked input's value when it was first trained, which it kept from the start of the run until then. */
  private readonly base: Float64Array[] = [];
  private readonly segments: Segment[] = [];
  /** The first iteration whose loss is NaN or ±∞, or -1: after it the parameters are no longer numbers to train. */
  divergedAt = -1;

  /** `engine` becomes the run's head; it is run once, so iteration 0 is its current inputs. */
  constructor(engine: Engine, budgetBytes = CHECKPOINT_BUDGET_BYTES) {
    this.head = engine;
    this.checkpoints = new Checkpoints(budgetBytes);
    engine.run();
    this.record();
  }

  /** The iteration the head is at: how many updates have been made. */
  get last(): number {
    return this.count - 1;
  }

  /** Losses at iterations 0 … last (a view, valid until the run advances). */
  get lossHistory(): Float64Array {
    return this.losses.subarray(0, this.count);
  }

  get checkpointInterval(): number {
    return this.checkpoints.interval;
  }

  get checkpointBytes(): number {
    return this.checkpoints.bytes;
  }

  /** `iterations` more updates with this learning rate on these input nodes, up to the run's limit or a non-finite loss. */
  advance(iterations: number, lr: number, params: readonly number[]): void {
    const n = Math.min(iterations, MAX_RUN_ITERATIONS - this.last);
    if (n <= 0) return;
    this.openSegment(lr, params);
    // Inputs not trained (a data set) need no gradient while the head trains; the engines shown get every one.
    if (gradientsFor(this.head, params)) this.head.run();
    for (let k = 0; k < n && this.divergedAt < 0; k++) {
      sgdStep(this.head, params, lr);
      this.head.run();
      this.record();
    }
  }

  /** A new engine at `iteration`, every gradient computed: a copy of the head, or a replay from a checkpoint. */
  engineAt(iteration: number): Engine {
    const engine = this.head.clone();
    if (iteration === this.last) {
      gradientsFor(engine, undefined);
      engine.run();
    } else this.replayInto(engine, iteration);
    return engine;
  }

  /** Puts iteration `iteration`'s parameters, values and gradients into `engine` (a fork of the head). */
  replayInto(engine: Engine, iteration: number): void {
    const target = Math.max(0, Math.min(this.last, Math.trunc(iteration)));
    const from = this.checkpoints.nearest(target);
    let at = 0;
    this.tracked.forEach((node, m) => {
      const length = engine.length[node] as number;
      const saved = at + length <= from.values.length ? from.values.subarray(at, at + length) : (this.base[m] as Float64Array);
      engine.values.set(saved, engine.offset[node] as number);
      at += length;
    });
    gradientsFor(engine, undefined);
    engine.run();
    for (let t = from.iteration; t < target; t++) {
      const segment = this.segmentAt(t);
      sgdStep(engine, segment.params, segment.lr);
      engine.run();
    }
  }

  private openSegment(lr: number, params: readonly number[]): void {
    const current = this.segments[this.segments.length - 1];
    if (current && current.lr === lr && sameNodes(current.params, params)) return;
    for (const node of params) {
      if (this.tracked.includes(node)) continue;
      this.tracked.push(node);
      this.base.push(this.head.value(node).slice());
    }
    this.segments.push({ start: this.last, lr, params: [...params] });
  }

  private segmentAt(iteration: number): Segment {
    for (let s = this.segments.length - 1; s > 0; s--) if ((this.segments[s] as Segment).start <= iteration) return this.segments[s] as Segment;
    return this.segments[0] as Segment;
  }

  private record(): void {
    if (this.count === this.losses.length) {
      const grown = new Float64Array(Math.min(MAX_RUN_ITERATIONS + 1, this.losses.length * 2));
      grown.set(this.losses);
      this.losses = grown;
    }
    const loss = this.head.outputValue;
    this.losses[this.count++] = loss;
    if (this.divergedAt < 0 && !Number.isFinite(loss)) this.divergedAt = this.count - 1;
    if (this.last % this.checkpoints.interval === 0) this.checkpoints.offer(this.last, this.trackedValues());
  }

  private scratch = new Float64Array(0);

  private trackedValues(): Float64Array {
    let width = 0;
    for (const node of this.tracked) width += this.head.length[node] as number;
    if (this.scratch.length !== width) this.scratch = new Float64Array(width);
    const { values, offset, length } = this.head;
    let at = 0;
    for (const node of this.tracked) {
      const start = offset[node] as number;
      const end = start + (length[node] as number);
      for (let i = start; i < end; i++) this.scratch[at++] = values[i] as number;
    }
    return this.scratch;
  }
}

/** Which inputs each engine was last set to compute gradients for, so an unchanged choice costs nothing. */
const gradientChoice = new WeakMap<Engine, string>();

/**
 * Computes gradients only for these inputs' sake (every input when undefined); the values are the same either way.
 * True when the choice changed: the gradients held are then stale until the engine runs again.
 */
export function gradientsFor(engine: Engine, params: readonly number[] | undefined): boolean {
  if (!(engine instanceof TensorTape)) return false;
  const key = params === undefined ? 'all' : params.join();
  if (gradientChoice.get(engine) === key) return false;
  for (const i of engine.circuit.inputs) engine.setWantsGrad(i, params === undefined || params.includes(i));
  gradientChoice.set(engine, key);
  return true;
}

function sameNodes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
