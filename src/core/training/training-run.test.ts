import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import type { Engine } from '../engine.ts';
import { EXAMPLES } from '../examples.ts';
import { sgdStep } from '../tensor/train.ts';
import { Checkpoints } from './checkpoints.ts';
import { TrainingRun } from './training-run.ts';

const NET = EXAMPLES.find((e) => e.id === 'eleven-line-net')?.source as string;

function engineFor(source: string): { engine: Engine; at: (name: string) => number } {
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return { engine: createEngine(compiled.circuit), at: (name) => compiled.circuit.indexById.get(name) as number };
}

/** Straight training, segment by segment, with no recording: what any replay must equal. */
function straight(source: string, plan: [iterations: number, lr: number, params: string[]][], until: number): Engine {
  const { engine, at } = engineFor(source);
  engine.run();
  let done = 0;
  for (const [iterations, lr, params] of plan) {
    for (let k = 0; k < iterations && done < until; k++, done++) {
      sgdStep(engine, params.map(at), lr);
      engine.run();
    }
  }
  return engine;
}

const bits = (engine: Engine) => Array.from(new Uint32Array(engine.values.buffer.slice(0)));
const gradBits = (engine: Engine) => Array.from(new Uint32Array(engine.grads.buffer.slice(0)));

describe('TrainingRun', () => {
  it('records every loss and reaches any iteration by replay, bit for bit as straight training', () => {
    const { engine, at } = engineFor(NET);
    // 600 bytes hold four of the network's 16-number checkpoints, so the run keeps every 256th iteration or so.
    const run = new TrainingRun(engine, 600);
    run.advance(1000, 1, [at('syn0'), at('syn1')]);
    expect(run.last).toBe(1000);
    expect(run.lossHistory).toHaveLength(1001);
    expect(run.checkpointInterval).toBeGreaterThan(100);
    expect(run.checkpointBytes).toBeLessThanOrEqual(600);
    const scratch = run.head.clone();
    for (const i of [0, 1, 99, 100, 257, 511, 512, 999, 1000]) {
      run.replayInto(scratch, i);
      const want = straight(NET, [[1000, 1, ['syn0', 'syn1']]], i);
      expect(bits(scratch)).toEqual(bits(want));
      expect(gradBits(scratch)).toEqual(gradBits(want));
      expect(scratch.outputValue).toBe(run.lossHistory[i]);
    }
  });

  it('replays runs whose learning rate and parameters changed along the way', () => {
    const source = 'W = [[0.5, -0.2], [0.1, 0.3]]; b = [0.1, -0.1]; x = [1, 2]; f = sum((W @ x + b - [1, 0])^2)';
    const { engine, at } = engineFor(source);
    const run = new TrainingRun(engine, 200);
    const plan: [number, number, string[]][] = [[30, 0.01, ['W']], [25, 0.05, ['W', 'b']], [40, 0.02, ['b']]];
    for (const [n, lr, params] of plan) run.advance(n, lr, params.map(at));
    const scratch = run.head.clone();
    for (const i of [0, 17, 30, 31, 44, 55, 70, 95]) {
      run.replayInto(scratch, i);
      expect(bits(scratch)).toEqual(bits(straight(source, plan, i)));
    }
  });

  it('stops at the first loss that is not a number, and keeps it', () => {
    const { engine, at } = engineFor('w = [1, -2]; f = sum(w^4)');
    const run = new TrainingRun(engine);
    run.advance(40, 5, [at('w')]);
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(run.last).toBe(run.divergedAt);
    expect(Number.isFinite(run.lossHistory[run.last] as number)).toBe(false);
    expect(Array.from(run.lossHistory.subarray(0, run.last)).every(Number.isFinite)).toBe(true);
  });
});

describe('Checkpoints', () => {
  it('thins to every other one when full, always keeping the first', () => {
    const c = new Checkpoints(5 * 8 * 2);
    for (let i = 0; i <= 40; i++) c.offer(i, [i, -i]);
    expect(c.bytes).toBeLessThanOrEqual(80);
    expect(c.nearest(0)).toEqual({ iteration: 0, values: Float64Array.of(0, -0) });
    const at = c.nearest(39);
    expect(at.iteration % c.interval).toBe(0);
    expect(at.iteration).toBeGreaterThan(39 - c.interval);
    expect(Array.from(at.values)).toEqual([at.iteration, -at.iteration]);
  });
});
