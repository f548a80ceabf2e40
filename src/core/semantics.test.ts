import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import { compiled, gateLabels, gradOf, nodeNamed, run, valueOf } from './fixtures/circuits.ts';
import { wireName } from './circuit.ts';
import { evaluate, type EvaluateResult } from './evaluate.ts';
import { gradientCheck, numericalGradient, relativeError } from './gradcheck.ts';

type Ok = Extract<EvaluateResult, { ok: true }>;

function ok(source: string): Ok {
  const result = evaluate(source);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result;
}

const inputs = (source: string) => ok(source).inputs.map((i) => [i.name, i.value, i.grad]);

describe('inputs and intermediates', () => {
  it('declares an input with `name = number` and `name = -number`', () => {
    expect(inputs('a = 2; b = -3.5; c = - 4; f = a * b * c')).toEqual([['a', 2, 14], ['b', -3.5, -8], ['c', -4, -7]]);
  });

  it('treats `k = 2*3`, `k = (3)` and `y = x` as intermediates, not inputs', () => {
    const { circuit } = run('k = 2*3; m = (3); x = 5; y = x; f = k * m * y');
    expect(circuit.inputs.map((i) => circuit.nodes[i]?.names[0])).toEqual(['x']);
    expect(circuit.nodes[nodeNamed(circuit, 'k')]?.kind).toBe('gate');
    expect(circuit.nodes[nodeNamed(circuit, 'm')]?.kind).toBe('const');
    // `y = x` is another name for the same wire.
    expect(nodeNamed(circuit, 'y')).toBe(nodeNamed(circuit, 'x'));
    expect(inputs('k = 2*3; m = (3); x = 5; y = x; f = k * m * y')).toEqual([['x', 5, 18]]);
  });

  it('makes a name that is used but never assigned an input with value 1', () => {
    const result = ok('(x + y) * z');
    expect(result.output).toEqual({ name: '(x + y) * z', value: 2 });
    expect(result.inputs).toEqual([{ name: 'x', shape: [], value: 1, grad: 1 }, { name: 'y', shape: [], value: 1, grad: 1 }, { name: 'z', shape: [], value: 1, grad: 2 }]);
  });

  it('lists inputs in order of first appearance, declared or not', () => {
    expect(inputs('b = 2\nf = c * b + a * c').map(([name]) => name)).toEqual(['b', 'c', 'a']);
  });

  it('gives gradient 0 to an input that does not reach the output', () => {
    expect(inputs('x = 2; y = 3; unused = y * 100; f = x * x')).toEqual([['x', 2, 4], ['y', 3, 0]]);
  });

  it('takes the last statement as the output, named by its target or its text', () => {
    expect(ok('a = 2; f = a * 3').output).toEqual({ name: 'f', value: 6 });
    expect(ok('a = 2; a * 3 + 1').output).toEqual({ name: 'a * 3 + 1', value: 7 });
    expect(ok('x = 4').output).toEqual({ name: 'x', value: 4 });
    expect(ok('x = 4').inputs).toEqual([{ name: 'x', shape: [], value: 4, grad: 1 }]);
  });

  it('treats pi and e as ordinary names, and 2e1 as the number 20', () => {
    expect(inputs('pi * e + 2e1')).toEqual([['pi', 1, 1], ['e', 1, 1]]);
    expect(ok('pi * e + 2e1').output.value).toBe(21);
    expect(ok('e = 3; e1 = 2; f = e * e1').output.value).toBe(6);
  });

  it('keeps names case-sensitive', () => {
    expect(inputs('x = 2; X = 3; f = x * X')).toEqual([['x', 2, 3], ['X', 3, 2]]);
  });
});

