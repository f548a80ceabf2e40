/**
 * TensorFlow.js peer for `npm run bench -- tensor`, in a process of its own so that its kernels and memory stay out of
 * ours: `node --import tsx src/bench/peers/tfjs-peers.ts cpu|wasm DATA_DIR`. Times the same two workloads with the same
 * starting weights through tfjs's own autodiff (variableGrads), and prints one JSON line on stdout. An optional third
 * argument runs the lecture's loop for fewer iterations (the bench scales the time up: each iteration costs the same).
 * NOTE: tfjs computes in float32 (it has no float64), so its losses agree with ours to about 1e-6, not 1e-15.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LECTURE_SYN0, LECTURE_SYN1, MLP_SHAPES } from './workloads.ts';

type Tf = typeof import('@tensorflow/tfjs');

async function load(backend: string): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    wasm.setWasmPaths(`${dist}/`);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
  await tf.ready();
  return tf;
}

let runs = 0;

function lecture(tf: Tf, iterations: number): { ms: number; l2: number[] } {
  const id = runs++;
  const X = tf.tensor2d([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]);
  const y = tf.tensor2d([[0], [1], [1], [0]]);
  const syn0 = tf.variable(tf.tensor2d(LECTURE_SYN0.map((r) => [...r])), true, `syn0_${id}`);
  const syn1 = tf.variable(tf.tensor2d(LECTURE_SYN1.map((r) => [...r])), true, `syn1_${id}`);
  const layers = () => {
    const l1 = tf.sigmoid(tf.matMul(X, syn0));
    return tf.sigmoid(tf.matMul(l1, syn1));
  };
  const loss = () => tf.mul(0.5, tf.sum(tf.square(tf.sub(y, layers())))) as import('@tensorflow/tfjs').Scalar;
  const start = performance.now();
  for (let j = 0; j < iterations; j++) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(loss, [syn0, syn1]);
      syn0.assign(tf.sub(syn0, grads[syn0.name] as import('@tensorflow/tfjs').Tensor));
      syn1.assign(tf.sub(syn1, grads[syn1.name] as import('@tensorflow/tfjs').Tensor));
    });
  }
  const ms = performance.now() - start;
  const l2 = tf.tidy(() => layers().dataSync());
  tf.dispose([X, y, syn0, syn1]);
  return { ms, l2: [...l2] };
}

function mlp(tf: Tf, dataDir: string): { ms: number; loss: number } {
  const t = Object.fromEntries(Object.entries(MLP_SHAPES).map(([name, shape]) => {
    const bytes = readFileSync(join(dataDir, `${name}.f64`));
    const data = Float32Array.from(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8));
    return [name, tf.tensor(data, [...shape])];
  }));
  const [X, Y] = [t.X as import('@tensorflow/tfjs').Tensor, t.Y as import('@tensorflow/tfjs').Tensor];
  const vars = ['W1', 'b1', 'W2', 'b2'].map((name) => tf.variable(t[name] as import('@tensorflow/tfjs').Tensor, true, `mlp_${name}`));
  const [W1, b1, W2, b2] = vars as [import('@tensorflow/tfjs').Variable, import('@tensorflow/tfjs').Variable, import('@tensorflow/tfjs').Variable, import('@tensorflow/tfjs').Variable];
  const f = () => {
    const h = tf.relu(tf.add(tf.matMul(X, W1), b1));
    const p = tf.softmax(tf.add(tf.matMul(h, W2), b2));
    return tf.div(tf.neg(tf.sum(tf.mul(Y, tf.log(p)))), 64) as import('@tensorflow/tfjs').Scalar;
  };
  // One step: the loss and every weight's gradient, read back so that no backend can leave work pending.
  const step = () => tf.tidy(() => {
    const { value, grads } = tf.variableGrads(f, vars);
    for (const g of Object.values(grads)) g.dataSync();
    return value.dataSync()[0] as number;
  });
  for (let i = 0; i < 10; i++) step();
  const times: number[] = [];
  let loss = NaN;
  for (let r = 0; r < 21; r++) {
    const start = performance.now();
    for (let i = 0; i < 5; i++) loss = step();
    times.push((performance.now() - start) / 5);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1] as number, loss };
}

const [backend = 'cpu', dataDir, iterations = '60000'] = process.argv.slice(2);
try {
  const tf = await load(backend);
  lecture(tf, 500); // warm-up: lets every kernel be compiled before the timed run
  const lec = lecture(tf, Number(iterations));
  const out = { backend, tfjs: tf.version.tfjs, lecture_iterations: Number(iterations), lecture_ms: lec.ms, l2: lec.l2, mlp: dataDir ? mlp(tf, dataDir) : undefined };
  console.log(JSON.stringify(out));
} catch (e) {
  console.log(JSON.stringify({ backend, skipped: e instanceof Error ? e.message : String(e) }));
}
