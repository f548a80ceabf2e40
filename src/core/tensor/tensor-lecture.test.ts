import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import { evaluate } from '../evaluate.ts';
import { Schedule } from '../schedule.ts';
import { snapshotAt } from '../snapshot.ts';
import { asScalars } from '../transforms/as-scalars.ts';
import { TensorTape } from './tensor-tape.ts';

const NORM = 'W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)';

function engineOf(source: string): TensorTape {
  const r = compileSource(source);
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.line}:${r.error.column}`);
  return createEngine(r.circuit) as TensorTape;
}

const named = (engine: TensorTape, name: string) => {
  const i = engine.circuit.nodes.findIndex((n) => n.names.includes(name));
  return { value: Array.from(engine.value(i)), grad: Array.from(engine.grad(i)) };
};

const close = (actual: number[], expected: number[], digits = 12) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => expect(a).toBeCloseTo(expected[k] as number, digits));
};

describe('the lecture\'s vectorized example f(x, W) = ‖W·x‖²', () => {
  it('reproduces q = W·x = [0.22, 0.26] and f = 0.116', () => {
    const e = engineOf(NORM);
    close(named(e, 'q').value, [0.22, 0.26]);
    expect(e.outputValue).toBeCloseTo(0.116, 14);
  });

  it('reproduces ∂f/∂q = 2q, ∂f/∂W = ∂f/∂q · xᵀ and ∂f/∂x = Wᵀ · ∂f/∂q', () => {
    const e = engineOf(NORM);
    close(named(e, 'q').grad, [0.44, 0.52]);
    close(named(e, 'W').grad, [0.088, 0.176, 0.104, 0.208]);
    close(named(e, 'x').grad, [-0.112, 0.636]);
  });

  it('gives each gradient the shape of its variable, nested row by row in evaluate()', () => {
    const r = evaluate(NORM);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.inputs.map((i) => [i.name, i.shape])).toEqual([['W', [2, 2]], ['x', [2]]]);
    const [w, x] = r.inputs;
    expect((w?.grad as number[][]).map((row) => row.map((v) => +v.toFixed(12)))).toEqual([[0.088, 0.176], [0.104, 0.208]]);
    expect((x?.grad as number[]).map((v) => +v.toFixed(12))).toEqual([-0.112, 0.636]);
  });

  it('as scalars, is four * and two + gates (plus the squares and their sum) with the same numbers', () => {
    const e = engineOf(NORM);
    const s = asScalars(e.circuit, (i, k) => e.value(i)[k] as number);
    if (!s.ok) throw new Error('too large');
    const ops = s.circuit.nodes.filter((n) => n.kind === 'gate').map((n) => n.op);
    expect(ops.filter((o) => o === 'mul')).toHaveLength(4);
    expect(ops.filter((o) => o === 'add')).toHaveLength(3);
    const scalar = createEngine(s.circuit);
    expect(scalar.outputValue).toBe(e.outputValue);
    const names = s.circuit.nodes.map((n) => n.names[0]);
    expect(names).toContain('W[0,1]');
    expect(names).toContain('q[1]');
    const grad = (name: string) => scalar.grads[names.indexOf(name)] as number;
    expect([grad('W[0,0]'), grad('W[0,1]'), grad('W[1,0]'), grad('W[1,1]')]).toEqual(Array.from(e.grad(0)));
    close([grad('x[0]'), grad('x[1]')], Array.from(e.grad(1)), 15);
  });
});

describe('"as scalars" of a circuit too large to draw that way', () => {
  it('is refused with the number of gates it would take', () => {
    const e = engineOf('x = randn(4096)\nh = max(0, x)\nf = sum(h)');
    expect(asScalars(e.circuit, () => 0)).toEqual({ ok: false, gates: 4096 + 4095 });
  });
});

describe('the 4096-d elementwise max(0, x)', () => {
  it('is one line, deterministic, and routes the gradient through the mask 1[x > 0]', () => {
    const source = 'x = randn(4096)\nf = sum(max(0, x))';
    const a = engineOf(source);
    const b = engineOf(source);
    expect(Array.from(a.value(0))).toEqual(Array.from(b.value(0)));
    const x = a.value(0);
    const positive = x.filter((v) => v > 0).length;
    expect(positive).toBeGreaterThan(1800);
    expect(positive).toBeLessThan(2300);
    const grad = a.grad(0);
    for (let k = 0; k < 4096; k++) expect(grad[k]).toBe((x[k] as number) > 0 ? 1 : 0);
    expect(a.outputValue).toBeCloseTo(x.reduce((s, v) => s + Math.max(0, v), 0), 9);
  });

  it('draws standard normals with mean near 0 and variance near 1, and rand uniform in [0, 1)', () => {
    const n = engineOf('x = randn(4096); f = sum(x)').value(0);
    const mean = n.reduce((s, v) => s + v, 0) / n.length;
    const variance = n.reduce((s, v) => s + (v - mean) ** 2, 0) / n.length;
    expect(Math.abs(mean)).toBeLessThan(0.06);
    expect(Math.abs(variance - 1)).toBeLessThan(0.08);
    const u = engineOf('u = rand(2, 500); f = sum(u)').value(0);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
  });
});

describe('a staged multiclass SVM loss (scores, margins, data loss, reg loss)', () => {
  const SVM = [
    'W = [[0.2, -0.5, 0.1], [1.5, 1.3, 2.1], [0, 0.25, 0.2]]',
    'x = [-1.5, 2.0, 0.5]',
    'scores = W @ x',
    'margins = max(0, scores - scores[1] + 1)',
    'data_loss = sum(margins) - 1',
    'reg_loss = 0.1 * sum(W * W)',
    'loss = data_loss + reg_loss',
  ].join('\n');

  it('computes the loss and dW = dscores · xᵀ + 2λW as the lecture stages it', () => {
    const e = engineOf(SVM);
    const W = [[0.2, -0.5, 0.1], [1.5, 1.3, 2.1], [0, 0.25, 0.2]];
    const x = [-1.5, 2.0, 0.5];
    const s = W.map((row) => row.reduce((acc, w, j) => acc + w * (x[j] as number), 0));
    const m = s.map((v) => Math.max(0, v - (s[1] as number) + 1));
    const reg = 0.1 * W.flat().reduce((acc, w) => acc + w * w, 0);
    expect(e.outputValue).toBeCloseTo(m.reduce((a, b) => a + b, 0) - 1 + reg, 12);
    // dscores: 1[m_j > 0] for j ≠ y, minus their count at y.
    const positive = m.map((v, j) => (j !== 1 && v > 0 ? 1 : 0));
    const dscores = positive.map((p, j) => (j === 1 ? -positive.reduce((a: number, b) => a + b, 0) : p));
    const dW = W.flatMap((row, i) => row.map((w, j) => (dscores[i] as number) * (x[j] as number) + 0.2 * w));
    close(named(e, 'W').grad, dW);
  });
});

describe('softmax', () => {
  it('does not overflow: softmax([1000, 1001, 999]) is finite and sums to 1', () => {
    const e = engineOf('s = [1000, 1001, 999]; p = softmax(s); f = sum(p * [1, 2, 3])');
    const p = named(e, 'p').value;
    p.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(p[1]).toBeGreaterThan(p[0] as number);
  });

  it('has the cross-entropy gradient p − onehot(y) on the scores', () => {
    const e = engineOf('s = [3.2, 5.1, -1.7]; p = softmax(s); L = -log(p[0])');
    const p = named(e, 'p').value;
    close(named(e, 's').grad, [(p[0] as number) - 1, p[1] as number, p[2] as number]);
  });
});

describe('a fanned-out tensor wire', () => {
  it('adds its branches: partial gradients show only the branches that have reported', () => {
    const e = engineOf('x = [1, 2]; a = x * 3; b = x * x; f = sum(a + b)');
    const schedule = new Schedule(e.circuit);
    close(named(e, 'x').grad, [3 + 2, 3 + 4]);
    const x = e.circuit.inputs[0] as number;
    const partial = [...Array(schedule.last + 1).keys()].map((k) => snapshotAt(e, schedule, k)).find((s) => s.gradState[x] === 1);
    expect(partial).toBeDefined();
    const shown = Array.from(partial?.grad.subarray(0, 2) ?? []);
    expect([[2, 4], [3, 3]]).toContainEqual(shown);
    expect(Array.from(snapshotAt(e, schedule, schedule.last).grad.subarray(0, 2))).toEqual([5, 7]);
  });
});

describe('the built-in vectorized examples', () => {
  it('compile, and the 11-line network starts at the lecture\'s L = 0.495186 before its first update', async () => {
    const { EXAMPLES } = await import('../examples.ts');
    const byId = new Map(EXAMPLES.map((e) => [e.id, e.source]));
    for (const id of ['vector-norm', 'relu-4096', 'svm-loss', 'two-layer-net', 'eleven-line-net']) {
      expect(compileSource(byId.get(id) as string).ok, id).toBe(true);
    }
    expect(engineOf(byId.get('eleven-line-net') as string).outputValue).toBeCloseTo(0.4951865354020256, 15);
    expect(engineOf(byId.get('vector-norm') as string).outputValue).toBeCloseTo(0.116, 15);
  });
});
