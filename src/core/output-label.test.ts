import { describe, expect, it } from 'vitest';
import { compileSource, MAX_OUTPUT_LABEL } from './compile.ts';
import { evaluate } from './evaluate.ts';

describe('the output of a bare expression', () => {
  it('is labelled by its text when the text is short', () => {
    const result = evaluate('x = 2\n3 * x  +  1');
    expect(result.ok && result.output).toEqual({ name: '3 * x + 1', value: 7 });
  });

  it('gets a short label, not its whole 100,000-character source', () => {
    const source = `x = 0.5\n${'tanh(x) + '.repeat(10_000)}x`;
    const compiled = compileSource(source);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const name = compiled.circuit.outputName;
    expect(name).toHaveLength(MAX_OUTPUT_LABEL);
    expect(name).toBe(`${'tanh(x) + '.repeat(4)}…`.slice(0, MAX_OUTPUT_LABEL - 1) + '…');
  });

  it('keeps a statement’s own name, however long its expression', () => {
    const compiled = compileSource(`x = 1\nloss = ${'x + '.repeat(5_000)}x`);
    expect(compiled.ok && compiled.circuit.outputName).toBe('loss');
  });
});