describe('wires', () => {
  it('keep the source text that computes them, balanced, with parentheses only inside', () => {
    expect(compiled('f = (a + b) * (c - d)').nodes.map((n) => n.text)).toEqual(['a', 'b', 'a + b', 'c', 'd', 'c - d', '(a + b) * (c - d)']);
    expect(compiled('f = -((a)) + 2').nodes.map((n) => n.text)).toEqual(['a', '-((a))', '-((a)) + 2']);
  });

  it('are named by their name, an inner gate by a short automatic name (fₖ in f = …, cₖ in the 3rd unnamed statement), the root of an unnamed statement by its text cut to 18 characters', () => {
    const circuit = compiled('x = 1; q = x + 1; (x  +\t2) * 3; x * 1000000 + x * 2000000; f = x * x + 1');
    expect(circuit.nodes.map(wireName)).toEqual(['x', 'q', 'c₁', '(x + 2) * 3', 'd₁', 'd₂', 'x * 1000000 + x *…', 'f₁', 'f']);
  });

  it('get automatic names that survive an edit elsewhere, since they come from the statement and the gate\'s place in it', () => {
    const before = compiled('a = 2\nf = exp(a * 3) + 1').nodes.map(wireName);
    const after = compiled('a = 5\nb = 1\nf = exp(a * 3) + 1').nodes.map(wireName);
    expect(before).toEqual(['a', 'f₁', 'f₂', 'f']);
    expect(after.filter((n) => n.startsWith('f'))).toEqual(['f₁', 'f₂', 'f']);
  });

  it('list the gates that read them, once per argument, and are found by id', () => {
    const { circuit } = run('x = 3; f = x*x + x');
    expect(circuit.consumers).toEqual([[1, 1, 2], [2], []]);
    expect([...circuit.indexById]).toEqual([['x', 0], ['f~1', 1], ['f', 2]]);
  });
});

describe('constants are drawn the way the lecture draws them', () => {
  it.each([
    ['x + 1', ['+1']], ['1 + x', ['+1']], ['x - 1', ['-1']], ['1 - x', ['1-x']], ['-1 * x', ['*-1']], ['x * 2', ['*2']],
    ['1 / x', ['1/x']], ['3 / x', ['3/x']], ['x / 4', ['/4']], ['x ^ 2', ['^2']], ['2 ^ x', ['2^x']], ['-x', ['-x']],
    ['x + -2', ['+(-2)']], ['pow(x, 3)', ['^3']], ['max(x, 0)', ['max']],
  ])('%s is drawn as %j', (source, labels) => {
    expect(gateLabels(compiled(source))).toEqual(labels);
  });

  it('adds a constant wire only when a gate cannot fold it', () => {
    const { circuit } = run('f = max(x, 0) + sin(2)');
    expect(circuit.nodes.filter((n) => n.kind === 'const').map((n) => n.c)).toEqual([0, 2]);
  });
});

describe('each gate, checked against finite differences at ordinary points', () => {
  it.each([
    'a + b', 'a - b', 'a * b', 'a / b', 'a ^ b', 'pow(a, b)', 'max(a, b)', 'min(a, b)', '-a', 'a + 3', 'a - 3', '3 - a',
    'a * 3', 'a / 3', '3 / a', 'a ^ 3', '3 ^ a', 'exp(a)', 'log(a)', 'sqrt(a)', 'abs(a)', 'abs(-a)', 'sin(a)', 'cos(a)',
    'tanh(a)', 'sigmoid(a)', 'relu(a)', 'relu(-a)', 'a ^ 0', 'a ^ 1', '2 ^ a ^ b',
  ])('%s', (formula) => {
    const { tape } = run(`a = 1.3; b = 0.7; f = ${formula}`);
    for (const row of gradientCheck(tape)) expect(row.relativeError).toBeLessThan(1e-7);
    expect(Number.isFinite(tape.outputValue)).toBe(true);
  });

  it('sigmoid grouped and expanded agree with each other and with finite differences over a range of inputs', () => {
    for (let a = -2.5; a <= 2.5; a += 0.25) {
      const grouped = run(`a = ${a}; f = sigmoid(a * a - 2)`);
      const expanded = run(`a = ${a}; f = sigmoid(a * a - 2)`, { expandSigmoid: true });
      expect(expanded.tape.outputValue).toBeCloseTo(grouped.tape.outputValue, 15);
      expect(gradOf(expanded.tape, 'a')).toBeCloseTo(gradOf(grouped.tape, 'a'), 14);
      expect(relativeError(gradOf(grouped.tape, 'a'), numericalGradient(grouped.tape, 0))).toBeLessThan(1e-7);
    }
  });
});

