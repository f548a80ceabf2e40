import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import { EXAMPLES } from '../examples.ts';
import { Schedule } from '../schedule.ts';
import { questionAt, type Question } from './question.ts';

function questions(source: string): (Question | null)[] {
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const engine = createEngine(compiled.circuit);
  engine.run();
  const schedule = new Schedule(compiled.circuit);
  return Array.from({ length: schedule.last + 1 }, (_, k) => questionAt(engine, schedule, k));
}
const brief = (q: Question | null) => q && `${q.kind} ${q.asked} = ${q.answerText}`;
const example = (id: string) => EXAMPLES.find((e) => e.id === id)?.source ?? '';

describe('the question a step asks', () => {
  it('on the lecture’s first circuit: each value forward, the seed, then the gradient on each gate’s first input', () => {
    const qs = questions('x = -2; y = 5; z = -4; f = (x + y) * z');
    expect(qs.map(brief)).toEqual([null, 'value f₁ = 3', 'value f = -12', 'grad ∂f/∂f = 1', 'grad ∂f/∂f₁ = -4', 'grad ∂f/∂x = -4']);
    expect(qs.map((q) => q?.key)).toEqual([undefined, 'forward:f~1', 'forward:f', 'seed:f', 'backward:f', 'backward:f~1']);
    expect(qs.map((q) => q?.step)).toEqual([undefined, 1, 2, 3, 4, 5]);
  });

  it('gives the reason from the step’s explanation: the forward line, the seed’s sentence, local × upstream', () => {
    const qs = questions('x = -2; y = 5; z = -4; f = (x + y) * z');
    expect(qs[1]?.reason).toBe('f₁ = x + y = -2 + 5 = 3');
    expect(qs[3]?.reason).toMatch(/with respect to itself is 1/);
    expect(qs[4]?.reason).toBe('local × upstream = -4 · 1 = -4   (local: ∂f/∂f₁ = z)');
    expect(qs[5]?.reason).toBe('local × upstream = 1 · (-4) = -4');
  });

  it('hides what the step computes: the output’s value forward, every input’s gradient backward', () => {
    const qs = questions('x = -2; y = 5; z = -4; f = (x + y) * z');
    expect(qs[1]?.hides).toEqual({ value: [3], grad: [], tag: [] });
    expect(qs[3]?.hides).toEqual({ value: [], grad: [4], tag: [] });
    expect(qs[4]?.hides).toEqual({ value: [], grad: [3, 2], tag: [] });
  });

  it('at a wire that fans out, asks for the sum so far and says what it was added to', () => {
    const qs = questions('x = 3; f = x * x + max(0, x)');
    // max(0, x): the constant 0 is skipped; x has three branches, this is the first to report.
    expect(brief(qs[6] ?? null)).toBe('grad ∂f/∂x so far = 1');
    expect(brief(qs[7] ?? null)).toBe('grad ∂f/∂x = 7');
    expect(qs[7]?.reason).toBe('local × upstream = 3 · 1 + 3 · 1 = 6   (local: ∂f₁/∂x = x); added to the 1 already there: 7');
  });

  it('on tensor wires: the shape forward (its tag hidden too), the Jacobian’s size backward', () => {
    const qs = questions(example('vector-norm'));
    expect(qs.map(brief)).toEqual([
      null, 'shape the shape of q = 2', 'shape the shape of f₁ = 2', 'value f = 0.116', 'grad ∂f/∂f = 1',
      'jacobian the size of ∂f/∂f₁ = 1×2', 'jacobian the size of ∂f₁/∂q = 2×2', 'jacobian the size of ∂q/∂W = 2×4',
    ]);
    expect(qs[1]).toMatchObject({ answer: [2], reason: 'q = W @ x   (2×2 @ 2 → 2)', hides: { value: [2], tag: [2] } });
    expect(qs[7]?.reason).toMatch(/^one row per number of q \(2\), one column per number of W \(4\); .*∂f\/∂W = ∂f\/∂q · xᵀ/);
  });

  it('the lecture’s 4096-vector: its Jacobian is 4096×4096', () => {
    const qs = questions(example('relu-4096'));
    expect(qs.at(-1)).toMatchObject({ kind: 'jacobian', answer: [4096, 4096], answerText: '4096×4096', wire: 'x' });
  });

  it('a scalar in a tensor circuit is asked for its gradient', () => {
    const qs = questions('s = 2; v = [1, 2]; f = sum(s * v)');
    expect(qs.at(-1)).toMatchObject({ kind: 'grad', wire: 's', answer: 3 });
  });

  it('a gate of constants only asks nothing backward', () => {
    const qs = questions('k = 2*3; f = k * x');
    expect(qs.at(-1)).toBeNull();
  });
});
