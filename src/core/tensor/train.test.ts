import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { TensorTape } from './tensor-tape.ts';
import { sgdStep, train } from './train.ts';

/**
 * The lecture's 11-line network, trained through this project's engine: a 3-4-1 sigmoid network on XOR, batch 4,
 * starting from NumPy's `np.random.seed(1)` weights in full precision, with `syn -= 1 · grad` each step.
 */
const SOURCE = `X = [[0,0,1],[0,1,1],[1,0,1],[1,1,1]]
y = [[0],[1],[1],[0]]
syn0 = [[-0.165955990594852, 0.4406489868843162, -0.9997712503653102, -0.39533485473632046], [-0.7064882183657739, -0.8153228104624044, -0.6274795772446582, -0.3088785459139045], [-0.20646505153866013, 0.07763346800671389, -0.1616109711934104, 0.370439000793519]]
syn1 = [[-0.5910955005369651], [0.7562348727818908], [-0.9452248136041477], [0.34093502035680445]]
l1 = sigmoid(X @ syn0)
l2 = sigmoid(l1 @ syn1)
L = 0.5 * sum((y - l2)^2)`;

/** `l2` after NumPy runs the lecture's 11 lines (numpy_peers.py --lecture-only), as its repr prints it. */
const NUMPY_L2 = [0.0026057245999589257, 0.9967220868897564, 0.9970171078634206, 0.003867593095597677];

function lecture(): { tape: TensorTape; params: number[]; l2: number } {
  const result = compileSource(SOURCE);
  if (!result.ok) throw new Error(result.error.message);
  const tape = new TensorTape(result.circuit);
  const at = (name: string) => result.circuit.indexById.get(name) as number;
  tape.setWantsGrad(at('X'), false);
  tape.setWantsGrad(at('y'), false);
  return { tape, params: [at('syn0'), at('syn1')], l2: at('l2') };
}

describe('training the lecture network', () => {
  it('reaches the lecture\'s losses: 0.495186, 0.430889, 0.003798, 0.0000207', () => {
    const { tape, params } = lecture();
    const losses = new Map<number, number>();
    train(tape, params, 1, 60_000, (i, loss) => losses.set(i, loss));
    tape.forward();
    losses.set(60_000, tape.outputValue);
    expect(Math.abs((losses.get(0) as number) - 0.495186)).toBeLessThan(1e-6);
    expect(Math.abs((losses.get(100) as number) - 0.430889)).toBeLessThan(1e-6);
    expect(Math.abs((losses.get(1000) as number) - 0.003798)).toBeLessThan(1e-6);
    expect(Math.abs((losses.get(60_000) as number) - 0.0000207)).toBeLessThan(1e-6);
    // The loss only falls on this problem once it is past the first steps.
    expect((losses.get(60_000) as number) < (losses.get(1000) as number)).toBe(true);
  });

  it('ends with the l2 that NumPy\'s 11 lines end with, to 1e-9', () => {
    const { tape, params, l2 } = lecture();
    train(tape, params, 1, 60_000);
    [...tape.value(l2)].forEach((v, i) => expect(Math.abs(v - (NUMPY_L2[i] as number))).toBeLessThan(1e-9));
  });

  // `npm test` installs Debian's python3-numpy when no Python here has NumPy (.ci/ensure-numpy.sh).
  const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0);
  it.skipIf(python === undefined)('agrees with a live NumPy run of the same 11 lines (skipped: no python3 with NumPy on this machine)', () => {
    const script = fileURLToPath(new URL('../../bench/peers/numpy_peers.py', import.meta.url));
    const run = spawnSync(python as string, [script, '--lecture-only'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const numpy = (JSON.parse(run.stdout) as { l2: number[] }).l2;
    const { tape, params, l2 } = lecture();
    train(tape, params, 1, 60_000);
    [...tape.value(l2)].forEach((v, i) => expect(Math.abs(v - (numpy[i] as number))).toBeLessThan(1e-9));
  }, 60_000);
});

describe('sgdStep', () => {
  it('subtracts lr times the gradient from every element of each parameter, and nothing else', () => {
    const { tape, params } = lecture();
    const before = Float64Array.from(tape.values);
    sgdStep(tape, params, 0.5);
    for (let node = 0; node < tape.size; node++) {
      const o = tape.offset[node] as number;
      for (let i = o; i < o + (tape.length[node] as number); i++) {
        const want = params.includes(node) ? (before[i] as number) - 0.5 * (tape.grads[i] as number) : before[i];
        expect(tape.values[i]).toBe(want);
      }
    }
  });

  it('refuses to train a node that is not an input', () => {
    const { tape, l2 } = lecture();
    expect(() => train(tape, [l2], 1, 1)).toThrow(/not an input/);
  });
});
