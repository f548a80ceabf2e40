import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The two tensor workloads, shared by our benchmark and the tfjs peer (numpy_peers.py restates them in NumPy).
 * The lecture's starting weights are NumPy's `np.random.seed(1); 2*np.random.random((3,4))-1`, then `((4,1))`, in
 * full precision (repr of each float64), so all three engines start from the very same numbers.
 */
export const LECTURE_SYN0: readonly (readonly number[])[] = [
  [-0.165955990594852, 0.4406489868843162, -0.9997712503653102, -0.39533485473632046],
  [-0.7064882183657739, -0.8153228104624044, -0.6274795772446582, -0.3088785459139045],
  [-0.20646505153866013, 0.07763346800671389, -0.1616109711934104, 0.370439000793519],
];
export const LECTURE_SYN1: readonly (readonly number[])[] = [[-0.5910955005369651], [0.7562348727818908], [-0.9452248136041477], [0.34093502035680445]];

const matrix = (m: readonly (readonly number[])[]) => `[${m.map((r) => `[${r.join(', ')}]`).join(', ')}]`;

/** The lecture's network in this project's language; inputs X, y, syn0, syn1 are nodes 0..3. */
export const LECTURE_SOURCE = [
  'X = [[0,0,1],[0,1,1],[1,0,1],[1,1,1]]',
  'y = [[0],[1],[1],[0]]',
  `syn0 = ${matrix(LECTURE_SYN0)}`,
  `syn1 = ${matrix(LECTURE_SYN1)}`,
  'l1 = sigmoid(X @ syn0)',
  'l2 = sigmoid(l1 @ syn1)',
  'L = 0.5 * sum((y - l2)^2)',
].join('\n');

export const MLP_SHAPES = { X: [64, 784], Y: [64, 10], W1: [784, 100], b1: [100], W2: [100, 10], b2: [10] } as const;

/** A 784-100-10 relu/softmax network at batch 64, cross-entropy averaged over the batch. Values are set by mlpData. */
export const MLP_SOURCE = [
  'X = zeros(64, 784)', 'Y = zeros(64, 10)', 'W1 = zeros(784, 100)', 'b1 = zeros(100)', 'W2 = zeros(100, 10)', 'b2 = zeros(10)',
  'h = relu(X @ W1 + b1)',
  'p = softmax(h @ W2 + b2)',
  'L = -sum(Y * log(p)) / 64',
].join('\n');

/**
 * Deterministic MNIST-like data and He-scaled weights: pixels in [0, 1), one-hot labels, W ~ N(0, 2/fan-in) and small
 * biases (a mulberry32 stream and Box–Muller, so every run and every peer sees the same numbers).
 */
export function mlpData(): Record<keyof typeof MLP_SHAPES, Float64Array> {
  let seed = 12345;
  const uniform = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const Y = new Float64Array(640);
  for (let i = 0; i < 64; i++) Y[i * 10 + (i % 10)] = 1;
  return {
    X: Float64Array.from({ length: 64 * 784 }, uniform),
    Y,
    W1: Float64Array.from({ length: 784 * 100 }, () => normal() * Math.sqrt(2 / 784)),
    b1: Float64Array.from({ length: 100 }, () => 0.01 * normal()),
    W2: Float64Array.from({ length: 100 * 10 }, () => normal() * Math.sqrt(2 / 100)),
    b2: Float64Array.from({ length: 10 }, () => 0.01 * normal()),
  };
}

/** Writes the MLP's tensors as raw little-endian float64 files, NAME.f64, for the peers to read. */
export function writeMlpData(dir: string, data: Record<string, Float64Array>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, values] of Object.entries(data)) writeFileSync(join(dir, `${name}.f64`), new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}
