import { describe, expect, it } from 'vitest';
import { nestedChainSource, statementChainSource } from '../bench/generate-sources.ts';
import { circuitOverview } from './circuit-overview.ts';
import { compileSource } from './compile.ts';

const circuitOf = (source: string) => {
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.circuit;
};

describe('a circuit overview', () => {
  it('counts the gates by kind, the most frequent first, and the longest path', () => {
    const overview = circuitOverview(circuitOf('x = 2; y = 3\nq = x * y + x * 2\nf = tanh(q) * q'));
    expect(overview.gates).toBe(5);
    expect(overview.kinds).toEqual([{ op: 'mul', count: 2 }, { op: 'mulc', count: 1 }, { op: 'add', count: 1 }, { op: 'tanh', count: 1 }]);
    // x*y → + → tanh → *: four gates deep.
    expect(overview.depth).toBe(4);
  });

  it('reads a chain of 5,000 gates the same whether written as statements or on one line', () => {
    const statements = circuitOverview(circuitOf(statementChainSource(5000)));
    const line = circuitOverview(circuitOf(nestedChainSource(5000)));
    expect(statements).toEqual({ gates: 5000, kinds: [{ op: 'mulc', count: 2500 }, { op: 'addc', count: 2500 }], depth: 5000 });
    expect(line).toEqual(statements);
  });

  it('is computed once per circuit', () => {
    const circuit = circuitOf('x = 1\nf = x + 1');
    expect(circuitOverview(circuit)).toBe(circuitOverview(circuit));
  });
});
