import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import { gradOf, nodeNamed, run } from './fixtures/circuits.ts';
import { evaluate } from './evaluate.ts';
import { explainStep } from './explain.ts';
import { parse } from './parser.ts';
import { programToSExpr } from './sexpr.ts';

/** Names that would find something on a plain object: any lookup through `{}` instead of a Map would misbehave. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];

describe('names that Object.prototype also has', () => {
  it.each(PROTOTYPE_NAMES)('%s works as an ordinary declared input', (name) => {
    const result = evaluate(`${name} = 3\nf = ${name} * ${name} + 1`);
    expect(result).toEqual({ ok: true, output: { name: 'f', value: 10 }, inputs: [{ name, shape: [], value: 3, grad: 6 }] });
  });

  it.each(PROTOTYPE_NAMES)('%s works as an undeclared input with value 1', (name) => {
    const result = evaluate(`2 * ${name}`);
    expect(result).toEqual({ ok: true, output: { name: `2 * ${name}`, value: 2 }, inputs: [{ name, shape: [], value: 1, grad: 2 }] });
  });

  it.each(PROTOTYPE_NAMES)('%s works as an intermediate and as the output', (name) => {
    const result = evaluate(`x = 2\n${name} = x * 5`);
    expect(result).toEqual({ ok: true, output: { name, value: 10 }, inputs: [{ name: 'x', shape: [], value: 2, grad: 5 }] });
  });

  it('keeps four such inputs apart, with the right gradient for each', () => {
    const { circuit, tape } = run('__proto__ = 2; constructor = 3; toString = 4; hasOwnProperty = 5\nf = __proto__ * constructor + toString * hasOwnProperty');
    expect(tape.outputValue).toBe(26);
    expect(['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((n) => gradOf(tape, n))).toEqual([3, 2, 5, 4]);
    expect(circuit.indexById.get('__proto__')).toBe(nodeNamed(circuit, '__proto__'));
    expect(circuit.indexById.get('valueOf')).toBeUndefined();
  });

  it('reports reassignment and use-before-definition of such names like any other', () => {
    expect(evaluate('constructor = 1; constructor = 2')).toMatchObject({ ok: false, error: { line: 1, column: 18 } });
    expect(evaluate('f = __proto__ * 2\n__proto__ = 1')).toMatchObject({ ok: false, error: { line: 1, column: 5 } });
    expect(evaluate('toString = toString + 1')).toMatchObject({ ok: false, error: { line: 1, column: 12 } });
  });

  it('parses and explains them without touching objects', () => {
    const parsed = parse('__proto__ = 1; f = constructor + __proto__');
    expect(parsed.ok && programToSExpr(parsed.program)).toBe('(input __proto__ 1) (= f (+ constructor __proto__))');
    const { tape, schedule } = run('__proto__ = 1; f = constructor + __proto__');
    expect(explainStep(tape, schedule, 1).lines).toEqual(['f = constructor + __proto__ = 1 + 1 = 2']);
  });

  it('leaves plain objects as they were after using every such name', () => {
    const source = PROTOTYPE_NAMES.map((n, i) => `${n} = ${i + 1}`).join('\n') + `\nf = ${PROTOTYPE_NAMES.join(' + ')}`;
    expect(evaluate(source)).toMatchObject({ ok: true, output: { value: 36 } });
    const plain: Record<string, unknown> = {};
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(plain.toString).toBe(Object.prototype.toString);
    expect(Object.keys(plain)).toEqual([]);
    expect('f' in plain).toBe(false);
  });
});