describe('non-differentiable points', () => {
  it("relu'(0) = 0", () => {
    expect(inputs('x = 0; f = relu(x)')).toEqual([['x', 0, 0]]);
  });

  it("abs'(0) = 0", () => {
    expect(inputs('x = 0; f = abs(x)')).toEqual([['x', 0, 0]]);
  });

  it('max routes the whole gradient to the larger input', () => {
    expect(inputs('a = 3; b = 5; f = max(a, b)')).toEqual([['a', 3, 0], ['b', 5, 1]]);
    expect(inputs('a = 5; b = 3; f = max(a, b)')).toEqual([['a', 5, 1], ['b', 3, 0]]);
  });

  it('min routes the whole gradient to the smaller input', () => {
    expect(inputs('a = 3; b = 5; f = min(a, b)')).toEqual([['a', 3, 1], ['b', 5, 0]]);
  });

  it('max and min on a tie route the gradient to the first argument', () => {
    expect(inputs('a = 2; b = 2; f = max(a, b)')).toEqual([['a', 2, 1], ['b', 2, 0]]);
    expect(inputs('a = 2; b = 2; f = min(b, a)')).toEqual([['a', 2, 0], ['b', 2, 1]]);
  });

  it('max of a wire with itself passes the gradient through once', () => {
    expect(inputs('a = 2; f = max(a, a)')).toEqual([['a', 2, 1]]);
  });
});

describe('values outside a domain', () => {
  it('log(-1) gives NaN, without throwing', () => {
    const result = ok('x = -1; f = log(x)');
    expect(result.output.value).toBeNaN();
    expect(result.inputs[0]?.grad).toBe(-1); // 1/x is defined even where log is not
  });

  it('1/0 gives Infinity, without throwing', () => {
    expect(ok('x = 0; f = 1 / x').output.value).toBe(Infinity);
    expect(ok('f = 1 / 0').output.value).toBe(Infinity);
    expect(ok('x = 0; f = -1 / x').output.value).toBe(-Infinity);
  });

  it('sqrt(-1) is NaN and sqrt(0) has an infinite gradient', () => {
    expect(ok('f = sqrt(-1)').output.value).toBeNaN();
    expect(inputs('x = 0; f = sqrt(x)')).toEqual([['x', 0, Infinity]]);
  });

  it('max and min let a NaN through rather than hide it', () => {
    expect(ok('x = -1; f = max(log(x), 0)').output.value).toBeNaN();
    expect(ok('x = -1; f = min(0, log(x))').output.value).toBeNaN();
  });

  it('a dead branch with an infinite gradient does not turn live gradients into NaN', () => {
    expect(inputs('x = 0; dead = 1 / x; f = x + 1')).toEqual([['x', 0, 1]]);
  });

  it('exp overflows to Infinity and its gradient follows', () => {
    expect(inputs('x = 1000; f = exp(x)')).toEqual([['x', 1000, Infinity]]);
  });
});

describe('gradients add where a wire fans out', () => {
  it('x*x + x at x = 3 gives 2x + 1 = 7, as the finite difference does', () => {
    const { tape } = run('x = 3; f = x*x + x');
    expect(gradOf(tape, 'x')).toBe(7);
    expect(numericalGradient(tape, 0)).toBeCloseTo(7, 8);
  });

  it('a wire used in many statements collects every branch', () => {
    const { tape } = run('x = 0.5; a = sin(x); b = x * a; c = exp(b) + x; f = a * b * c');
    const x = valueOf(tape, 'x');
    const f = (v: number) => { const a = Math.sin(v); const b = v * a; return a * b * (Math.exp(b) + v); };
    const h = 1e-6;
    expect(gradOf(tape, 'x')).toBeCloseTo((f(x + h) - f(x - h)) / (2 * h), 8);
  });
});
