import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { createEngine } from './create-engine.ts';
import { EXAMPLES } from './examples.ts';
import { writeInputsInSource } from './write-inputs.ts';

function engineFor(source: string) {
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const engine = createEngine(compiled.circuit);
  return { engine, at: (name: string) => compiled.circuit.indexById.get(name) as number };
}

describe('writeInputsInSource', () => {
  it('replaces numbers and literals in place, keeping a matrix one row per line, exactly enough to read back', () => {
    const source = EXAMPLES.find((e) => e.id === 'eleven-line-net')?.source as string;
    const { engine, at } = engineFor(source);
    const syn1 = [0.1 + 0.2, -1e-7, 12345.678901234567, 2];
    engine.setInput(at('syn1'), syn1);
    engine.setInput(at('syn0'), Array.from({ length: 12 }, (_, k) => k / 3));
    const written = writeInputsInSource(source, engine, [at('syn0'), at('syn1')]);
    expect(written.ok).toBe(true);
    const text = written.ok ? written.source : '';
    expect(text).toContain('syn1 = [[0.30000000000000004], [-1e-7], [12345.678901234567], [2]]');
    expect(text).toContain('syn0 = [[0, 0.3333333333333333, 0.6666666666666666, 1],\n        [1.3333333333333333,');
    expect(text.split('\n').slice(0, 6)).toEqual(source.split('\n').slice(0, 6));
    const again = engineFor(text).engine;
    expect(Array.from(again.value(at('syn1')))).toEqual(syn1);
  });

  it('declares a scalar that was only used, replaces a generated tensor, and refuses NaN', () => {
    const source = 'w = zeros(2); f = sum(w * w) + b * c';
    const { engine, at } = engineFor(source);
    engine.setInput(at('w'), [1.5, -2]);
    engine.setInput(at('c'), 4);
    const written = writeInputsInSource(source, engine, [at('w'), at('c')]);
    expect(written).toEqual({ ok: true, source: 'w = [1.5, -2]; b = 1; c = 4; f = sum(w * w) + b * c' });
    engine.setInput(at('c'), NaN);
    expect(writeInputsInSource(source, engine, [at('c')])).toEqual({ ok: false, message: 'c holds NaN, which cannot be written into a formula' });
  });
});
