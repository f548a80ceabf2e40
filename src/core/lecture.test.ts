import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import examples from './fixtures/lecture-examples.json' with { type: 'json' };
import { compiled, gateCount, gateLabels, gradOf, nodeNamed, run, valueOf } from './fixtures/circuits.ts';
import { gradientCheck } from './gradcheck.ts';
import { Tape } from './tape.ts';

interface Example {
  readonly id: string;
  readonly source: string;
  readonly values: Record<string, number>;
  readonly grads: Record<string, number>;
}
// TypeScript types each example by its own keys; every one has the shape of Example.
const lecture = examples as unknown as readonly Example[];
const example = (id: string) => lecture.find((e) => e.id === id) as Example;

/** The lecture's inputs for example 2, declared so the one-expression forms run at the slide's point. */
const NEURON_INPUTS = 'w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\n';
const NEURON_INPUT_NAMES = ['w0', 'x0', 'w1', 'x1', 'w2'];
/** The slide's σ local gradient, (1 - f) f at f = σ(1). */
const SIGMOID_LOCAL = 0.19661193324148185;

describe('the fixture', () => {
  const shared = new URL('../../../shared/lecture/examples.json', import.meta.url);
  it.runIf(existsSync(shared))('is an exact copy of shared/lecture/examples.json (skipped where ../shared/ does not sit beside the repository)', () => {
    expect(JSON.parse(readFileSync(new URL('./fixtures/lecture-examples.json', import.meta.url), 'utf8'))).toEqual(
      JSON.parse(readFileSync(shared, 'utf8')));
  });

  it('holds the three worked examples', () => {
    expect(lecture.map((e) => e.id)).toEqual(['lecture-1', 'lecture-2', 'lecture-3']);
  });
});

describe.each(lecture)('$id, reproduced gate by gate', ({ source, values, grads }) => {
  const { circuit, tape } = run(source);

  it.each(Object.entries(values))('wire %s carries the value %s', (name, value) => {
    expect(valueOf(tape, name)).toBeCloseTo(value, 14);
  });

  it.each(Object.entries(grads))('wire %s receives the gradient %s', (name, grad) => {
    expect(gradOf(tape, name)).toBeCloseTo(grad, 14);
  });

  it('names every wire the lecture names and has exactly one gate per assignment', () => {
    for (const name of Object.keys(values)) expect(() => nodeNamed(circuit, name)).not.toThrow();
    expect(gateCount(circuit) + circuit.inputs.length).toBe(Object.keys(values).length);
  });

  it('agrees with the numerical gradient of every input', () => {
    for (const row of gradientCheck(tape)) expect(row.relativeError).toBeLessThan(1e-8);
  });
});

describe('lecture 1: f = (x + y) z', () => {
  it('computes q = 3, f = -12 and the gradients -4, -4, 3 for x, y, z', () => {
    const { circuit, tape } = run(example('lecture-1').source);
    expect(tape.outputValue).toBe(-12);
    expect(circuit.inputs.map((i) => tape.grads[i])).toEqual([-4, -4, 3]);
    expect(gateLabels(circuit)).toEqual(['+', '*']);
  });
});

describe('lecture 2: the sigmoid neuron', () => {
  it('draws the gates as the slides do: *, *, +, +, *-1, exp, +1, 1/x', () => {
    expect(gateLabels(compiled(example('lecture-2').source))).toEqual(['*', '*', '+', '+', '*-1', 'exp', '+1', '1/x']);
  });

  const forms = {
    'staged, as in examples.json': example('lecture-2').source,
    'one expression': `${NEURON_INPUTS}f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))`,
    'one sigmoid gate': `${NEURON_INPUTS}f = sigmoid(w0*x0 + w1*x1 + w2)`,
  };
  const expected = example('lecture-2');

  it.each(Object.entries(forms))('written %s, gives f = 0.73 and the slide input gradients', (_form, source) => {
    const { tape } = run(source);
    expect(tape.outputValue).toBeCloseTo(expected.values.f as number, 15);
    for (const name of NEURON_INPUT_NAMES) expect(gradOf(tape, name)).toBeCloseTo(expected.grads[name] as number, 15);
  });

  it('groups sigmoid(...) into one σ gate whose local gradient is (1 - f) f = 0.19661193324148185', () => {
    const { circuit, tape } = run(forms['one sigmoid gate']);
    expect(gateLabels(circuit)).toEqual(['*', '*', '+', '+', 'σ']);
    const f = tape.outputValue;
    expect((1 - f) * f).toBe(SIGMOID_LOCAL);
    expect(tape.locals[2 * circuit.output]).toBe(SIGMOID_LOCAL);
    expect(gradOf(tape, 'w2')).toBe(SIGMOID_LOCAL);
  });

  it('expands the σ gate into *-1, exp, +1 and 1/x, grouped under the σ gate, with the same numbers', () => {
    const grouped = run(forms['one sigmoid gate']);
    const expanded = run(forms['one sigmoid gate'], { expandSigmoid: true });
    expect(gateLabels(expanded.circuit)).toEqual(['*', '*', '+', '+', '*-1', 'exp', '+1', '1/x']);
    const members = expanded.circuit.nodes.filter((n) => n.group !== undefined);
    expect(members.map((n) => n.group)).toEqual(['f', 'f', 'f', 'f']);
    expect(members.at(-1)?.id).toBe('f');
    expect(expanded.tape.outputValue).toBeCloseTo(grouped.tape.outputValue, 15);
    const inputs = (t: Tape) => t.circuit.inputs.map((i) => t.grads[i] as number);
    inputs(expanded.tape).forEach((g, i) => expect(g).toBeCloseTo(inputs(grouped.tape)[i] as number, 15));
    // The expanded circuit is the staged one of examples.json, gate for gate.
    const staged = run(expected.source);
    expect(expanded.tape.values.slice(5)).toEqual(staged.tape.values.slice(5));
  });

  it('gives the four expanded gates the gradients of the slide: -0.20, -0.53, -0.53, 1', () => {
    const { circuit, tape } = run(forms['one sigmoid gate'], { expandSigmoid: true });
    const group = circuit.nodes.flatMap((n, i) => (n.group === 'f' ? [tape.grads[i] as number] : []));
    const { grads } = expected;
    [grads.u, grads.v, grads.p, grads.f].forEach((g, i) => expect(group[i]).toBeCloseTo(g as number, 15));
  });
});

describe('lecture 3: patterns in backward flow, f = 2 (x y + max(z, w))', () => {
  const { circuit, tape } = run(example('lecture-3').source);

  it('draws *, max, + and *2', () => {
    expect(gateLabels(circuit)).toEqual(['*', 'max', '+', '*2']);
  });

  it('add distributes: both branches receive the 2 that reaches the sum', () => {
    expect([gradOf(tape, 's'), gradOf(tape, 'm'), gradOf(tape, 'r')]).toEqual([2, 2, 2]);
  });

  it("mul switches: each input receives the upstream gradient times the other input's value", () => {
    expect(gradOf(tape, 'x')).toBe(valueOf(tape, 'y') * 2);
    expect(gradOf(tape, 'y')).toBe(valueOf(tape, 'x') * 2);
  });

  it('max routes the whole gradient to the larger input', () => {
    expect(gradOf(tape, 'z')).toBe(2);
    expect(gradOf(tape, 'w')).toBe(0);
  });
});
