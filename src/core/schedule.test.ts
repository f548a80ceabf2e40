import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import examples from './fixtures/lecture-examples.json' with { type: 'json' };
import { compiled, gradOf, nodeNamed, run, valueOf } from './fixtures/circuits.ts';
import { explainStep } from './explain.ts';
import { Schedule } from './schedule.ts';
import { GRAD_COMPLETE, GRAD_NONE, GRAD_PARTIAL, snapshotAt } from './snapshot.ts';
import { Tape } from './tape.ts';

const LECTURE_1 = (examples[0] as { source: string }).source;
/** x feeds the product twice and the sum once: three branches whose gradients add to 2x + 1 = 7. */
const FAN_OUT = 'x = 3; f = x*x + x';

describe('the schedule', () => {
  it('starts at step 0, steps forward once per gate, seeds the output, then steps back once per gate', () => {
    const { circuit, schedule } = run(LECTURE_1);
    const q = nodeNamed(circuit, 'q');
    const f = nodeNamed(circuit, 'f');
    const steps = Array.from({ length: schedule.last + 1 }, (_, k) => schedule.step(k));
    expect(steps).toEqual([
      { phase: 'start', node: -1 },
      { phase: 'forward', node: q },
      { phase: 'forward', node: f },
      { phase: 'seed', node: f },
      { phase: 'backward', node: f },
      { phase: 'backward', node: q },
    ]);
    expect([schedule.forwardCount, schedule.seedStep, schedule.backwardCount, schedule.last]).toEqual([2, 3, 2, 5]);
  });

  it('visits gates forward in topological order and backward in exactly the reverse order', () => {
    const { circuit, schedule } = run((examples[1] as { source: string }).source);
    const forward: number[] = [];
    const backward: number[] = [];
    for (let k = 1; k <= schedule.last; k++) {
      const { phase, node } = schedule.step(k);
      if (phase === 'forward') forward.push(node);
      if (phase === 'backward') backward.push(node);
    }
    forward.forEach((g, k) => {
      for (const a of circuit.nodes[g]?.args ?? []) expect(forward.indexOf(a) < k).toBe(true);
    });
    expect(backward).toEqual([...forward].reverse());
    expect(forward).toHaveLength(8);
  });

  it('clamps out-of-range step numbers to the first and last step', () => {
    const { schedule } = run(LECTURE_1);
    expect(schedule.step(-3).phase).toBe('start');
    expect(schedule.clamp(99)).toBe(schedule.last);
    expect(schedule.clamp(Infinity)).toBe(schedule.last);
    expect(schedule.clamp(NaN)).toBe(0);
    expect(schedule.clamp(2.7)).toBe(2);
  });

  it('leaves gates that do not reach the output out of the backward pass', () => {
    const { circuit, schedule } = run('x = 2; unused = x * 10; f = x + 1');
    expect(schedule.forwardCount).toBe(2);
    expect(schedule.backwardCount).toBe(1);
    expect(schedule.stepOf('backward', nodeNamed(circuit, 'unused'))).toBe(-1);
    expect(schedule.stepOf('forward', nodeNamed(circuit, 'unused'))).toBe(1);
    expect(schedule.stepOf('forward', nodeNamed(circuit, 'x'))).toBe(-1);
  });
});

describe('snapshots while stepping', () => {
  it('shows values appearing gate by gate during the forward pass, and no gradients before the seed', () => {
    const { circuit, tape, schedule } = run(LECTURE_1);
    const q = nodeNamed(circuit, 'q');
    const f = nodeNamed(circuit, 'f');
    expect(Array.from(snapshotAt(tape, schedule, 0).hasValue)).toEqual([1, 1, 1, 0, 0]);
    expect(snapshotAt(tape, schedule, 1).hasValue[q]).toBe(1);
    expect(snapshotAt(tape, schedule, 1).hasValue[f]).toBe(0);
    expect(Array.from(snapshotAt(tape, schedule, 2).gradState)).toEqual([0, 0, 0, 0, 0]);
    const seeded = snapshotAt(tape, schedule, schedule.seedStep);
    expect(seeded.grad[f]).toBe(1);
    expect(seeded.gradState[f]).toBe(GRAD_COMPLETE);
  });

  it('shows partial sums while a fanned-out wire waits for its branches: 0, then 1, then 1 + 3 + 3 = 7', () => {
    const { circuit, tape, schedule } = run(FAN_OUT);
    const x = nodeNamed(circuit, 'x');
    const at = (k: number) => snapshotAt(tape, schedule, k);
    expect([at(3).grad[x], at(3).gradState[x]]).toEqual([0, GRAD_NONE]);
    expect([at(4).grad[x], at(4).gradState[x]]).toEqual([1, GRAD_PARTIAL]);
    expect([at(5).grad[x], at(5).gradState[x]]).toEqual([7, GRAD_COMPLETE]);
    expect(at(5).grad[x]).toBe(2 * 3 + 1); // d(x² + x)/dx at x = 3
  });

  it('ends with every gradient equal to the tape and marked complete, dead wires included', () => {
    const { tape, schedule } = run('x = 2; y = 5; unused = y * 10; f = x * x');
    const last = snapshotAt(tape, schedule, schedule.last);
    expect(Array.from(last.grad)).toEqual(Array.from(tape.grads));
    expect(last.gradState.every((s) => s === GRAD_COMPLETE)).toBe(true);
  });
});

