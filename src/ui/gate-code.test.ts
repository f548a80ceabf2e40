import { describe, expect, it } from 'vitest';
import { GATES } from '../core/index.ts';
import { TENSOR_OPS } from '../core/tensor/ops.ts';
import { buildModel, type Model } from '../state/model.ts';
import { GATE_CODE, type CodeTerms } from './gate-code.ts';
import { gateCode } from './gate-code-lines.ts';

const modelOf = (source: string, expandSigmoid = false): Model => {
  const built = buildModel(source, { expandSigmoid });
  if (!built.ok) throw new Error(built.error.message);
  return built.model;
};
const text = (model: Model, step: number) => gateCode(model, step)?.lines.map((l) => (l.comment ? `${l.code}  # ${l.comment}` : l.code));

describe('the gate code table', () => {
  it('has code for every gate the compiler emits, scalar and tensor', () => {
    for (const op of [...GATES.keys(), ...TENSOR_OPS.keys()]) expect(GATE_CODE.has(op), op).toBe(true);
    expect(GATE_CODE.size).toBe(GATES.size + TENSOR_OPS.size);
  });

  it('lets backward read only what forward kept', () => {
    const names: CodeTerms = { a: 'AAA', b: 'BBB', c: '7', out: 'OUT', label: '[1]', ranks: [2, 2] };
    for (const [op, code] of GATE_CODE) {
      const kept = { a: code.keep.includes('a'), b: code.keep.includes('b'), out: code.keep.includes('out') };
      const terms = { ...names, a: kept.a ? 'self.AAA' : 'AAA', b: kept.b ? 'self.BBB' : 'BBB', out: kept.out ? 'self.OUT' : 'OUT' };
      for (let i = 0; i < 2; i++) {
        const backward = code.backward(i, terms, 'dOUT').replace(/self\.\w+/g, '').replace(/dOUT/g, '');
        expect(backward, `${op} input ${i}`).not.toMatch(/AAA|BBB|OUT/);
      }
    }
  });
});

describe('the current gate’s code', () => {
  const lecture = modelOf('x = -2; y = 5; z = -4\nq = x + y\nf = q * z');

  it('writes the multiply gate as the lecture does, with today’s numbers at its backward step', () => {
    expect(text(lecture, 4)).toEqual([
      'class MultiplyGate:',
      '    def forward(self, q, z):',
      '        f = q * z  # 3 * (-4) = -12',
      '        self.q, self.z = q, z  # kept for backward',
      '        return f',
      '    def backward(self, df):  # df = 1',
      '        dq = self.z * df  # -4 · 1 = -4',
      '        dz = self.q * df  # 3 · 1 = 3',
      '        return dq, dz',
    ]);
    expect(gateCode(lecture, 4)?.running).toBe('backward');
  });

  it('shows the forward numbers at a forward step and leaves backward for later; nothing at the start', () => {
    const lines = text(lecture, 1) ?? [];
    expect(lines).toContain('        q = x + y  # (-2) + 5 = 3');
    expect(lines).toContain('    def backward(self, dq):  # runs in the backward pass');
    expect(lines.join('\n')).not.toContain('·');
    expect(gateCode(lecture, 0)).toBeNull();
  });

  it('leaves the numbers out when asked (a quiz question is open)', () => {
    expect(gateCode(lecture, 4, false)?.lines.filter((l) => l.comment && l.comment !== 'kept for backward')).toEqual([]);
  });

  it('writes a sigmoid, a constant gate and a tensor gate', () => {
    const neuron = modelOf('w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\nf = sigmoid(w0*x0 + w1*x1 + w2)');
    const sigmoid = text(neuron, neuron.schedule.seedStep + 1)?.join('\n');
    expect(sigmoid).toContain('self.f = f  # kept for backward');
    expect(sigmoid).toMatch(/d\S+ = \(1 - self\.f\) \* self\.f \* df {2}# 0\.1966 · 1 = 0\.1966/);
    const scaled = modelOf('x = 1.5; f = -2 * x');
    expect(text(scaled, 3)).toEqual([
      'class ScaleGate:', '    def forward(self, x):', '        f = (-2) * x  # (-2) * 1.5 = -3', '        return f',
      '    def backward(self, df):  # df = 1', '        dx = (-2) * df  # -2 · 1 = -2', '        return dx',
    ]);
    const norm = modelOf('W = [[0.1, 0.5], [-0.3, 0.8]]; x = [0.2, 0.4]; q = W @ x; f = sum(q * q)');
    const matmul = text(norm, norm.schedule.last)?.join('\n');
    expect(matmul).toContain('dW = outer(dq, self.x)  # = [[0.088, 0.176], [0.104, 0.208]]');
    expect(matmul).toContain('dx = self.W.T @ dq  # = [-0.112, 0.636]');
  });
});
