import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { gateFormula } from './gate-formula.ts';
import { wireName } from './circuit.ts';
import { toText } from './math/index.ts';
import type { Circuit } from './circuit.ts';

const circuitOf = (source: string): Circuit => {
  const result = compileSource(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.circuit;
};
const expressions = (source: string) => {
  const c = circuitOf(source);
  return Object.fromEntries(c.nodes.map((n, i) => [n.id, n.kind === 'gate' ? toText(gateFormula(c, i, (k) => wireName(c.nodes[k]!))) : '']));
};

describe('a wire written as the equation that computes it', () => {
  it('names its gate’s inputs as the explanations do, and leaves inputs and constants empty', () => {
    expect(expressions('x = -2; y = 5; z = -4\nq = x + y\nf = q * z')).toEqual({ x: '', y: '', z: '', q: 'q = x + y', f: 'f = q · z' });
  });

  it('gives unnamed inner gates their short names and folded constants their numbers', () => {
    const e = expressions('x = 1; f = 1 / (1 + exp(-x))');
    expect(Object.values(e).filter(Boolean)).toEqual(['f₁ = -x', 'f₂ = exp(f₁)', 'f₃ = f₂ + 1', 'f = 1 / f₃']);
  });

  it('writes tensor gates with their operators and axes', () => {
    const e = expressions('W = [[1, 2], [3, 4]]; x = [1, 0]\nq = W @ x\nf = sum(q^2)');
    expect(e.q).toBe('q = W @ x');
    expect(Object.values(e).filter(Boolean)).toContain('f = sum(f₁)');
    expect(expressions('A = [[1, 2], [3, 4]]; f = sum(sum(A, 0))').f).toBe('f = sum(f₁)');
    expect(Object.values(expressions('A = [[1, 2], [3, 4]]; f = sum(sum(A, 0))'))).toContain('f₁ = sum(A, axis=0)');
  });
});