describe('explanations', () => {
  const { tape, schedule } = run(LECTURE_1);
  const lines = (k: number) => explainStep(tape, schedule, k).lines;

  it('lists the inputs at the start', () => {
    expect(lines(0)[0]).toBe('The inputs are x = -2, y = 5, z = -4.');
  });

  it('writes each forward step as formula = numbers = value: q = x + y = -2 + 5 = 3', () => {
    expect(lines(1)).toEqual(['q = x + y = -2 + 5 = 3']);
    expect(lines(2)).toEqual(['f = q · z = 3 · (-4) = -12']);
  });

  it('seeds the backward pass with ∂f/∂f = 1', () => {
    expect(lines(3)[0]).toBe('∂f/∂f = 1');
  });

  it('writes each backward step as the chain rule: ∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4', () => {
    expect(lines(4)).toEqual([
      'Upstream: ∂f/∂f = 1',
      '∂f/∂q = ∂f/∂f · ∂f/∂q = 1 · (-4) = -4   (local: ∂f/∂q = z = -4)',
      '∂f/∂z = ∂f/∂f · ∂f/∂z = 1 · 3 = 3   (local: ∂f/∂z = q = 3)',
    ]);
    expect(lines(5)).toEqual([
      'Upstream: ∂f/∂q = -4',
      '∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4   (local: ∂q/∂x = 1)',
      '∂f/∂y = ∂f/∂q · ∂q/∂y = -4 · 1 = -4   (local: ∂q/∂y = 1)',
    ]);
  });

  it('records upstream, local and downstream as numbers, with downstream = local × upstream', () => {
    const step = explainStep(tape, schedule, 5);
    if (step.phase !== 'backward') throw new Error('expected a backward step');
    expect(step.upstream).toBe(-4);
    expect(step.terms.map((t) => [t.name, t.local, t.downstream])).toEqual([['x', 1, -4], ['y', 1, -4]]);
    expect(step.pattern).toMatch(/distributes/);
  });

  it('shows how the branches of a fanned-out wire add up, one contribution at a time', () => {
    const fan = run(FAN_OUT);
    const add = explainStep(fan.tape, fan.schedule, 4);
    const mul = explainStep(fan.tape, fan.schedule, 5);
    if (add.phase !== 'backward' || mul.phase !== 'backward') throw new Error('expected backward steps');
    const sums = [...add.terms, ...mul.terms].filter((t) => t.name === 'x').map((t) => [t.before, t.after, t.received, t.branches]);
    expect(sums).toEqual([[0, 1, 1, 3], [1, 4, 2, 3], [4, 7, 3, 3]]);
    expect(mul.lines[2]).toMatch(/gradients add: 4 \+ 3 = 7 \(3 of 3 received\)$/);
  });

  it('names an anonymous wire by its short automatic name, f₁ for the first gate inside f = …', () => {
    const { tape: t, schedule: s } = run('f = (a + b) * c');
    expect(explainStep(t, s, 1).lines).toEqual(['f₁ = a + b = 1 + 1 = 2']);
    expect(explainStep(t, s, 5).lines[0]).toBe('Upstream: ∂f/∂f₁ = 1');
  });

  it('explains the one-line sigmoid neuron with short names and balanced brackets throughout', () => {
    const { tape: t, schedule: s } = run('w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\nf = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))');
    for (let k = 0; k <= s.last; k++) {
      for (const line of explainStep(t, s, k).lines) {
        expect(line).not.toMatch(/…|exp\(-\(/);
        expect([...line].filter((c) => c === '(').length).toBe([...line].filter((c) => c === ')').length);
      }
    }
    expect(explainStep(t, s, s.last).lines.join('\n')).toContain('∂f/∂w0 = ∂f/∂f₁ · ∂f₁/∂w0');
  });
});

describe('changing an input', () => {
  it('recomputes every value and gradient on the same tape, as a fresh compile would', () => {
    const circuit = compiled(LECTURE_1);
    const tape = new Tape(circuit);
    const schedule = new Schedule(circuit);
    tape.setInput(nodeNamed(circuit, 'x'), 1);
    tape.run();
    const fresh = new Tape(compiled(LECTURE_1.replace('x = -2', 'x = 1')));
    expect(Array.from(tape.values)).toEqual(Array.from(fresh.values));
    expect(Array.from(tape.grads)).toEqual(Array.from(fresh.grads));
    expect([valueOf(tape, 'q'), valueOf(tape, 'f'), gradOf(tape, 'z')]).toEqual([6, -24, 6]);
    // The schedule depends on the shape alone, so the same object explains the new numbers.
    expect(explainStep(tape, schedule, 1).lines).toEqual(['q = x + y = 1 + 5 = 6']);
  });

  it('refuses to set a value on a wire that is not an input', () => {
    const circuit = compiled(LECTURE_1);
    expect(() => new Tape(circuit).setInput(nodeNamed(circuit, 'q'), 1)).toThrow(/not an input/);
  });
});
