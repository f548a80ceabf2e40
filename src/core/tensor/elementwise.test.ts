import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import type { Op } from '../gates.ts';
import { elementwiseBackward, elementwiseBackwardGeneric, elementwiseForward, elementwiseForwardGeneric, FAST_OPS } from './elementwise.ts';
import { TensorTape } from './tensor-tape.ts';

/**
 * The specialised loops of the common elementwise gates must give exactly the bits of the generic path, which calls
 * the scalar gate table: for every shape pattern (same shape, a stretched row, column or scalar on either side) and
 * for awkward numbers (±0, ±∞, NaN, ties, negatives under log, huge and tiny values).
 */
const SHAPES: Record<string, string> = { '3x4': 'zeros(3, 4)', '4': 'zeros(4)', '3x1': 'zeros(3, 1)', '1x4': 'zeros(1, 4)', scalar: '0' };
const BINARY: [string, (a: string, b: string) => string][] = [
  ['add', (a, b) => `${a} + ${b}`], ['sub', (a, b) => `${a} - ${b}`], ['mul', (a, b) => `${a} * ${b}`], ['max', (a, b) => `max(${a}, ${b})`],
];
const UNARY: [string, (a: string) => string][] = [
  ['relu', (a) => `relu(${a})`], ['sigmoid', (a) => `sigmoid(${a})`], ['exp', (a) => `exp(${a})`], ['log', (a) => `log(${a})`],
  ['powc', (a) => `${a}^2`], ['powc', (a) => `${a}^3`], ['powc', (a) => `${a}^0.5`], ['powc', (a) => `${a}^-1`],
  ['mulc', (a) => `3 * ${a}`], ['neg', (a) => `-${a}`], ['tanh', (a) => `tanh(${a})`],
];
const PAIRS: [string, string][] = [['3x4', '3x4'], ['3x4', '4'], ['4', '3x4'], ['3x4', '3x1'], ['3x1', '3x4'], ['3x1', '1x4'], ['3x4', 'scalar'], ['scalar', '3x4'], ['4', '4'], ['3x1', '3x1']];

const special = fc.constantFrom(0, -0, 1, -1, 2, 0.5, NaN, Infinity, -Infinity, 1e-300, -1e300, 5e-324, 710, -745);
const number = fc.oneof(special, fc.double(), fc.double({ min: -50, max: 50, noNaN: true }));

function engineFor(source: string, op: string): { tape: TensorTape; gate: number } {
  const result = compileSource(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  const { circuit } = result;
  const gate = circuit.nodes.findIndex((n) => n.op === op);
  if (gate < 0) throw new Error(`${source} has no ${op} gate`);
  return { tape: new TensorTape(circuit), gate };
}

function expectSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  const bad = [...expected.keys()].filter((i) => !Object.is(actual[i], expected[i]));
  expect(bad.map((i) => `${what} @${i}: ${actual[i]} vs ${expected[i]}`)).toEqual([]);
}

/** Forward and each argument's backward, fast against generic, from random values, gradients and targets. */
function agree(tape: TensorTape, gate: number, numbers: number[]): void {
  const plan = tape.plan(gate);
  if (!plan) throw new Error('no plan');
  const size = tape.values.length;
  const pick = (i: number) => numbers[i % numbers.length] as number;
  const v = Float64Array.from({ length: size }, (_, i) => pick(i));
  const fast = Float64Array.from(v);
  elementwiseForward(plan, fast);
  elementwiseForwardGeneric(plan, v);
  expectSameBits(fast, v, 'forward');
  const g = Float64Array.from({ length: size }, (_, i) => pick(i * 7 + 3));
  const args = tape.circuit.nodes[gate]?.args ?? [];
  args.forEach((arg, j) => {
    const start = Float64Array.from({ length: size }, (_, i) => pick(i * 5 + 1));
    const [t1, t2] = [Float64Array.from(start), Float64Array.from(start)];
    elementwiseBackward(plan, v, g, j, t1, tape.offset[arg] as number);
    elementwiseBackwardGeneric(plan, v, g, j, t2, tape.offset[arg] as number);
    expectSameBits(t1, t2, `backward ${j}`);
  });
}

describe('elementwise fast paths agree exactly with the gate table', () => {
  it('covers every op that has a fast path', () => {
    const tested = new Set([...BINARY.map(([op]) => op), ...UNARY.map(([op]) => op)]);
    expect(FAST_OPS.filter((op: Op) => !tested.has(op))).toEqual([]);
  });

  for (const [op, write] of BINARY) {
    for (const [sa, sb] of PAIRS) {
      it(`${op}: ${sa} with ${sb}`, () => {
        const { tape, gate } = engineFor(`a = ${SHAPES[sa]}\nb = ${SHAPES[sb]}\nq = ${write('a', 'b')}\nL = sum(q)`, op);
        fc.assert(fc.property(fc.array(number, { minLength: 1, maxLength: 40 }), (numbers) => agree(tape, gate, numbers)), { numRuns: 60 });
      });
    }
  }

  for (const [op, write] of UNARY) {
    it(`${write('a')} on 3x4, 4 and 3x1`, () => {
      for (const shape of ['3x4', '4', '3x1']) {
        const { tape, gate } = engineFor(`a = ${SHAPES[shape]}\nq = ${write('a')}\nL = sum(q)`, op);
        fc.assert(fc.property(fc.array(number, { minLength: 1, maxLength: 40 }), (numbers) => agree(tape, gate, numbers)), { numRuns: 60 });
      }
    });
  }

  it('max(0, x) with the constant stretched, ties included', () => {
    const { tape, gate } = engineFor('x = zeros(3, 4)\nL = sum(max(0, x))', 'max');
    agree(tape, gate, [0, -0, 1, -1, NaN, 0, 2, -0]);
  });
});
