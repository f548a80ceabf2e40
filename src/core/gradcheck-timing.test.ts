import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { createEngine } from './create-engine.ts';
import { gradientCheckTiming } from './gradcheck.ts';

const engineOf = (source: string) => {
  const r = compileSource(source);
  if (!r.ok) throw new Error(r.error.message);
  return createEngine(r.circuit);
};

describe('the gradient check’s timing', () => {
  it('counts two forward passes per element checked against one backward pass, and times both', () => {
    const engine = engineOf('x = -2; y = 5; z = -4; q = x + y; f = q * z');
    const before = [Array.from(engine.values), Array.from(engine.grads)];
    const timing = gradientCheckTiming(engine);
    expect(timing).toMatchObject({ forwardPasses: 6, backwardPasses: 1 });
    expect(timing.numericalMs).toBeGreaterThan(0);
    expect(timing.analyticMs).toBeGreaterThan(0);
    expect([Array.from(engine.values), Array.from(engine.grads)]).toEqual(before);
  });

  it('counts the sampled elements of a big tensor, not all of them', () => {
    const timing = gradientCheckTiming(engineOf('x = randn(4096); f = sum(max(0, x))'));
    expect(timing.forwardPasses).toBe(48);
  });
});
