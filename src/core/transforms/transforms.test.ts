import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import { EXAMPLES } from '../examples.ts';
import { expandSigmoid } from './expand-sigmoid.ts';
import { expandSoftmax } from './expand-softmax.ts';

const source = (id: string) => EXAMPLES.find((e) => e.id === id)?.source as string;
function circuitOf(text: string) {
  const r = compileSource(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.circuit;
}
const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-13) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i] as number)));
};

describe('circuit transforms', () => {
  it('expand σ elementwise on tensors: the 11-line network gives the same loss and weight gradients', () => {
    const compiled = circuitOf(source('eleven-line-net'));
    const expanded = expandSigmoid(compiled);
    expect(expanded.nodes.filter((n) => n.op === 'sigmoid')).toHaveLength(0);
    expect(expanded.nodes.filter((n) => n.group === 'l1').map((n) => n.op)).toEqual(['mulc', 'exp', 'addc', 'rdivc']);
    const [a, b] = [createEngine(compiled), createEngine(expanded)];
    expect(b.outputValue).toBeCloseTo(a.outputValue, 14);
    for (const name of ['syn0', 'syn1']) {
      const i = compiled.nodes.findIndex((n) => n.names[0] === name);
      const j = expanded.nodes.findIndex((n) => n.names[0] === name);
      close(b.grad(j), a.grad(i));
    }
  });

  it('expand softmax into exp, sum and /, grouped under its id, with the same loss and gradients', () => {
    const compiled = circuitOf(source('two-layer-net'));
    const expanded = expandSoftmax(compiled);
    expect(expanded.nodes.filter((n) => n.group === 'p').map((n) => n.op)).toEqual(['exp', 'sum', 'div']);
    expect(expanded.indexById.get('p')).toBeDefined();
    const [a, b] = [createEngine(compiled), createEngine(expanded)];
    expect(b.outputValue).toBeCloseTo(a.outputValue, 14);
    for (const name of ['W1', 'W2', 'x']) close(b.grad(expanded.nodes.findIndex((n) => n.names[0] === name)), a.grad(compiled.nodes.findIndex((n) => n.names[0] === name)));
  });

  it('expand a row-wise softmax of a matrix with the row sums kept as a column', () => {
    const compiled = circuitOf('S = [[1, 2, 3], [0.5, -1, 2]]\nP = softmax(S)\nf = sum(P * [[1, 0, 2], [3, 1, 0]])');
    const expanded = expandSoftmax(compiled);
    expect(expanded.nodes.find((n) => n.id === 'P/2')?.shape).toEqual([2, 1]);
    const [a, b] = [createEngine(compiled), createEngine(expanded)];
    expect(b.outputValue).toBeCloseTo(a.outputValue, 14);
    close(b.grad(0), a.grad(0));
  });

  it('leave a circuit without the composite untouched', () => {
    const compiled = circuitOf(source('vector-norm'));
    expect(expandSoftmax(compiled)).toBe(compiled);
    expect(expandSigmoid(compiled)).toBe(compiled);
  });
});
