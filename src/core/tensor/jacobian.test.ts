import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import { jacobianOf } from './jacobian.ts';
import type { TensorTape } from './tensor-tape.ts';

function engineOf(source: string): TensorTape {
  const r = compileSource(source);
  if (!r.ok) throw new Error(r.error.message);
  return createEngine(r.circuit) as TensorTape;
}
const gateNamed = (e: TensorTape, name: string) => e.circuit.nodes.findIndex((n) => n.names.includes(name));

describe('the Jacobian lens', () => {
  it('for q = W @ x, ∂q/∂x is W itself and ∂q/∂W is block-structured (each q_i reads only row i of W)', () => {
    const e = engineOf('W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)');
    const q = gateNamed(e, 'q');
    const dx = jacobianOf(e, q, 1);
    expect(dx).toMatchObject({ rows: 2, cols: 2, structure: 'weights' });
    expect(Array.from(dx.matrix ?? [])).toEqual([0.1, 0.5, -0.3, 0.8]);
    const dW = jacobianOf(e, q, 0);
    expect(dW).toMatchObject({ rows: 2, cols: 4, structure: 'block', nonZeros: 4 });
    expect(Array.from(dW.matrix ?? [])).toEqual([0.2, 0.4, 0, 0, 0, 0, 0.2, 0.4]);
  });

  it('answers "what is the size of the Jacobian?" for the 4096-d max(0, x): 4096×4096, diagonal, never formed', () => {
    const e = engineOf('x = randn(4096)\nh = max(0, x)\nf = sum(h)');
    const lens = jacobianOf(e, gateNamed(e, 'h'), 1);
    expect(lens).toMatchObject({ rows: 4096, cols: 4096, structure: 'diagonal', nonZeros: 4096 });
    expect(lens.matrix).toBeUndefined();
    expect(lens.description).toMatch(/diag\(\[x > 0\]\)/);
  });

  it('softmax has the dense Jacobian diag(p) − p pᵀ, and the VJP shown is Jᵀ · upstream', () => {
    const e = engineOf('s = [1, 2, 0.5]\np = softmax(s)\nf = sum(p * [1, -2, 3])');
    const g = gateNamed(e, 'p');
    const lens = jacobianOf(e, g, 0);
    expect(lens.structure).toBe('dense');
    const p = Array.from(e.value(g));
    const J = lens.matrix as Float64Array;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(J[i * 3 + j]).toBeCloseTo((i === j ? (p[i] as number) : 0) - (p[i] as number) * (p[j] as number), 14);
    const up = Array.from(e.grad(g));
    const vjp = Array.from(e.contribution(g, 0));
    vjp.forEach((v, j) => expect(v).toBeCloseTo(up.reduce((acc, u, i) => acc + u * (J[i * 3 + j] as number), 0), 14));
  });

  it('describes a stretched operand, a sum and an index', () => {
    const e = engineOf('M = [[1, 2], [3, 4]]\nb = [10, 20]\nz = M + b\nr = z[1]\nf = sum(r)');
    expect(jacobianOf(e, gateNamed(e, 'z'), 1).structure).toBe('stretched diagonal');
    expect(jacobianOf(e, gateNamed(e, 'r'), 0)).toMatchObject({ rows: 2, cols: 4, structure: 'selection' });
    expect(Array.from(jacobianOf(e, gateNamed(e, 'r'), 0).matrix ?? [])).toEqual([0, 0, 1, 0, 0, 0, 0, 1]);
    expect(jacobianOf(e, gateNamed(e, 'f'), 0)).toMatchObject({ rows: 1, cols: 2, structure: 'row of ones' });
  });
});
