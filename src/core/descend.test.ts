import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { createEngine } from './create-engine.ts';
import { descend, MAX_DESCEND_STEPS } from './descend.ts';
import { EXAMPLES } from './examples.ts';

const NET = EXAMPLES.find((e) => e.id === 'eleven-line-net')?.source as string;
const TRAIN_NET = { learningRate: 1, parameters: ['syn0', 'syn1'] };

function mustDescend(...args: Parameters<typeof descend>) {
  const result = descend(...args);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('descend', () => {
  it('lowers a convex loss at every step with a small rate, towards its minimum', () => {
    const { losses, inputs } = mustDescend('a = 3; b = -2; f = (a - 1)^2 + 2 * (b + 4)^2', { learningRate: 0.1, steps: 50, parameters: ['a', 'b'] });
    expect(losses).toHaveLength(51);
    for (let i = 1; i < losses.length; i++) expect(losses[i] as number).toBeLessThan(losses[i - 1] as number);
    expect(inputs.map((i) => i.name)).toEqual(['a', 'b']);
    expect(inputs[0]?.value as number).toBeCloseTo(1, 4);
    expect(inputs[1]?.value as number).toBeCloseTo(-4, 4);
  });

  it('trains every input when no parameters are named, in evaluate\'s shapes', () => {
    const { losses, inputs } = mustDescend('w = [1, -2]; f = sum(w^2)', { learningRate: 0.25, steps: 1 });
    expect(losses).toEqual([5, 1.25]);
    expect(inputs).toEqual([{ name: 'w', shape: [2], value: [0.5, -1], grad: [1, -2] }]);
  });

  it('lets a diverging rate run to non-finite losses without failing', () => {
    const result = descend('w = [1, -2]; f = sum(w^4)', { learningRate: 5, steps: 40 });
    expect(result.ok).toBe(true);
    const losses = result.ok ? result.losses : [];
    expect(losses).toHaveLength(41);
    expect(losses.some((l) => !Number.isFinite(l))).toBe(true);
  });

  it('refuses bad options, unknown parameters and non-scalar outputs with clear messages', () => {
    const error = (source: string, options: object) => {
      const r = descend(source, options as never);
      return r.ok ? '' : r.error.message;
    };
    expect(error('x = 1; f = x^2', { learningRate: -1, steps: 1 })).toMatch(/learning rate .* ≥ 0 but found -1/);
    expect(error('x = 1; f = x^2', { learningRate: NaN, steps: 1 })).toMatch(/finite number/);
    expect(error('x = 1; f = x^2', { learningRate: Infinity, steps: 1 })).toMatch(/finite number/);
    expect(error('x = 1; f = x^2', { learningRate: 0.1, steps: 1.5 })).toMatch(/whole number of steps/);
    expect(error('x = 1; f = x^2', { learningRate: 0.1, steps: MAX_DESCEND_STEPS + 1 })).toMatch(/from 0 to 1,000,000/);
    expect(error('x = 1; f = x^2', { learningRate: 0.1, steps: 1, parameters: ['w'] })).toBe(
      "'w' is not an input of this formula, so it cannot be a parameter: expected one of 'x'");
    const vector = descend('x = [1, 2]; f = x * 2', { learningRate: 0.1, steps: 1 });
    expect(vector).toEqual({ ok: false, error: expect.objectContaining({ line: 1, column: 13, message: expect.stringMatching(/must be a scalar/) }) });
    expect(descend('f = (x +', { learningRate: 0.1, steps: 1 })).toEqual({ ok: false, error: { message: "expected a number, a name, '(' or a function call but found end of input", line: 1, column: 9 } });
  });

  it('trains the 11-line network below 0.01 within 1,000 iterations at rate 1', () => {
    const { losses } = mustDescend(NET, { ...TRAIN_NET, steps: 1000 });
    const first = losses.findIndex((l) => l < 0.01);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(1000);
  });

  it('reaches the lecture\'s reference losses to the digits the notes give', () => {
    const { losses } = mustDescend(NET, { ...TRAIN_NET, steps: 60_000 });
    // ../shared/lecture/README.md, example 8: each figure within one unit of its last digit.
    const reference: [number, string][] = [[0, '0.495186'], [100, '0.430889'], [1000, '0.003798'], [10_000, '0.000151'], [60_000, '0.0000207']];
    for (const [iteration, text] of reference) {
      const unit = 10 ** -(text.split('.')[1] as string).length;
      expect(Math.abs((losses[iteration] as number) - Number(text))).toBeLessThanOrEqual(unit);
    }
  }, 30_000);
});

/** The lecture's 11 lines, from the example's starting weights instead of random ones, in float64. */
const ELEVEN_LINES = `
import json, numpy as np
X = np.array([[0,0,1],[0,1,1],[1,0,1],[1,1,1]], dtype=np.float64)
y = np.array([[0,1,1,0]], dtype=np.float64).T
syn0 = np.array([[-0.165955990594852, 0.4406489868843162, -0.9997712503653102, -0.39533485473632046],
                 [-0.7064882183657739, -0.8153228104624044, -0.6274795772446582, -0.3088785459139045],
                 [-0.20646505153866013, 0.07763346800671389, -0.1616109711934104, 0.370439000793519]])
syn1 = np.array([[-0.5910955005369651], [0.7562348727818908], [-0.9452248136041477], [0.34093502035680445]])
for j in range(60000):
    l1 = 1/(1+np.exp(-(np.dot(X,syn0))))
    l2 = 1/(1+np.exp(-(np.dot(l1,syn1))))
    l2_delta = (y - l2)*(l2*(1-l2))
    l1_delta = l2_delta.dot(syn1.T) * (l1 * (1-l1))
    syn1 += l1.T.dot(l2_delta)
    syn0 += X.T.dot(l1_delta)
l2 = 1/(1+np.exp(-(np.dot(1/(1+np.exp(-(np.dot(X,syn0)))),syn1))))
print(json.dumps({"syn0": syn0.tolist(), "syn1": syn1.tolist(), "l2": l2.ravel().tolist(), "L": 0.5*float(np.sum((y-l2)**2))}))
`;

// `npm test` installs Debian's python3-numpy when no Python here has NumPy (.ci/ensure-numpy.sh).
/** The network's output l2 with these weights, through this project's engine. */
function outputAt(weights: Map<string, number[]>): number[] {
  const compiled = compileSource(NET);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const engine = createEngine(compiled.circuit);
  const at = (id: string) => compiled.circuit.indexById.get(id) as number;
  for (const [name, values] of weights) engine.setInput(at(name), values);
  engine.forward();
  return Array.from(engine.value(at('l2')));
}

const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0);

describe.skipIf(python === undefined)('descend against NumPy (skipped: no python3 with NumPy here)', () => {
  it('ends 60,000 iterations of the 11-line network with NumPy\'s weights and loss, to 1e-9', () => {
    const run = spawnSync(python as string, ['-c', ELEVEN_LINES], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const numpy = JSON.parse(run.stdout) as { syn0: number[][]; syn1: number[][]; l2: number[]; L: number };
    const { losses, inputs } = mustDescend(NET, { ...TRAIN_NET, steps: 60_000 });
    const ours = new Map(inputs.map((i) => [i.name, (i.value as number[][]).flat()]));
    const close = (a: number[], b: number[]) => a.forEach((v, k) => expect(Math.abs(v - (b[k] as number))).toBeLessThan(1e-9));
    close(ours.get('syn0') as number[], numpy.syn0.flat());
    close(ours.get('syn1') as number[], numpy.syn1.flat());
    expect(Math.abs((losses[60_000] as number) - numpy.L)).toBeLessThan(1e-9);
    close(outputAt(ours), numpy.l2);
  }, 60_000);
});
